"""Layer 5: rendering. Whole reports (their layout) and the tables of the catalogue."""
