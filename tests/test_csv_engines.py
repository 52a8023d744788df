"""The two CSV readers agree: the standard library's (the reference) and pyarrow's.

On made-up files (fuzzed: quotes, line breaks, separators, blank and ragged rows, title
blocks, encodings, refused values, formulas and their guards), on hostile ones, and on the
suite's own (every CSV file the suite reads is read both ways: ``conftest``), both give the
same responses, errors with their rows, warnings, skipped rows, or the same error. The
windows pyarrow's reader hands over are made small here (a few rows), so that a short file
spans several, some read a column at a time and some row by row.

    SMOMTRACK_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_csv_engines.py
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smomtrack import ReadOptions, Tracker, builtin_catalogue, synthetic
from smomtrack._interchange import csv_arrow, csv_format, rows
from smomtrack._interchange.csv_format import import_csv, read_csv, write_csv
from smomtrack.exceptions import InvalidDataError, MissingExtraError
from tests.engines import differences, outcome

EXAMPLES = int(os.environ.get("SMOMTRACK_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@pytest.fixture(autouse=True)
def _small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 3 rows, windows of 6, blocks of 256 bytes: many of each in a short file."""
    monkeypatch.setattr(rows, "_CHUNK", 3)
    monkeypatch.setattr(csv_arrow, "WINDOW", 6)
    monkeypatch.setattr(csv_arrow, "_BLOCK", 256)


def both(data: bytes, **options: object) -> tuple[object, object]:
    """The outcomes of reading *data* by the standard library's reader and by pyarrow's."""
    catalogue = builtin_catalogue()

    def read(engine: str) -> object:
        return outcome(
            lambda: read_csv(
                io.BytesIO(data),
                catalogue=catalogue,
                engine=engine,  # type: ignore[arg-type]
                **options,  # type: ignore[arg-type]
            )
        )

    return read("python"), read("pyarrow")


def assert_same(data: bytes, **options: object) -> object:
    python, arrow = both(data, **options)
    assert not differences(python, arrow), differences(python, arrow)  # type: ignore[arg-type]
    return python


@pytest.fixture
def arrow_reads() -> Iterator[list[bool]]:
    """Whether each read by pyarrow was done by it (``False``: handed to the row reader)."""
    done: list[bool] = []
    real = csv_arrow.read

    def counted(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        done.append(found is not None)
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_arrow, "read", counted)
        yield done


# -- made-up files ------------------------------------------------------------------------

_HEADERS = [
    ["state", "recommendation", "status", "as_of", "measures", "evidence", "notes"],
    ["État", "Recommandation", "Statut", "Date", "Mesures", "Observations", "Correction"],
    ["Estado", "Recomendación", "Situación", "Fecha", "Medidas", "", "Fuente"],
    ["state", "recommendation", "status", "as_of", "due", "reporter", "responsible", "title"],
]
_STATES = ["Mexique", "MEX", "Maroc", "Atlantide", "", " ", "Total", "=A1", "'=A1", "Côte d’Ivoire"]
_KEYS = ["SOM7-1", "SOM7-8", "Rec. 3", "SOM7-99", "", "8", "SOM7-1 ", "x"]
_STATUSES = ["planned", "Prévu", "en cours", "implemented", "", "unknown", "Not started"]
_DATES = ["2021-10-14", "14/10/2021", "2030-01-01", "", "not a date", "2021-02-30", "44480"]
_TEXTS = [
    "",
    "Loi n° 2021-12",
    'a "quoted" text',
    "line one\nline two",
    "line\r\nbreak",
    "=SUM(A1)",
    "'=SUM(A1)",
    "safe;'=1",
    "'t Hooft",
    "''",
    "＝1",
    "tab\there",
    "bell\x07",
    "vertical\x0btab",
    "\ufffe",
    "emoji 🙂",
    "a,b;c",
    "  spaced  ",
    "CTOC/SOM/2021/3; https://example.org",
]
_VALID = {
    "state": ["Mexique", "MEX", "Maroc", "Allemagne", "Côte d’Ivoire"],
    "recommendation": ["SOM7-1", "SOM7-8", "Rec. 3", "SOM7-12"],
    "status": ["planned", "Prévu", "en cours", "implemented", "Not started"],
    "as_of": ["2021-10-14", "14/10/2021", "2020-01-31"],
    "due": ["", "2022-06-30"],
    "reporter": ["", "State", "Secrétariat"],
    "correction": ["", "non"],
    "evidence": ["", "CTOC/SOM/2021/3", "CTOC/SOM/2021/3; https://example.org"],
}
"""Values each column may hold that are read (most cells are)."""
_BAD = {
    "state": ["Atlantide", "", " ", "Total", "=A1", "'=A1"],
    "recommendation": ["SOM7-99", "", "8", "x"],
    "status": ["", "unknown", "no information"],
    "as_of": ["", "not a date", "2021-02-30", "44480", "2030-01-01"],
    "due": ["soon"],
    "reporter": ["someone"],
    "correction": ["maybe"],
    "evidence": ["a;;b", " x "],
}
"""Values that are refused."""
_COLUMN_OF = {
    "state": "state", "état": "state", "estado": "state",
    "recommendation": "recommendation", "recommandation": "recommendation",
    "recomendación": "recommendation", "status": "status", "statut": "status",
    "situación": "status", "as_of": "as_of", "date": "as_of", "fecha": "as_of",
    "due": "due", "reporter": "reporter", "correction": "correction",
    "evidence": "evidence", "observations": "evidence",
}  # fmt: skip


def _cell(draw: st.DrawFn, header: str, tricky: bool) -> str:
    """A cell of the column *header*: mostly one that is read, sometimes not."""
    kind = _COLUMN_OF.get(header.lower())
    if kind is None:  # a free text (or a column not read)
        texts = _TEXTS if tricky else _TEXTS[:3]
        return draw(st.sampled_from(texts) | st.text(max_size=12))
    if draw(st.integers(0, 24)) == 0:
        return draw(st.sampled_from(_BAD[kind] + _TEXTS))
    return draw(st.sampled_from(_VALID[kind]))


@st.composite
def made_up_files(draw: st.DrawFn) -> bytes:
    """A file as people and programs make them, with what goes wrong in them."""
    header = draw(st.sampled_from(_HEADERS))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    ending = draw(st.sampled_from(["\r\n", "\n", "\n", "\r"]))
    quoting: Literal[0, 1] = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=ending, quoting=quoting)
    for _ in range(draw(st.integers(0, 2))):  # a title block
        writer.writerow(draw(st.lists(st.sampled_from(["Réponses", "", "2021", "a\nb"]))))
    writer.writerow(header)
    ragged = draw(st.integers(0, 3)) == 0  # a file with rows of other widths (a few)
    for _ in range(draw(st.integers(0, 20))):
        kind = draw(st.integers(0 if ragged else 3, 19))
        if kind == 0:
            buffer.write(ending)  # a blank line
            continue
        tricky = draw(st.integers(0, 5)) == 0
        cells = [_cell(draw, name, tricky) for name in header]
        if kind == 1:
            cells = cells[: draw(st.integers(0, len(cells)))]  # a short row
        elif kind == 2:
            cells.append(draw(st.sampled_from(["", "x"])))  # a long row
        writer.writerow(cells)
    text = buffer.getvalue()
    if draw(st.integers(0, 3)) == 0:  # something written by hand: odd quotes
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(['"', 'x"y', '""', '"a"b'])) + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 9)) == 0:  # bytes that are not what they seem
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at] + draw(st.sampled_from([b"\xe9", b"\xed\xa0\x80", b"\xc0\xaf"])) + data[at:]
        )
    return data


class TestMadeUpFiles:
    @FUZZ
    @given(made_up_files(), st.sampled_from([None, 0, 2]), st.booleans())
    def test_both_readers_agree(self, data: bytes, max_errors: int | None, fix: bool) -> None:
        assert_same(data, max_errors=max_errors, corrections=fix)

    @FUZZ
    @given(st.binary(max_size=400))
    def test_both_readers_agree_on_any_bytes(self, data: bytes) -> None:
        assert_same(b"state,recommendation,status,as_of,notes\r\n" + data)


# -- hostile files ----------------------------------------------------------------------

DATA = Path(__file__).parent / "data"
_HEAD = b"state,recommendation,status,as_of,measures,notes\r\n"
_ROW = b"Mexique,SOM7-1,planned,2021-10-14,Loi,\r\n"
_HOSTILE = {
    "only separators": b",,,,\r\n;;;;\r\n",
    "an unterminated quote to the end": _HEAD + _ROW * 8 + b'Maroc,SOM7-1,"planned\r\n' + _ROW * 3,
    "a cell longer than pyarrow's block": _HEAD
    + _ROW * 4
    + b"Maroc,SOM7-2,planned,2021-10-14,"
    + b"x" * 5000
    + b",\r\n"
    + _ROW,
    "lone carriage returns": (_HEAD + _ROW * 9).replace(b"\r\n", b"\r"),
    "a carriage return above the header": b"Title\rmore\r\n" + _HEAD + _ROW * 9,
    "a UTF-16 byte order mark": codecs.BOM_UTF16_LE + (_HEAD + _ROW).decode().encode("utf-16-le"),
    "Windows-1252 after many rows": _HEAD
    + _ROW * 40
    + b"Maroc,SOM7-2,planned,2021-10-14,\xe9t\xe9,\r\n",
    "a title block under a byte order mark": codecs.BOM_UTF8
    + b"R\xc3\xa9ponses\r\n\r\n"
    + _HEAD
    + _ROW * 9,
    "a NUL in a State": _HEAD + _ROW * 7 + b"Mex\x00ique,SOM7-2,planned,2021-10-14,,\r\n",
    "a noncharacter in a note": _HEAD
    + _ROW * 7
    + "Maroc,SOM7-2,planned,2021-10-14,,\ufffe\r\n".encode(),
    "a surrogate's bytes": _HEAD + _ROW * 7 + b"Maroc,SOM7-2,planned,2021-10-14,,\xed\xa0\x80\r\n",
    "an overlong encoding": _HEAD + _ROW * 7 + b"Maroc,SOM7-2,planned,2021-10-14,,\xc0\xaf\r\n",
    "blank extra cells": _HEAD + _ROW.replace(b"\r\n", b",,\r\n") * 9,
    "a column twice": b"state,state,recommendation,status,as_of\r\nMEX,MEX,SOM7-1,planned,2021-10-14\r\n",
    "the header last": b"Title\r\n" + _HEAD,
    "a cell ending in a carriage return": _HEAD
    + _ROW * 7
    + b'Maroc,SOM7-2,planned,2021-10-14,"x\r",\r\n',
    "a formula in every text": _HEAD + b"Mexique,SOM7-1,planned,2021-10-14,=1+1,'=2\r\n" * 9,
    "every row refused": _HEAD + b"Atlantide,SOM7-1,planned,2021-10-14,,\r\n" * 40,
    "a CR LF in a cell across pyarrow's blocks": (DATA / "csv-crlf-across-blocks.csv").read_bytes(),
    "a wide file": b",".join(b"c%d" % i for i in range(2000))
    + b",state,recommendation,status,as_of\r\n",
}


class TestHostileFiles:
    @pytest.mark.parametrize("name", sorted(_HOSTILE))
    def test_both_readers_agree(self, name: str) -> None:
        assert_same(_HOSTILE[name])
        assert_same(_HOSTILE[name], max_errors=1)


# -- which reader reads what ------------------------------------------------------------


def _rows(count: int) -> bytes:
    """A clean file of *count* rows (up to 216), each of its own pair and date."""
    made = [
        b"Mexique,SOM7-%d,planned,2021-%02d-01,Loi,\r\n" % (key, month)
        for key in range(1, 19)
        for month in range(1, 13)
    ]
    return _HEAD + b"".join(made[:count])


_READ = csv_format._read
"""The reading of a CSV file, as the library has it (the suite's fixture reads both ways)."""


@pytest.fixture
def as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading as the library does it, without the suite's reading both ways."""
    monkeypatch.setattr(csv_format, "_read", _READ)


class TestWhichReader:
    @pytest.mark.parametrize("repeated", [False, True], ids=["own texts", "repeated texts"])
    @pytest.mark.parametrize("text", _TEXTS[1:])
    def test_a_text_in_an_otherwise_clean_file(self, text: str, repeated: bool) -> None:
        """Each kind of text, among texts of their own or repeated ones: the same result."""
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(["state", "recommendation", "status", "as_of", "measures", "notes"])
        for row in range(30):
            own = "Loi" if repeated else f"Loi n° {row}"
            writer.writerow(
                ["Mexique", f"SOM7-{row % 18 + 1}", "planned", f"2021-{row // 18 + 1:02}-01"]
                + [text if row == 10 else own] * 2
            )
        assert_same(buffer.getvalue().encode())

    def test_pyarrow_reads_a_clean_file_itself(self, arrow_reads: list[bool]) -> None:
        data = _rows(200)
        python = assert_same(data)
        assert arrow_reads == [True]
        assert len(python[1][0]) > 100  # type: ignore[index]

    def test_a_bad_row_is_read_row_by_row_in_its_window(self, arrow_reads: list[bool]) -> None:
        """A refused value sends its window (not the file) to the row reader's code."""
        data = _HEAD + _ROW * 20 + b"Atlantide,SOM7-1,planned,2021-10-14,,\r\n" + _ROW * 20
        python = assert_same(data)
        assert arrow_reads == [True]
        assert [error[0] for error in python[1][2]] == [22]  # type: ignore[index]

    @pytest.mark.parametrize(
        "name",
        [
            "lone carriage returns",
            "Windows-1252 after many rows",
            "a UTF-16 byte order mark",
            "a cell ending in a carriage return",
            "an overlong encoding",
            "a CR LF in a cell across pyarrow's blocks",
        ],
    )
    def test_what_pyarrow_cannot_read_exactly_goes_to_the_row_reader(
        self, name: str, arrow_reads: list[bool]
    ) -> None:
        assert_same(_HOSTILE[name])
        assert True not in arrow_reads

    def test_a_cell_under_a_blank_header(self, arrow_reads: list[bool]) -> None:
        """Its row is refused (cells under no header), by either reader."""
        data = b"state,recommendation,status,as_of,\r\n" + b"".join(
            b"Mexique,SOM7-%d,planned,2021-10-14,%s\r\n" % (row, b"x" if row == 5 else b"")
            for row in range(1, 18)
        )
        python = assert_same(data)
        assert arrow_reads == [True]
        assert [error[0] for error in python[1][2]] == [6]  # type: ignore[index]

    @pytest.mark.parametrize(
        ("cells", "unsuited"),
        [
            (["x\r", "\ny"], True),  # a cell ends with a return, the next begins with a feed
            (["a\rb"], True),
            (["a\r\nb", "c\nd", "plain"], False),
        ],
    )
    def test_carriage_returns_without_their_line_feed(
        self, cells: list[str], unsuited: bool
    ) -> None:
        """A window holding one is refused: pyarrow may have dropped its line feed."""
        import numpy as np  # noqa: PLC0415
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.compute as pc  # noqa: PLC0415

        column = pa.chunked_array([pa.array(cells, pa.string()), pa.array(["z"])])
        window = csv_arrow._Window(np, pc, [column], 2)
        if unsuited:
            with pytest.raises(csv_arrow._UnsuitedError):
                window.check()
        else:
            window.check()

    @pytest.mark.usefixtures("as_it_is")
    def test_small_files_are_read_without_pyarrow_by_default(
        self, tmp_path: Path, arrow_reads: list[bool]
    ) -> None:
        path = tmp_path / "small.csv"
        path.write_bytes(_rows(50))
        read_csv(path, engine="auto")
        assert arrow_reads == []

    @pytest.mark.usefixtures("as_it_is")
    def test_large_files_are_read_with_pyarrow_by_default(
        self, tmp_path: Path, arrow_reads: list[bool], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(csv_format, "_ARROW_FROM", 1_000)
        path = tmp_path / "large.csv"
        path.write_bytes(_rows(100))
        assert len(read_csv(path, engine="auto").responses) == 100
        assert arrow_reads == [True]

    def test_an_import_through_pyarrow_is_the_same(self, tmp_path: Path) -> None:
        """Into a tracker's own codes: the same records, the same conflicts refused."""
        source = synthetic(states=3)
        path = tmp_path / "responses.csv"
        write_csv(source, path, lang="fr")
        made = []
        for engine in ("python", "pyarrow"):
            tracker = Tracker(source.catalogue, source.population)
            first = import_csv(tracker, path, engine=engine)
            again = import_csv(tracker, path, engine=engine)
            made.append((tracker.responses(), len(first.responses), len(again.unchanged)))
        assert made[0][1:] == made[1][1:]
        assert [r.status for r in made[0][0]] == [r.status for r in made[1][0]]

    def test_without_pyarrow_asking_for_it_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pyarrow.csv", None)
        with pytest.raises(MissingExtraError, match="fast"):
            read_csv(io.BytesIO(_rows(5)), engine="pyarrow")
        assert len(read_csv(io.BytesIO(_rows(5))).responses) == 5  # auto: the row reader

    def test_an_engine_that_is_not_one(self) -> None:
        with pytest.raises(InvalidDataError, match="engine"):
            ReadOptions(engine="polars")  # type: ignore[arg-type]
