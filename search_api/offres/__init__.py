"""Job offers: search, the job market of a métier, offers in the search box."""
