"""Reader accounts (django-allauth in the edition's language and look); comments later."""
