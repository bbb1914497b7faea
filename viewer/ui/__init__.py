"""Widgets: the main window, panels and dialogs."""
