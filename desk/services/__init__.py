"""Use cases, one module per area. Each takes a session and the acting staff member."""
