"""Widgets: they show state and post intent; the screens do the work (in workers)."""
