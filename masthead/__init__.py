"""masthead: a static-first news publishing platform for independent newsrooms."""
