"""The light edition: text-first pages for 2G connections and old phones."""
