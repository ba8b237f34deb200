"""The web app: server-rendered French pages over the domain services, with a little plain JS."""
