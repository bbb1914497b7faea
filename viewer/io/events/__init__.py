"""Step 4: the mapped, dated columns into event columns and the EventTable."""
