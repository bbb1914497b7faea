"""Timeline Viewer: a fast, zoomable timeline of dated events."""

__version__ = "0.1.0"
