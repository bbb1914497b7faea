"""The timeline: pyqtgraph items and the plot that draw the event table."""
