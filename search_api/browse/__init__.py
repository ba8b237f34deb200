"""Browsing: métiers by first letter, centre d'intérêt, secteur, domaine, and those lists."""
