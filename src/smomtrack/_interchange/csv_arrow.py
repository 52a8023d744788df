"""CSV files read by pyarrow's compiled reader, a window of rows at a time (the ``fast`` extra).

The standard library's reader is the reference: this one gives the same responses, errors,
warnings and row numbers, only sooner on large files. pyarrow tokenizes the rows below the
header on another thread, a few blocks ahead; the distinct values of each coded column go
through the intake once, numpy spreads their codes back to the rows, a free text repeated
from row to row becomes one string, and texts of their own stay pyarrow's until one is asked
for (:class:`~smomtrack._tracking.columns.Texts`). Whatever needs a look row by row (a refused
value, a formula, a blank header's cell) is handed to the row reader's own code, a window at
a time; whatever pyarrow cannot read exactly as the standard library does (rows of another
width than the header's, bytes that are not UTF-8, a carriage return without its line feed)
makes the whole file go to the standard library's reader.

The header is found by the standard library's reader, on the first lines: what is above it
(a title block) is read the same way whichever reader reads the rest.
"""

from __future__ import annotations

import csv
import itertools
import queue
import re
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from smomtrack._interchange.rows import ReadOptions, Window, read_table
from smomtrack._tracking.columns import Texts
from smomtrack._tracking.imports import ImportResult
from smomtrack._tracking.intake import Intake
from smomtrack._vocabulary.characters import text_problem

__all__ = ["WINDOW", "read"]

WINDOW = 50_000
"""Rows handed over at once (a multiple of the row reader's chunk, 500, so that a window read
row by row is read in the same chunks)."""

_BLOCK = 1 << 21
"""Bytes pyarrow tokenizes at a time."""

_REFUSED = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
"""The control characters a text may not hold (as in text_problem; RE2 syntax, pyarrow's)."""

_NONCHARACTERS = re.compile(rb"\xef\xbf[\xbe\xbf]")
"""U+FFFE and U+FFFF in UTF-8, which a text may not hold either (surrogates are not UTF-8)."""

_GUARDS = re.compile(rb"'(?:[=+\-@\t\r']|\xef\xbc[\x8b\x8d\x9d\xa0])")
"""A formula guard in UTF-8 (``'`` before ``=+-@``, tab, return, ``'``, or ``＝＋－＠``)."""

_GUARD = re.compile("'[=+\\-@\t\r＝＋－＠']")
"""The same, in text."""

_LONE_RETURN = re.compile(rb"\r(?!\n)")
"""A carriage return without a line feed after it."""

_FORMULA = ("=", "＝")
"""How the text of a formula begins."""

_WIDE_EQUALS = "＝".encode()
"""The full-width equals sign in UTF-8 (a formula in some spreadsheet programs)."""


class _UnsuitedError(Exception):
    """The file has something pyarrow would not read as the standard library does."""


class _Head:
    """A file's first lines, decoded as UTF-8, as the standard library's CSV reader takes them.

    Counts the bytes it has handed over: where the rows below the header begin.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self.offset = 0

    def lines(self) -> Iterator[str]:
        for line in self._handle:  # split at line feeds only
            if b"\r" in line.rstrip(b"\r\n") or line.endswith(b"\r"):
                raise _UnsuitedError  # a line ending pyarrow and the lines here would split apart
            text = line.decode("utf-8")  # not UTF-8: the standard library's reader decides
            if not self.offset:
                text = text.removeprefix("\ufeff")
            self.offset += len(line)
            yield text


class _Window:
    """A window of rows as pyarrow read them: a column of strings per column of the header.

    Each column is the pieces of the batches it spans (nothing copied to join them).
    """

    def __init__(self, np: Any, pc: Any, columns: list[Any], start: int) -> None:
        self._np = np
        self._pc = pc
        self._columns = columns  # ChunkedArray
        self.start = start
        self.size = len(columns[0])

    def rows(self) -> list[Sequence[str]]:
        return list(zip(*(column.to_pylist() for column in self._columns), strict=True))

    def check(self) -> None:
        """Make sure no cell holds a carriage return without its line feed.

        pyarrow drops the line feed of a carriage return and line feed inside a quoted
        cell when its blocks part them (seen with pyarrow 26, found by the fuzz test): such
        a cell, or one written with a lone carriage return, sends the file to the standard
        library's reader.

        Raises:
            _UnsuitedError: A cell holds one.
        """
        for column in self._columns:
            for piece in column.chunks:
                data, offsets = self._bytes(piece)
                if not len(data) or data.min() > ord("\r"):
                    continue  # no carriage return at all (the usual case: one pass in C)
                if _LONE_RETURN.search(memoryview(data)):
                    raise _UnsuitedError
                ends = offsets[1:][offsets[1:] > offsets[:-1]] - offsets[0]
                if bool((data[ends - 1] == ord("\r")).any()):
                    raise _UnsuitedError

    def filled(self, index: int) -> bool:
        return any(len(self._bytes(piece)[0]) for piece in self._columns[index].chunks)

    def distinct(self, index: int) -> tuple[list[str], Any]:
        encoded = self._columns[index].combine_chunks().dictionary_encode()
        return encoded.dictionary.to_pylist(), encoded.indices.to_numpy()

    def spread(self, codes: Sequence[Any], places: Any, typecode: str | None) -> Sequence[Any]:
        if typecode is None:
            return list(map(codes.__getitem__, places.tolist()))
        spread = self._np.asarray(codes, dtype=self._np.dtype(typecode))[places]
        return array(typecode, spread.tobytes())

    def texts(self, index: int, share: Callable[[list[str]], list[str]]) -> Sequence[str] | None:
        column = self._columns[index]
        sample = column.slice(0, 64)
        if len(sample.unique()) * 4 > len(sample):  # texts of their own: looked at in bytes
            if any(map(self._looked_at, column.chunks)):
                return None
            pending = Texts()  # strings only when one is asked for (a summary never asks)
            for piece in column.chunks:
                pending.add_pending(piece)
            return pending
        values, places = self.distinct(index)  # a few texts repeated: each looked at once
        if any(_needs_look(value) for value in values):
            return None
        shared = self._np.empty(len(values), dtype=object)
        shared[:] = share(values)
        texts: list[str] = shared[places].tolist()
        return texts

    def _bytes(self, piece: Any) -> tuple[Any, Any]:
        """The bytes of a piece of a column of strings, and where each cell begins in them.

        (The offsets count from the start of the data buffer; the last is where the last
        cell ends.)
        """
        np = self._np
        start = piece.offset
        offsets = np.frombuffer(piece.buffers()[1], dtype=np.int32)[start : start + len(piece) + 1]
        buffer = piece.buffers()[2]
        if buffer is None or offsets[-1] == offsets[0]:
            return np.zeros(0, dtype=np.uint8), offsets
        return np.frombuffer(buffer, dtype=np.uint8)[offsets[0] : offsets[-1]], offsets

    def _looked_at(self, piece: Any) -> bool:
        """Whether a cell of *piece* must be looked at on its own (see :func:`_needs_look`)."""
        pc = self._pc
        data, offsets = self._bytes(piece)
        if not len(data):
            return False
        if data.min() < 0x20 and pc.any(pc.match_substring_regex(piece, _REFUSED)).as_py():
            return True  # a control character (a line feed, a tab are not refused)
        bytes_ = memoryview(data)
        if _NONCHARACTERS.search(bytes_) or _GUARDS.search(bytes_):
            return True
        return self._formula(data, offsets - offsets[0])

    @staticmethod
    def _formula(data: Any, offsets: Any) -> bool:
        """Whether a cell begins as a formula (``=``, ``＝``), from the cells' bytes."""
        filled = offsets[1:] > offsets[:-1]
        starts = offsets[:-1][filled]  # where each cell that is not empty begins
        if bool((data[starts] == ord("=")).any()):
            return True
        wide = starts[(data[starts] == _WIDE_EQUALS[0]) & (starts + 2 < offsets[-1])]
        return bool(
            ((data[wide + 1] == _WIDE_EQUALS[1]) & (data[wide + 2] == _WIDE_EQUALS[2])).any()
        )


def _needs_look(text: str) -> bool:
    """Whether the row reader would act on *text*: a character refused, a guard, a formula."""
    return text_problem(text) is not None or text.startswith(_FORMULA) or bool(_GUARD.search(text))


class _Ahead:
    """Batches read by another thread while those before are used.

    pyarrow lets go of the interpreter while it tokenizes: reading the file and reading the
    rows in go on side by side (at most *depth* batches ahead, so memory stays bounded).
    """

    def __init__(self, batches: Iterator[Any], depth: int = 2) -> None:
        self._batches = batches
        self._made: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()

    def __enter__(self) -> Iterator[Any]:
        self._thread = threading.Thread(target=self._run, name="smomtrack-csv", daemon=True)
        self._thread.start()
        return self._read()

    def __exit__(self, *_: object) -> None:
        """Stop reading (the rows may stop before the file ends: too many refused)."""
        self._stop.set()
        self._thread.join()

    def _read(self) -> Iterator[Any]:
        while True:
            going, value = self._made.get()
            if going:
                yield value
            elif value is None:
                return
            else:
                raise value

    def _run(self) -> None:
        try:
            for batch in self._batches:
                if not self._put((True, batch)):
                    return
        except BaseException as exc:  # noqa: BLE001 (handed over to the reading thread)
            self._put((False, exc))
            return
        self._put((False, None))

    def _put(self, item: tuple[bool, Any]) -> bool:
        while not self._stop.is_set():
            try:
                self._made.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False


def read(  # noqa: PLR0913 (what a file read in two parts needs)
    opened: Callable[[], IO[bytes]],
    where: Path | bytes,
    *,
    name: str,
    delimiter: str,
    intake: Callable[[], Intake],
    options: ReadOptions,
) -> ImportResult | None:
    """The file read with pyarrow, or ``None`` where the standard library's reader must read it.

    Args:
        opened: Opens the file (bytes), for the lines down to the header.
        where: Its path, or its bytes: pyarrow reads the rows below the header from it.
        name: The file, for messages.
        delimiter: The separator of its cells.
        intake: Makes the intake the rows go through (with the reader's cleaning).
        options: How to read it.
    """
    import numpy as np  # noqa: PLC0415 (the fast extra: imported when used)
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415
    import pyarrow.csv as pa_csv  # noqa: PLC0415

    with opened() as handle:
        head = _Head(handle)
        rows = csv.reader(head.lines(), delimiter=delimiter)

        def windows(number: int, width: int) -> Iterator[Window]:
            names = [f"c{index}" for index in range(width)]
            source = (
                pa.memory_map(str(where)) if isinstance(where, Path) else pa.BufferReader(where)
            )
            source.seek(head.offset)
            reader = pa_csv.open_csv(
                source,
                read_options=pa_csv.ReadOptions(
                    column_names=names, block_size=_BLOCK, use_threads=False
                ),
                parse_options=pa_csv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
                ),
                convert_options=pa_csv.ConvertOptions(
                    column_types=dict.fromkeys(names, pa.string()),
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
            start = number + 1
            pending: list[Any] = []
            held = 0
            with source, _Ahead(reader) as batches:
                for batch in itertools.chain(batches, [None]):
                    if batch is not None:
                        pending.append(batch)
                        held += batch.num_rows
                    while held >= WINDOW or (batch is None and held):
                        table = pa.Table.from_batches(pending, schema=reader.schema)
                        size = min(held, WINDOW)
                        window = _Window(np, pc, table.slice(0, size).columns, start)
                        window.check()
                        yield window
                        pending = table.slice(size).to_batches()
                        held -= size
                        start += size

        try:
            return read_table(rows, name=name, intake=intake(), options=options, windows=windows)
        except (pa.ArrowException, UnicodeDecodeError, _UnsuitedError, csv.Error):
            return None
