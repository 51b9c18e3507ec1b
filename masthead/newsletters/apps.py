from datetime import timedelta

from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "masthead.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self) -> None:
        from masthead.core.periodic import register_periodic_job
        from masthead.newsletters import tasks

        # Mail that could not go out (the relay was down) is tried again from here.
        register_periodic_job(
            name="send-owed-newsletter-mail",
            every=timedelta(minutes=5),
            task=tasks.send_owed_mail,
        )
