"""The search box, the conseiller's appellation lookup and as-you-type suggestions."""
