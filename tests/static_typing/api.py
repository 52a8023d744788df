"""Type-checked, not run: the public API as a user's code would call it (mypy --strict)."""

from __future__ import annotations

import datetime as dt

import smomtrack
from smomtrack import (
    Catalogue,
    ReadOptions,
    Recommendation,
    Scope,
    Status,
    Text,
    builtin_catalogue,
    overlaps,
    parse_date,
    resolve_state,
)
from smomtrack.exceptions import InvalidDataError, SmomtrackError
from smomtrack.records import Citation, Population
from smomtrack.results import (
    Compilation,
    FollowUp,
    ImportResult,
    Matrix,
    Overlap,
    ParsedReport,
    Progress,
    RowError,
    Summary,
)
from smomtrack.vocabulary import parse_date_range, recommendation_key

catalogue: Catalogue = builtin_catalogue()
rec: Recommendation = catalogue.recommendation("SOM7-5")
maybe: Recommendation | None = catalogue.get("SOM7-99")
either: Recommendation | str = catalogue.get("SOM7-99", "missing")
text: Text = rec.text("fr")
title: Text | None = rec.title("en")
official: bool = text.official
source: Citation | None = rec.source
selected: tuple[Recommendation, ...] = catalogue.recommendations(theme="SOM7-B", modality="should")
status: Status = Status.parse("en cours")
weight: float | None = status.weight
code: str = resolve_state("Mexique")
day: dt.date = parse_date("14 octobre 2021")
span: tuple[dt.date, dt.date] = parse_date_range("8 et 9 septembre 2020")
key: str | None = recommendation_key("SOM7 R5")
version: str = smomtrack.__version__
merged: Catalogue = catalogue.merge(Catalogue())
failure: type[SmomtrackError] = InvalidDataError

# Tracking, summaries and reports
tracker: smomtrack.Tracker = smomtrack.Tracker(catalogue, ["MEX"])
population: Population = tracker.population
response: smomtrack.Response = tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
status_now: Status = tracker.status("MEX", "SOM7-1", as_of=dt.date(2022, 1, 1))
scope: Scope = Scope.of(as_of="2022-01-01", region="GRULAC")
summary: Summary = smomtrack.summarize(tracker, "theme", scope)
again: Summary = smomtrack.summarize(tracker, "theme", as_of="2022-01-01", reporter="state")
records: list[dict[str, object]] = summary.to_records()
table: str = summary.render("github", lang="fr")
grid: Matrix = smomtrack.matrix(tracker, scope)
changes: Progress = smomtrack.progress(tracker, "2021-01-01", "2022-01-01", by="state")
todo: FollowUp = smomtrack.follow_up(tracker, stale_after="18 mois")
document: str = smomtrack.report(tracker, lang="es", format="html")
word: bytes = smomtrack.report(tracker, scope, format="docx")
made_up: smomtrack.Tracker = smomtrack.synthetic(states=3, seed=1)

# Interchange
text_form: str = smomtrack.to_json(tracker)
back: smomtrack.Tracker | smomtrack.Catalogue = smomtrack.from_json(text_form)
options: ReadOptions = ReadOptions(meeting="SOM7", max_errors=100)
sheet: ImportResult = smomtrack.read_responses("responses.csv", options)
errors: tuple[RowError, ...] = sheet.errors
added: ImportResult = smomtrack.import_responses(tracker, "responses.xlsx", sheet=1)
written: int = smomtrack.write_responses(tracker, "out.csv", lang="fr")
asked: int = smomtrack.questionnaire("q.xlsx", states=["MEX"], lang="fr")
store: smomtrack.Tracker = smomtrack.open_tracker("team.sqlite", states=["MEX"])

# Growing the catalogue
parsed: ParsedReport = smomtrack.parse_report("...", meeting="SOM9")
extended: Catalogue = catalogue.with_report(parsed)
agenda: smomtrack.Meeting = smomtrack.parse_agenda("...", meeting="SOM8")
pairs: tuple[Overlap, ...] = overlaps(catalogue, threshold=0.2)
compilation: Compilation = smomtrack.compile_by_topic(catalogue, lang="fr")
