from django.apps import AppConfig


class WeatherConfig(AppConfig):
    name = "masthead.journalism.weather"
    label = "weather"
    verbose_name = "Weather line"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.core.periodic import register_periodic_job
        from masthead.journalism.weather import tasks

        register_periodic_job(
            name="refresh-weather", every=tasks.REFRESH_EVERY, task=tasks.refresh_configured_weather
        )
