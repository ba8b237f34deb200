""" "Ce que j'ai fait": free text -> compétences with evidence -> the métiers they open."""
