"""Anonymous readers for ``make loadtest``: the main pages of both languages, in turn."""

import os

from locust import HttpUser, between, task

PATHS = os.environ.get("LOADTEST_PATHS", "/").split(",")


class Reader(HttpUser):
    wait_time = between(0.05, 0.2)

    @task
    def read(self):
        for path in PATHS:
            with self.client.get(path, name=path, catch_response=True) as response:
                if response.status_code >= 500:
                    response.failure(f"{response.status_code}")
                elif response.status_code in (200, 404):
                    response.success()
