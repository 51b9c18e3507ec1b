"""The weather line in the reader site's header: one configured city, read from a weather
provider by a periodic job and shown in the edition's language (docs/decisions/0012)."""
