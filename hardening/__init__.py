"""Fault scenarios run against real processes: `metierscope chaos` (issue 17)."""
