"""The transition journey's non-page parts: the CV as PDF, the "Passer à l'action" links to
the public services, and the privacy-preserving impact indicators (`/metrics`, `/stats`)."""
