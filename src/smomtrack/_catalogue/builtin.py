"""The built-in catalogue, shipped with the package as JSON and read through the converter."""

from __future__ import annotations

import functools
import json
from importlib import resources

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._catalogue.converter import structure_catalogue
from smomtrack.exceptions import InvalidDataError

__all__ = ["CATALOGUE_FORMAT", "builtin_catalogue"]

CATALOGUE_FORMAT = "smomtrack.catalogue"
_SUPPORTED_MAJOR = 1


@functools.cache
def builtin_catalogue() -> Catalogue:
    """The catalogue shipped with smomtrack.

    The 7th meeting (``SOM7``, Vienna, 8–9 September 2020) with its themes ``SOM7-B`` and
    ``SOM7-C`` and recommendations 1–18 (official French texts, verbatim), and the
    8th meeting (``SOM8``, 14–15 October 2021) with its agenda, documents and
    organization of work.

    >>> len(builtin_catalogue()), [m.key for m in builtin_catalogue().meetings()]
    (18, ['SOM7', 'SOM8'])
    """
    name = "catalogue.json"
    text = resources.files("smomtrack").joinpath("data", name).read_text(encoding="utf-8")
    document = json.loads(text)
    version = str(document.get("version", ""))
    if document.get("format") != CATALOGUE_FORMAT or not version.startswith(f"{_SUPPORTED_MAJOR}."):
        raise InvalidDataError(f"{name}: not a {CATALOGUE_FORMAT} document of version 1.x")
    return structure_catalogue(document["catalogue"], where=f"{name}:$.catalogue")
