"""Signals the journalism layer sends to the layers above it, which it cannot call."""

from django.dispatch import Signal

# Sent inside the transaction, after `QuerySet.update()` changed rows that reader pages show.
# update() sends no post_save, so without this the content generation
# (masthead/publishing/generation.py) would keep serving what was read before the change.
rows_updated = Signal()
