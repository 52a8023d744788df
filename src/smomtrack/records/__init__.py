"""Layer 1: the attrs records of the domain model (DESIGN.md §3). No I/O."""
