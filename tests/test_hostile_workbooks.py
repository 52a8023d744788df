"""Hostile and damaged workbooks: smomtrack's own errors, bounded memory, never an abort.

The fuzz test mutates *valid* workbooks saved by LibreOffice (the bytes of their zip members
and of their XML, not random files). Quick profile in CI; the long profile:

    SMOMTRACK_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_hostile_workbooks.py -k fuzz
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smomtrack import ReadOptions, read_responses
from smomtrack.exceptions import InvalidDataError, SmomtrackError

DATA = Path(__file__).parent / "data" / "workbooks"
XLSX = DATA / "reponses-mexique.xlsx"
ODS = DATA / "reponses-mexique.ods"
XLS = DATA / "reponses-mexique.xls"
EXAMPLES = int(os.environ.get("SMOMTRACK_FUZZ_EXAMPLES", "40"))


def _rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """*source* with each member's bytes as *change* gives them (``None``: left out)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = change(info.filename, original.read(info))
            if data is not None:
                kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
                copy.writestr(info.filename, data, compress_type=kind)
    return target


def _sheet_part(name: str) -> bool:
    return name.startswith("xl/worksheets/") or name == "content.xml"


def _refused(path: Path, match: str = "") -> InvalidDataError:
    with pytest.raises(InvalidDataError, match=match) as caught:
        read_responses(path)
    return caught.value


class TestDamagedWorkbooks:
    def test_one_far_cell(self, tmp_path: Path) -> None:
        """A 5 kB file with one cell at XFD1048576 is refused before any cell is made."""
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        book.active["XFD1048576"] = "x"
        book.save(tmp_path / "far.xlsx")
        error = _refused(tmp_path / "far.xlsx", r"spans 1,048,576 rows × 16,384 columns")
        assert "XFD1048576" in str(error)
        assert "ReadOptions(max_columns" in str(error)

    def test_the_limits_are_options(self) -> None:
        """A sheet larger than the limits given is refused; the same sheet is read by default."""
        with pytest.raises(InvalidDataError, match="at most 5 columns"):
            read_responses(XLSX, ReadOptions(max_columns=5))
        with pytest.raises(InvalidDataError, match="10 cells"):
            read_responses(XLSX, max_cells=10)
        assert read_responses(XLSX).responses

    @pytest.mark.parametrize(
        ("change", "match"),
        [
            (lambda n, d: b'<sst xmlns="x"/>' if n == "xl/sharedStrings.xml" else d, "readable"),
            (lambda n, d: None if n.startswith("xl/worksheets/") else d, "readable"),
            (lambda n, d: d.replace(b"<v>", b"<v>\xff", 1) if _sheet_part(n) else d, "readable"),
            (lambda n, d: d.replace(b'r="A1"', b'r="A0"') if _sheet_part(n) else d, ""),
        ],
        ids=["shared-string-past-the-table", "missing-sheet", "invalid-utf8", "cell-A0"],
    )
    def test_damaged_xlsx(
        self, tmp_path: Path, change: Callable[[str, bytes], bytes | None], match: str
    ) -> None:
        """Damaged parts give smomtrack's error naming the file, or a reading: never another."""
        path = _rezip(XLSX, tmp_path / "damaged.xlsx", change)
        error: SmomtrackError | None = None
        try:
            read_responses(path)
        except SmomtrackError as exc:
            error = exc
        if error is not None:
            assert str(path) in str(error)
            assert match in str(error)

    @pytest.mark.parametrize("reference", [b'r="A999999999999"', b'r="XFE2"', b'r="A1x"'])
    def test_cells_beyond_a_worksheet(self, tmp_path: Path, reference: bytes) -> None:
        """A cell no worksheet has is refused from the XML, before the reader builds it.

        (``A999999999999`` made the reader ask for 114 GB and abort the process.) Looking
        for the table, a damaged sheet is passed over; asked for, it is refused.
        """
        path = _rezip(
            XLSX,
            tmp_path / "beyond.xlsx",
            lambda n, d: (
                d.replace(b'r="A2"', reference, 1) if n == "xl/worksheets/sheet1.xml" else d
            ),
        )
        assert read_responses(path).responses  # the table is on the other sheet
        with pytest.raises(InvalidDataError, match="a damaged workbook"):
            read_responses(path, sheet="Notes")

    def test_spans_that_are_not_numbers(self, tmp_path: Path) -> None:
        """An OpenDocument span that is not a number is refused, naming the attribute."""
        path = _rezip(
            ODS,
            tmp_path / "spans.ods",
            lambda n, d: (
                d.replace(b'number-columns-spanned="', b'number-columns-spanned="x', 1)
                if n == "content.xml"
                else d
            ),
        )
        _refused(path, "number-columns-spanned='x")

    @pytest.mark.parametrize("flag", ["compression", "encrypted"])
    def test_zip_flags(self, tmp_path: Path, flag: str) -> None:
        """An unsupported compression method or the encrypted flag: refused, not raised raw."""
        data = bytearray(XLSX.read_bytes())
        offset = 0
        while (offset := data.find(b"PK\x01\x02", offset)) >= 0:  # the central directory
            if flag == "compression":
                data[offset + 10 : offset + 12] = (99).to_bytes(2, "little")
            else:
                data[offset + 8] |= 1
            offset += 4
        path = tmp_path / f"{flag}.xlsx"
        path.write_bytes(bytes(data))
        _refused(path, str(path))

    def test_a_cut_xls(self, tmp_path: Path) -> None:
        """An .xls file cut short is refused as unreadable."""
        path = tmp_path / "cut.xls"
        path.write_bytes(XLS.read_bytes()[:5632])
        _refused(path, "not a readable workbook")

    @pytest.mark.parametrize("sheet", ["²", "9" * 5000])
    def test_sheet_numbers_that_are_not(self, sheet: str) -> None:
        """A sheet asked for by a number that is not one, or too long, is no such sheet."""
        with pytest.raises(InvalidDataError, match="no sheet"):
            read_responses(XLSX, sheet=sheet)


class TestZipBomb:
    @pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
    def test_a_bomb_is_refused_with_little_memory(self, tmp_path: Path) -> None:
        """A 2 MB workbook whose sheet inflates to 2 GB is refused; memory stays small.

        The peak is the new process's own (``VmHWM``, which an exec starts afresh).
        """
        path = tmp_path / "bomb.xlsx"
        size = 2 << 30
        with zipfile.ZipFile(XLSX) as original, zipfile.ZipFile(path, "w") as bomb:
            for info in original.infolist():
                data = original.read(info)
                if info.filename != "xl/worksheets/sheet1.xml":
                    bomb.writestr(info, data)
                    continue
                head, _, tail = data.partition(b"</sheetData>")
                member = zipfile.ZipInfo(info.filename)
                member.compress_type = zipfile.ZIP_DEFLATED
                with bomb.open(member, "w", force_zip64=True) as part:
                    part.write(head)
                    block = b" " * (1 << 24)
                    for _ in range(size // len(block)):
                        part.write(block)
                    part.write(b"</sheetData>" + tail)
        assert path.stat().st_size < 3 << 20
        code = (
            "import sys\n"
            "from smomtrack import read_responses\n"
            "from smomtrack.exceptions import InvalidDataError\n"
            "try:\n"
            f"    read_responses({str(path)!r})\n"
            "except InvalidDataError as exc:\n"
            "    print(exc)\n"
            "status = open('/proc/self/status').read()\n"
            "print(status.split('VmHWM:')[1].split()[0])\n"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_PROCESS")}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        message, peak = done.stdout.splitlines()
        assert "inflates to 2,147,48" in message
        assert int(peak) < 200_000, peak  # kilobytes: under 200 MB, whatever the sheet inflates to


def _mutations(source: Path) -> st.SearchStrategy[bytes]:
    """*source* with a few bytes of one zip member changed, then zipped again."""
    with zipfile.ZipFile(source) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    names = sorted(members)

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        name = draw(st.sampled_from(names))
        data = bytearray(members[name])
        for _ in range(draw(st.integers(1, 4))):
            if not data:
                break
            at = draw(st.integers(0, len(data) - 1))
            kind = draw(st.sampled_from(["flip", "digit", "cut", "repeat"]))
            if kind == "flip":
                data[at] = draw(st.integers(0, 255))
            elif kind == "digit":
                data[at : at + 1] = draw(st.sampled_from([b"9" * 12, b"0", b"-1", b"x", b"A0"]))
            elif kind == "cut":
                del data[at : at + draw(st.integers(1, 64))]
            else:
                data[at:at] = bytes(data[at : at + draw(st.integers(1, 64))])
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for other in names:
                archive.writestr(other, bytes(data) if other == name else members[other])
        return buffer.getvalue()

    return mutated()


def _bytes_of(source: Path) -> st.SearchStrategy[bytes]:
    """*source*'s bytes (an .xls file is not a zip) with a few of them changed."""
    original = source.read_bytes()

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        data = bytearray(original)
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        return bytes(data)

    return mutated()


class TestFuzz:
    @pytest.mark.parametrize(
        ("source", "strategy"), [(XLSX, _mutations), (ODS, _mutations), (XLS, _bytes_of)]
    )
    def test_fuzz_mutated_workbooks(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        source: Path,
        strategy: Callable[[Path], st.SearchStrategy[bytes]],
    ) -> None:
        """Mutated real workbooks are read, or refused with smomtrack's own error."""
        folder = tmp_path_factory.mktemp("fuzz")

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            database=None,
        )
        @given(strategy(source))
        def read(data: bytes) -> None:
            path = folder / source.name
            path.write_bytes(data)  # left on disk: after an abort, the file that caused it
            outcome = "refused"
            with contextlib.suppress(SmomtrackError):
                read_responses(path)
                outcome = "read"
            outcomes[outcome] = outcomes.get(outcome, 0) + 1

        outcomes: dict[str, int] = {}
        read()
        print(f"{source.name}: {outcomes}")  # noqa: T201 (the figures of the long profile, with -s)
