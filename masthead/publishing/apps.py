from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "masthead.publishing"
    label = "publishing"
    verbose_name = "Publishing"
