from __future__ import annotations

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_pages() -> None:
    """Publish every revision whose scheduled time has come, and unpublish expired pages."""
    call_command("publish_scheduled", verbosity=0)


@task()
def email_contact_message(message_id: int) -> None:
    from masthead.journalism.services import send_contact_message_email

    send_contact_message_email(message_id=message_id)
