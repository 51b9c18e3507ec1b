"""The demo newsroom (Ayeyar Chronicle) and the synthetic archive generator."""
