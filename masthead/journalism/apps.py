from django.apps import AppConfig


class JournalismConfig(AppConfig):
    name = "masthead.journalism"
    label = "journalism"
    verbose_name = "Journalism"

    def ready(self) -> None:
        from masthead.journalism import receivers

        receivers.connect()
