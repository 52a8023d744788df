"""Type-checked, not run: the public API as a user's code would call it (mypy --strict)."""

from __future__ import annotations

import datetime as dt

import smomtrack
from smomtrack import (
    Catalogue,
    Recommendation,
    Status,
    Text,
    builtin_catalogue,
    parse_date,
    parse_date_range,
    resolve_state,
)

catalogue: Catalogue = builtin_catalogue()
rec: Recommendation = catalogue.recommendation("SOM7-5")
maybe: Recommendation | None = catalogue.get("SOM7-99")
either: Recommendation | str = catalogue.get("SOM7-99", "missing")
text: Text = rec.text("fr")
title: Text | None = rec.title("en")
official: bool = text.official
selected: tuple[Recommendation, ...] = catalogue.recommendations(theme="SOM7-B", modality="should")
status: Status = Status.parse("en cours")
weight: float | None = status.weight
code: str = resolve_state("Mexique")
day: dt.date = parse_date("14 octobre 2021")
span: tuple[dt.date, dt.date] = parse_date_range("8 et 9 septembre 2020")
version: str = smomtrack.__version__
merged: Catalogue = catalogue.merge(Catalogue())
