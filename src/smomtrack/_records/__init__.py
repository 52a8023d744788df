"""Layer 1: the attrs records of the domain model (docs/data-model.md). No I/O."""
