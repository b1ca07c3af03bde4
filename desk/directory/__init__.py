"""The resource directory: hours, open now, search, freshness, editing, spreadsheet import."""
