from django.dispatch import Signal

# Sent after a commit that changed what the weather line says (or brought it back after a
# long silence). The publisher listens, to re-render the pages that show the line: the
# journalism layer cannot call the publisher itself.
weather_changed = Signal()
