"""Hypothesis strategies for smomtrack's records."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from smomtrack import Reporter, Response, Status, Text

STATES = ("ARG", "DEU", "FRA", "MEX", "NGA", "THA")
RECOMMENDATION_KEYS = tuple(f"SOM7-{n}" for n in range(1, 19))
RECORDED_STATUSES = tuple(s for s in Status if s is not Status.NO_INFORMATION)

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2025, 12, 31))
plain_text = st.text(
    alphabet=st.characters(
        exclude_categories=["Cs"],
        exclude_characters="".join(map(chr, [*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF])),
    ),
    max_size=30,
)
"""Any text every file can keep: no control character but tab and line breaks, no U+FFFE,
U+FFFF or lone surrogate."""
evidence_items = plain_text.map(str.strip).filter(lambda s: s != "" and ";" not in s)
texts = st.builds(
    Text,
    lang=st.sampled_from(("en", "fr", "es")),
    value=plain_text.filter(lambda s: s.strip() != ""),
    official=st.booleans(),
)
timestamps = st.datetimes(
    min_value=dt.datetime(2020, 1, 1),  # noqa: DTZ001 (hypothesis takes naive bounds)
    max_value=dt.datetime(2026, 1, 1),  # noqa: DTZ001
    timezones=st.just(dt.UTC),
)

responses = st.builds(
    Response,
    state=st.sampled_from(STATES),
    recommendation=st.sampled_from(RECOMMENDATION_KEYS),
    status=st.sampled_from(RECORDED_STATUSES),
    as_of=dates,
    measures=plain_text,
    evidence=st.lists(evidence_items, max_size=3).map(tuple),
    responsible=plain_text,
    due=st.none() | dates,
    reporter=st.sampled_from(Reporter),
    source=plain_text,
    notes=plain_text,
    correction=st.booleans(),
    recorded_at=timestamps,
)
