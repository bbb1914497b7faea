"""The headless sub-commands of the command line."""
