"""How summary results present themselves: ``render()``, ``str()`` and Jupyter's rich display.

Results (summaries, matrices, progress, follow-up lists) are data first. They draw
themselves on demand with :mod:`smomtrack.summaries.tables`, in this same layer, which
knows each result's columns.
"""

from __future__ import annotations

from typing import Any

from smomtrack.exceptions import MissingExtraError

__all__ = ["SHOWN_ROWS", "Presentable"]

SHOWN_ROWS = 40
"""Jupyter shows this many rows of a result, then how many more there are."""


class Presentable:
    """Rendering for a result: ``render()``, ``str()``, and rich display in Jupyter."""

    __slots__ = ()

    def render(
        self,
        format: str = "github",  # noqa: A002 (the word people use; as on the command line)
        lang: str = "en",
        *,
        limit: int | None = None,
    ) -> str:
        """The result as a table in any tabulate format (``github``, ``grid``, ``html``…).

        Headers, status labels, theme titles and State names are in *lang* (``en``, ``fr``,
        ``es``). With *limit*, at most that many rows, then "… N more rows".

        Raises:
            InvalidDataError: *format* is not a tabulate format.
        """
        # Imported here: the tables module imports every result type, which import this one.
        from smomtrack.summaries.tables import render_result  # noqa: PLC0415

        return render_result(self, format, lang, limit)

    def plot(self, lang: str = "en", *, ax: Any = None) -> Any:
        """Draw the result as a chart and return its matplotlib ``Axes``.

        A summary or progress: stacked bars per group; a matrix: a heat map. Labels are in
        *lang*; colours are those of :data:`~smomtrack.presentation.colours.STATUS_COLOURS`.
        Save it with ``ax.figure.savefig("chart.svg")`` (or ``.png``).

        Raises:
            MissingExtraError: matplotlib is not installed (the ``plot`` extra).
            SmomtrackError: This result has no chart.
        """
        from smomtrack.summaries.charts import plot_result  # noqa: PLC0415 (an optional extra)

        return plot_result(self, lang, ax)

    def to_pandas(self) -> Any:
        """The records of :meth:`to_records` as a pandas ``DataFrame``.

        Raises:
            MissingExtraError: pandas is not installed (the ``pandas`` extra).
        """
        try:
            import pandas as pd  # noqa: PLC0415 (optional, imported when used)
        except ImportError as exc:
            raise MissingExtraError("to_pandas()", "pandas") from exc
        return pd.DataFrame(self.to_records())  # type: ignore[attr-defined]

    def __str__(self) -> str:
        return self.render("simple")

    def _repr_html_(self) -> str:
        return self.render("html", limit=SHOWN_ROWS)

    def _repr_markdown_(self) -> str:
        return self.render("github", limit=SHOWN_ROWS)
