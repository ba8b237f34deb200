"""Territories: as-you-type search by name, postcode or code, and browsing down the tree."""
