from django.apps import AppConfig


class JournalismConfig(AppConfig):
    name = "masthead.journalism"
    label = "journalism"
    verbose_name = "Journalism"

    def ready(self) -> None:
        from masthead.journalism import receivers
        from masthead.journalism.slugs import use_burmese_slug_rule

        receivers.connect()
        use_burmese_slug_rule()
