"""The two-step verification pages, in the admin at /admin/two-factor/ (wagtail_hooks.py)."""

from django.urls import path

from . import views

app_name = "two_factor"
urlpatterns = [
    path("", views.ManageView.as_view(), name="manage"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("setup/", views.SetupView.as_view(), name="setup"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("recovery-codes/new/", views.NewRecoveryCodesView.as_view(), name="new_recovery_codes"),
    path("turn-off/", views.TurnOffView.as_view(), name="turn_off"),
]
