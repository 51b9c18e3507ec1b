"""Account emails go straight to the mail relay while the reader waits: a reader who signs up
or asks for a password reset needs the message now, and is there to be told if it cannot go."""

from __future__ import annotations

import smtplib


class MailUnavailable(Exception):
    """The mail relay refused or could not be reached; nothing was sent."""


#: What Django's SMTP backend raises when the relay is down, refuses us or times out.
DELIVERY_ERRORS: tuple[type[BaseException], ...] = (OSError, smtplib.SMTPException)
