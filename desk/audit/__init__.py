"""The audit trail's vocabulary: every kind of event the app records, and its wording."""
