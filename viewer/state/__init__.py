"""The one observable session: loaded sources, filters, search and selection."""
