"""The command line on the streams people give it: a terminal that is not UTF-8, a closed pipe."""

from __future__ import annotations

import io

from smomtrack.cli import main


class _Closed(io.StringIO):
    """A pipe whose reader went away (`… | head`)."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError


class TestStreams:
    def test_a_terminal_without_box_characters(self) -> None:
        """An ASCII terminal gets an ASCII grid, and ? for what it cannot show: no error."""
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding="ascii")
        status = main(["catalogue", "--format", "simple_grid", "--lang", "fr"], out=out)
        out.flush()
        shown = raw.getvalue().decode("ascii")
        assert status == 0
        assert "+--" in shown
        assert "─" not in shown
        assert "?" in shown  # "États" cannot be shown in ASCII
        assert "SOM7-1" in shown

    def test_a_closed_pipe_stops_quietly(self) -> None:
        """The reader went away: exit status 141, as other tools, and no error said."""
        assert main(["catalogue"], out=_Closed()) == 141
