"""Layer 2.5: presentation. Words in English, French and Spanish, names, and table drawing.

What every output shares: the labels and formats of values in the three output languages,
the names of groups (themes, States, topics) and the table formats tabulate draws. The
summaries (layer 4) draw their own results with it; the rendering layer (5) lays out
whole reports.
"""
