from django.urls import path

from masthead.newsletters import views

#: Under each edition: /newsletter/ and /my/newsletter/, and the links its mail carries.
edition_patterns = [
    path("newsletter/", views.sign_up, name="newsletter"),
    path("newsletter/confirm/<str:signed>/", views.confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<str:signed>/",
        views.unsubscribe_view,
        name="newsletter_unsubscribe",
    ),
]
