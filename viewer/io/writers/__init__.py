"""Events out: our own JSON Lines/CSV, TimelineJS and Timesketch, written atomically."""
