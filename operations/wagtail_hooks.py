from django.urls import path

from wagtail import hooks

from .views import TestErrorView


@hooks.register("register_admin_urls")
def operations_urls():
    return [
        path("operations/test-error/", TestErrorView.as_view(), name="operations_test_error"),
    ]
