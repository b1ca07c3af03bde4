"""The center\x27s own groups and meetings: recurrence, the week\x27s schedule."""
