from django.urls import path

from . import views

urlpatterns = [
    path("event-registration/<int:pk>/", views.register, name="event_registration"),
    path("event-registration/<int:pk>/seats/", views.seats, name="event_seats"),
    path(
        "event-registration/cancel/<str:token>/",
        views.cancel,
        name="event_registration_cancel",
    ),
]
