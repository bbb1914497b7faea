"""The Qt-free event model: time values, date parsing and the event table."""
