"""Sphinx configuration for the smomtrack documentation."""

from __future__ import annotations

from importlib.metadata import version as _version

project = "smomtrack"
author = "The smomtrack developers"
copyright = "2026, the smomtrack developers"
release = _version("smomtrack")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False

# No intersphinx: the documentation builds without network access.

html_theme = "furo"
html_title = f"smomtrack {release}"
