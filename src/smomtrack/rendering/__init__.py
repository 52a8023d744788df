"""Layer 5: rendering. The only place that knows tabulate, report layout and output labels."""
