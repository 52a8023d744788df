"""open_tracker and load for tests: every tracker they give is closed when the test ends.

The conftest fails a test that leaves an SQLite connection open; tests that open stores
freely use these, and the conftest closes what they opened before it checks.
"""

from __future__ import annotations

from typing import Any

import smomtrack
from smomtrack import Tracker

OPENED: list[Tracker] = []


def open_tracker(*args: Any, **kwargs: Any) -> Tracker:
    """The library's open_tracker, closed when the test ends."""
    tracker = smomtrack.open_tracker(*args, **kwargs)
    OPENED.append(tracker)
    return tracker


def load(*args: Any, **kwargs: Any) -> Tracker:
    """The library's load, closed when the test ends."""
    tracker = smomtrack.load(*args, **kwargs)
    OPENED.append(tracker)
    return tracker
