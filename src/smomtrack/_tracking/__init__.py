"""Layer 3: the tracker (the append-only response log, as-of queries, history, corrections)."""
