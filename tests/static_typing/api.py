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
    resolve_state,
)
from smomtrack._catalogue.overlaps import Overlap, overlaps
from smomtrack._vocabulary.dates import parse_date_range

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

# Tracking, summaries and reports
tracker: smomtrack.Tracker = smomtrack.Tracker(catalogue, ["MEX"])
response: smomtrack.Response = tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
status_now: Status = tracker.status("MEX", "SOM7-1", as_of=dt.date(2022, 1, 1))
summary: smomtrack.Summary = smomtrack.summarize(tracker, "theme", as_of="2022-01-01")
records: list[dict[str, object]] = summary.to_records()
table: str = summary.render("github", lang="fr")
grid: smomtrack.Matrix = smomtrack.matrix(tracker)
changes: smomtrack.Progress = smomtrack.progress(tracker, "2021-01-01", "2022-01-01", by="state")
todo: smomtrack.FollowUp = smomtrack.follow_up(tracker, stale_after="18 mois")
document: str = smomtrack.report(tracker, lang="es", format="html")
made_up: smomtrack.Tracker = smomtrack.synthetic(states=3, seed=1)

# Interchange
text_form: str = smomtrack.to_json(tracker)
back: smomtrack.Tracker | smomtrack.Catalogue = smomtrack.from_json(text_form)
sheet: smomtrack.ImportResult = smomtrack.read_csv("responses.csv")
errors: tuple[smomtrack.RowError, ...] = sheet.errors
written: int = smomtrack.write_csv(tracker, "out.csv", lang="fr")
store: smomtrack.Tracker = smomtrack.open_tracker("team.sqlite", states=["MEX"])

# Growing the catalogue
parsed: smomtrack.ParsedReport = smomtrack.parse_report("...", meeting="SOM9")
extended: Catalogue = catalogue.with_report(parsed)
agenda: smomtrack.Meeting = smomtrack.parse_agenda("...", meeting="SOM8")
pairs: tuple[Overlap, ...] = overlaps(catalogue, threshold=0.2)
compilation: smomtrack.Compilation = smomtrack.compile_by_topic(catalogue, lang="fr")
