"""Static-first publishing: reader pages rendered to files when content changes, the feeds
and sitemaps, the light edition, mirrors and the offline bundle."""
