"""Layer 1: the vocabulary (statuses, modalities, languages, States, dates, keys). No I/O."""
