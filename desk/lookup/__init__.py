"""Finding people in a keystroke or three: an in-memory index kept current from the database."""
