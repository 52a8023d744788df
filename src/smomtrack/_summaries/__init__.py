"""Layer 4: compliance summaries, pure computations over a tracker."""
