from __future__ import annotations

from django_tasks import task


@task()
def send_subscriber_mail(subscriber_id: int) -> None:
    from masthead.newsletters.services import send_subscriber_mail

    send_subscriber_mail(subscriber_id=subscriber_id)


@task()
def send_owed_mail() -> None:
    """Periodic: mail that could not be sent before (the relay was down)."""
    from masthead.newsletters.services import send_owed_mail

    send_owed_mail()
