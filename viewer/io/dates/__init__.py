"""Step 3: written dates to instants, a whole column at a time (sources, years filled in)."""
