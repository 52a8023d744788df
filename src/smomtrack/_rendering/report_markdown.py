"""Reports as Markdown and as plain text: the blocks of a report, one after the other."""

from __future__ import annotations

from smomtrack._presentation.tables import markdown_text
from smomtrack._rendering.blocks import Block, Heading, Masthead, Paragraph, Quote, Table
from smomtrack._summaries.matrix import Matrix

__all__ = ["write_markdown", "write_text"]


def write_markdown(blocks: list[Block], lang: str) -> str:  # noqa: ARG001 (a writer's signature)
    """The report as Markdown: ``#`` headings, tables in GitHub's form, notes under them."""
    return _write(blocks, "markdown")


def write_text(blocks: list[Block], lang: str) -> str:  # noqa: ARG001 (a writer's signature)
    """The report as plain text: underlined headings, tables drawn with box characters."""
    return _write(blocks, "text")


_TABLE_FORMAT = {"markdown": "github", "text": "simple_grid"}


def _write(blocks: list[Block], form: str) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Masthead):
            if block.symbol:  # the symbol the Secretariat gave, above the title
                parts.append(block.symbol)
        elif isinstance(block, Quote):
            text = markdown_text(block.text) if form == "markdown" else block.text
            parts.append("\n".join(f"> {line}" if line else ">" for line in text.split("\n")))
        elif isinstance(block, Heading):
            if form == "markdown":
                parts.append(f"{'#' * block.level} {markdown_text(block.text)}")
            else:
                underline = "=" if block.level == 1 else "-"
                parts.append(f"{block.text}\n{underline * len(block.text)}")
        elif isinstance(block, Paragraph):
            text = block.text
            parts.append(markdown_text(text) if form == "markdown" else text.replace("**", ""))
        elif isinstance(block, Table):
            parts.append(block.result.render(_TABLE_FORMAT[form], block.lang))
            if not isinstance(block.result, Matrix):  # a matrix carries its legend already
                notes = block.result.table_data(block.lang).notes
                parts.extend(map(markdown_text, notes) if form == "markdown" else notes)
    return "\n\n".join(parts) + "\n"
