"""Layer 2: the catalogue of meetings, themes and recommendations."""
