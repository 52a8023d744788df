"""How summary results present themselves, without knowing how they are drawn.

Results (summaries, matrices, progress, follow-up lists) are data first. They render
on demand through :func:`render_result`, whose implementations the rendering layer
registers for each result type: this layer never imports the one above it.
"""

from __future__ import annotations

import functools

from smomtrack.exceptions import SmomtrackError

__all__ = ["Presentable", "render_result"]


@functools.singledispatch
def render_result(result: object, fmt: str, lang: str) -> str:  # noqa: ARG001 (the signature)
    """Draw *result* as a table in tabulate format *fmt*, in language *lang*.

    Raises:
        SmomtrackError: No renderer is registered for the result's type.
    """
    raise SmomtrackError(
        f"no renderer for {type(result).__name__}; import smomtrack to register them"
    )


class Presentable:
    """Rendering for a result: ``render()``, ``str()``, and rich display in Jupyter."""

    __slots__ = ()

    def render(self, fmt: str = "github", lang: str = "en") -> str:
        """The result as a table in any tabulate format (``github``, ``grid``, ``html``…).

        Headers, status labels, theme titles and State names are in *lang* (``en``, ``fr``, ``es``).

        Raises:
            InvalidDataError: *fmt* is not a tabulate format.
        """
        return render_result(self, fmt, lang)

    def __str__(self) -> str:
        return self.render("simple")

    def _repr_html_(self) -> str:
        return self.render("html")

    def _repr_markdown_(self) -> str:
        return self.render("github")
