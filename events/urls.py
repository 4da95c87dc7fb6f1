from django.urls import path

from . import feeds, views

urlpatterns = [
    path("events.ics", feeds.all_events, name="event_feed"),
    path("events/<slug:region>.ics", feeds.region_events, name="region_event_feed"),
    path("event/<int:pk>.ics", feeds.one_event, name="event_ics"),
    path("event-registration/<int:pk>/", views.register, name="event_registration"),
    path("event-registration/<int:pk>/seats/", views.seats, name="event_seats"),
    path(
        "event-registration/cancel/<str:token>/",
        views.cancel,
        name="event_registration_cancel",
    ),
]
