"""Layer 6: interchange (JSON through one private cattrs converter, the built-in data)."""
