"""Sample data: the demo database, and the scale generator that benchmarks use."""
