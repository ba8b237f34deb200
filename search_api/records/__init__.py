"""Single records: fiches, compétences, and the métiers close to a fiche."""
