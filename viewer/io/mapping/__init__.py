"""Step 2: which column plays which role (known layouts, header names, the cells themselves)."""
