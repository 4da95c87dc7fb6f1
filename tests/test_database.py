"""Which engine the suite ran on, so a CI log shows that PostgreSQL was really used."""

import os

import pytest

from django.db import connection


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="DATABASE_URL does not name PostgreSQL",
)
def test_runs_on_postgresql_when_database_url_says_so(db):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        assert cursor.fetchone()[0]
