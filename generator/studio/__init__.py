"""The course studio: a trainer edits the course in the browser."""
