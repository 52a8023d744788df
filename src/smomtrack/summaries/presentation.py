"""How summary results present themselves: ``render()``, ``str()`` and Jupyter's rich display.

Results (summaries, matrices, progress, follow-up lists) are data first. They draw
themselves on demand with :mod:`smomtrack.summaries.tables`, in this same layer, which
knows each result's columns.
"""

from __future__ import annotations

__all__ = ["Presentable"]


class Presentable:
    """Rendering for a result: ``render()``, ``str()``, and rich display in Jupyter."""

    __slots__ = ()

    def render(
        self,
        format: str = "github",  # noqa: A002 (the word people use; as on the command line)
        lang: str = "en",
    ) -> str:
        """The result as a table in any tabulate format (``github``, ``grid``, ``html``…).

        Headers, status labels, theme titles and State names are in *lang* (``en``, ``fr``, ``es``).

        Raises:
            InvalidDataError: *format* is not a tabulate format.
        """
        # Imported here: the tables module imports every result type, which import this one.
        from smomtrack.summaries.tables import render_result  # noqa: PLC0415

        return render_result(self, format, lang)

    def __str__(self) -> str:
        return self.render("simple")

    def _repr_html_(self) -> str:
        return self.render("html")

    def _repr_markdown_(self) -> str:
        return self.render("github")
