"""Reading timeline files into the event model and writing events out; no Qt here."""
