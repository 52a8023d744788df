"""States as the United Nations knows them, and figures a Secretariat can publish (issue 10)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smomtrack import (
    Reporter,
    Response,
    Status,
    Tracker,
    builtin_catalogue,
    disagreements,
    follow_up,
    from_json,
    matrix,
    progress,
    report,
    summarize,
    synthetic,
    to_json,
)
from smomtrack._interchange.csv_format import read_csv
from smomtrack._vocabulary.states import un_members
from smomtrack.cli import main
from smomtrack.exceptions import ConflictError, InvalidDataError, UnknownStateError
from smomtrack.records import Population
from tests.closing import open_tracker

ADOPTED = dt.date(2020, 9, 9)  # the last day of the 7th meeting
LATER = dt.date(2022, 6, 30)
MOMENT = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)


def at(moment: dt.datetime, days: int = 0) -> dt.datetime:
    return moment + dt.timedelta(days=days)


class TestEuropeanUnion:
    def test_recorded_and_summarized_by_name_in_three_languages(self) -> None:
        """The EU is a party: recorded under any of its names, shown by its name."""
        tracker = Tracker(builtin_catalogue(), ["Union européenne", "Mexique"])
        assert tracker.states == ("EUU", "MEX")
        tracker.record("European Union", "SOM7-1", "implemented", as_of=LATER)
        tracker.record("Unión Europea", "SOM7-2", "planned", as_of=LATER)
        summary = summarize(tracker, "state", as_of="2023-01-01")
        assert summary.row("EUU").tally.reported == 2
        for lang, name in [("en", "European Union"), ("fr", "Union européenne"),
                           ("es", "Unión Europea")]:  # fmt: skip
            assert name in summary.render("github", lang)
        assert summarize(tracker, "region").row("none").tally.expected == 18

    def test_json_and_sqlite_accept_it(self, tmp_path: Path) -> None:
        """The EU's code goes through JSON documents and the SQLite store."""
        tracker = Tracker(builtin_catalogue(), ["EU", "MEX"])
        tracker.record("EU", "SOM7-5", "in progress", as_of=LATER)
        again = from_json(to_json(tracker))
        assert again == tracker
        path = tmp_path / "eu.sqlite"
        with open_tracker(path, states=["European Union", "MEX"]) as store:
            store.record("Union européenne", "SOM7-5", "in progress", as_of=LATER)
        assert open_tracker(path).status("EUU", "SOM7-5") is Status.IN_PROGRESS

    def test_in_an_import(self, tmp_path: Path) -> None:
        """A spreadsheet's rows for the EU are read, under its name or code."""
        path = tmp_path / "eu.csv"
        path.write_text(
            "state,recommendation,status,as_of\n"
            "Union européenne,SOM7-1,implemented,2022-01-01\n"
            "EUU,SOM7-2,planned,2022-01-01\n"
            "Bermuda,SOM7-3,planned,2022-01-01\n",
            encoding="utf-8",
        )
        read = read_csv(path)
        assert len(read.batch) == 2
        (error,) = read.errors
        assert error.line == 4
        assert "territory" in error.message
        assert "cannot be a party" in error.message


class TestPopulation:
    def test_un_members(self) -> None:
        """'un-members' is the 193 Member States: no territory, no observer, no EU."""
        tracker = Tracker(builtin_catalogue(), "un-members")
        assert len(tracker.states) == 193
        assert not {"BMU", "TWN", "HKG", "VAT", "PSE", "EUU"} & set(tracker.states)

    def test_a_territory_is_refused_with_its_reason(self) -> None:
        """A territory cannot be in a population; the error says why."""
        with pytest.raises(UnknownStateError, match=r"Bermuda \(BMU\), a territory"):
            Tracker(builtin_catalogue(), ["MEX", "Bermuda"])

    def test_synthetic_data_draw_from_member_states(self) -> None:
        """The demo's population is drawn from the UN Member States only."""
        assert set(synthetic(states=150).states) <= set(un_members())

    def test_dates_from_which_states_are_expected(self) -> None:
        """A State counts as expected only from the date given for it."""
        tracker = Tracker(builtin_catalogue(), {"MEX": None, "DEU": "2022-01-01"})
        assert tracker.population.expected_from == {"DEU": dt.date(2022, 1, 1)}
        assert summarize(tracker, "state", as_of="2021-06-30").total()["expected"] == 18
        assert summarize(tracker, "state", as_of="2022-01-01").total()["expected"] == 36
        assert not tracker.expected("DEU", "SOM7-1", "2021-12-31")
        assert tracker.expected("DEU", "SOM7-1", "2022-01-01")

    def test_two_dates_for_one_state(self) -> None:
        """The same State under two names with two dates is refused."""
        with pytest.raises(InvalidDataError, match="given twice"):
            Population.of({"MEX": "2021-01-01", "Mexique": "2022-01-01"})

    def test_a_bad_date(self) -> None:
        """A date that is not one is refused, naming the State."""
        with pytest.raises(InvalidDataError, match="'MEX'"):
            Population.of({"MEX": "soon"})

    def test_kept_by_json_and_sqlite(self, tmp_path: Path) -> None:
        """The dates survive a JSON round trip and a store reopened; a different one conflicts."""
        states = {"MEX": None, "DEU": "2022-01-01"}
        tracker = Tracker(builtin_catalogue(), states)
        again = from_json(to_json(tracker))
        assert isinstance(again, Tracker)
        assert again.population == tracker.population
        path = tmp_path / "s.sqlite"
        open_tracker(path, states=states).close()
        assert open_tracker(path).population == tracker.population
        with pytest.raises(ConflictError, match="expected from"):
            open_tracker(path, states={"MEX": None, "DEU": "2023-01-01"})


class TestFuzz:
    @given(
        st.dictionaries(
            st.sampled_from(["MEX", "Mexique", "DEU", "EU", "Bermuda", "Atlantis", ""]) | st.text(),
            st.none() | st.text() | st.dates().map(str),
            max_size=5,
        )
    )
    def test_populations_read_or_refused_cleanly(self, mapping: dict[str, str | None]) -> None:
        """Any mapping is a population or a clear error of the library, nothing else."""
        try:
            population = Population.of(mapping)
        except (InvalidDataError, UnknownStateError):
            return
        assert set(population.expected_from) <= set(population.states)

    @given(
        st.dictionaries(
            st.sampled_from(["MEX", "DEU", "Allemagne", "Bermuda"]) | st.text(max_size=8),
            st.text(max_size=8) | st.integers(),
            max_size=5,
        )
    )
    def test_groupings_read_or_refused_cleanly(self, mapping: dict[str, object]) -> None:
        """Any mapping is a grouping of States or a clear error of the library."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "DEU"])
        try:
            summary = summarize(tracker, mapping)  # type: ignore[arg-type]
        except (InvalidDataError, UnknownStateError):
            return
        assert sum(r["expected"] for r in summary.to_records()) == summary.total()["expected"]


class TestNothingExpectedBeforeAdoption:
    def test_summaries(self) -> None:
        """Before the meeting that adopted them ended, no pair is expected."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "DEU"])
        before = summarize(tracker, "theme", as_of=ADOPTED - dt.timedelta(days=1))
        assert before.total()["expected"] == 0
        assert summarize(tracker, "theme", as_of=ADOPTED).total()["expected"] == 36

    def test_matrix_follow_up_progress(self) -> None:
        """Matrix cells, follow-up lists and progress leave out pairs not expected yet."""
        tracker = Tracker(builtin_catalogue(), {"MEX": None, "DEU": "2022-01-01"})
        day = "2021-06-30"
        result = matrix(tracker, as_of=day)
        assert result.status("MEX", "SOM7-1") is Status.NO_INFORMATION
        with pytest.raises(KeyError):
            result.status("DEU", "SOM7-1")
        assert "DEU" not in follow_up(tracker, as_of=day).never_reported
        assert follow_up(tracker, as_of="2022-06-30").never_reported == ("DEU", "MEX")
        assert progress(tracker, "2019-01-01", day).total()["expected"] == 18


class TestOrder:
    def test_french_tables_sorted_by_french_names(self) -> None:
        """Rows of States follow the names in the output language, accents aside."""
        tracker = Tracker(builtin_catalogue(), ["AUS", "COL", "DEU", "EGY", "ESP"])
        english = summarize(tracker, "state").render("tsv", "en").splitlines()[1:-1]
        french = summarize(tracker, "state").render("tsv", "fr").splitlines()[1:-1]
        assert [line.split("\t")[0].strip() for line in english] == [
            "Australia", "Colombia", "Egypt", "Germany", "Spain",
        ]  # fmt: skip
        assert [line.split("\t")[0].strip() for line in french] == [
            "Allemagne", "Australie", "Colombie", "Égypte", "Espagne",
        ]  # fmt: skip
        rows = matrix(tracker).render("tsv", "fr").splitlines()[1:]
        assert [line.split("\t")[0].strip() for line in rows][3] == "Égypte"


class TestRegions:
    def test_regional_totals_add_up_to_the_total(self) -> None:
        """Every pair is in one regional group (or none): the rows add up to the total."""
        tracker = synthetic(states=60, seed=3)
        for day in ("2021-12-31", "2023-12-31"):
            summary = summarize(tracker, "region", as_of=day)
            for key in ("expected", "reported", "implemented", "no_information"):
                assert sum(r[key] for r in summary.to_records()) == summary.total()[key]
            overall = summarize(tracker, "theme", as_of=day).total()
            assert {k: v for k, v in summary.total().items() if k != "region"} == {
                k: v for k, v in overall.items() if k != "theme"
            }

    def test_region_filter(self) -> None:
        """region= narrows summaries, matrix, follow-up and report to one group's States."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "BRA", "DEU", "NGA"])
        summary = summarize(tracker, "state", region="GRULAC")
        assert [row.group for row in summary] == ["BRA", "MEX"]
        assert matrix(tracker, region="Latin American and Caribbean States").states == (
            "BRA",
            "MEX",
        )
        assert follow_up(tracker, region="African States").never_reported == ("NGA",)
        text = report(tracker, region="WEOG", as_of="2023-12-31", lang="fr")
        assert "Groupe régional\u00a0: États d’Europe occidentale et autres États." in text
        assert "Par groupe régional" not in text

    def test_region_totals_in_the_report(self) -> None:
        """The report has a section by regional group."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "DEU", "EUU"])
        text = report(tracker, as_of="2023-12-31")
        assert "## By regional group" in text
        assert "Not in a regional group" in text

    def test_a_grouping_of_ones_own(self) -> None:
        """Any mapping from State to group summarizes the same way, the rest in 'none'."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "DEU", "FRA", "NGA"])
        tracker.record("MEX", "SOM7-1", "implemented", as_of=LATER)
        grouping = {"Allemagne": "EU members", "France": "EU members", "Mexique": "transit"}
        summary = summarize(tracker, grouping, as_of="2023-01-01")
        assert summary.by == "group"
        assert [row.group for row in summary] == ["EU members", "transit", "none"]
        assert summary.row("transit").tally.reported == 1
        assert sum(r["expected"] for r in summary.to_records()) == summary.total()["expected"]
        assert "In no group" in summary.render("github")
        with pytest.raises(UnknownStateError):
            summarize(tracker, {"Atlantis": "x"})


class TestWhoseWordCounts:
    @pytest.fixture
    def tracker(self) -> Tracker:
        tracker = Tracker(builtin_catalogue(), ["MAR", "MEX"])
        tracker.record("MAR", "SOM7-1", "implemented", as_of="2022-01-01")
        tracker.record("MAR", "SOM7-1", "not started", as_of="2022-06-01", reporter="civil society")
        tracker.record("MEX", "SOM7-1", "planned", as_of="2022-06-01", reporter="secretariat")
        return tracker

    def test_the_states_own_word_wins(self, tracker: Tracker) -> None:
        """A later civil-society assessment does not replace the State's own."""
        assert tracker.status("MAR", "SOM7-1", "2023-01-01") is Status.IMPLEMENTED
        total = summarize(tracker, "state", as_of="2023-01-01").row("MAR").tally
        assert total.count(Status.IMPLEMENTED) == 1
        assert total.count(Status.NOT_STARTED) == 0

    def test_others_count_where_the_state_said_nothing(self, tracker: Tracker) -> None:
        """Where the State said nothing, the Secretariat's assessment is used."""
        assert tracker.status("MEX", "SOM7-1", "2023-01-01") is Status.PLANNED

    def test_precedence_is_configurable(self, tracker: Tracker) -> None:
        """One reporter alone, or reporters in another order."""
        civil = summarize(tracker, "state", as_of="2023-01-01", reporter="civil society")
        assert civil.row("MAR").tally.count(Status.NOT_STARTED) == 1
        assert civil.row("MEX").tally.reported == 0
        order = [Reporter.CIVIL_SOCIETY, Reporter.STATE]
        assert tracker.status("MAR", "SOM7-1", "2023-01-01", reporter=order) is (Status.NOT_STARTED)
        with pytest.raises(InvalidDataError, match="each once"):
            summarize(tracker, "state", reporter=["state", "State"])

    def test_the_report_lists_the_differences(self, tracker: Tracker) -> None:
        """The report says whose word counts and lists the pairs where others differ."""
        found = disagreements(tracker, as_of="2023-01-01")
        ((own, other),) = [(d.own, d.other) for d in found.items]
        assert (own.status, other.status, other.reporter) == (
            Status.IMPLEMENTED,
            Status.NOT_STARTED,
            Reporter.CIVIL_SOCIETY,
        )
        text = report(tracker, as_of="2023-01-01", lang="fr")
        assert "## Évaluations différentes de celles des États" in text
        assert "Société civile" in text
        assert "sa dernière auto-évaluation" in text
        only = report(tracker, as_of="2023-01-01", reporter="secretariat")
        assert "Only assessments by the following count, in this order: Secretariat." in only


class TestKnownAt:
    @pytest.fixture
    def tracker(self) -> Tracker:
        tracker = Tracker(builtin_catalogue(), ["MEX", "DEU"])
        first = Response(
            state="MEX",
            recommendation="SOM7-1",
            status=Status.IN_PROGRESS,
            as_of=dt.date(2022, 6, 30),
            recorded_at=at(MOMENT),
        )
        tracker.add(first)
        tracker.add(
            Response(
                state="DEU",
                recommendation="SOM7-2",
                status=Status.PLANNED,
                as_of=dt.date(2022, 6, 30),
                recorded_at=at(MOMENT),
            )
        )
        return tracker

    def test_a_published_figure_is_unchanged_after_a_correction(self, tracker: Tracker) -> None:
        """A figure as known on a date is the same after later corrections and records."""
        published = summarize(tracker, "state", as_of="2022-12-31", known_at=MOMENT.date())
        text = report(tracker, as_of="2022-12-31", known_at=MOMENT.date())
        tracker.add(
            Response(
                state="MEX",
                recommendation="SOM7-1",
                status=Status.IMPLEMENTED,
                as_of=dt.date(2022, 6, 30),
                correction=True,
                recorded_at=at(MOMENT, days=30),
            )
        )
        tracker.add(
            Response(
                state="DEU",
                recommendation="SOM7-3",
                status=Status.NOT_STARTED,
                as_of=dt.date(2022, 1, 1),
                recorded_at=at(MOMENT, days=31),
            )
        )
        again = summarize(tracker, "state", as_of="2022-12-31", known_at=MOMENT.date())
        assert again == published
        assert report(tracker, as_of="2022-12-31", known_at=MOMENT.date()) == text
        assert "recorded by 10 January 2023" in text
        now = summarize(tracker, "state", as_of="2022-12-31")
        assert now != published
        assert tracker.status("MEX", "SOM7-1", "2022-12-31") is Status.IMPLEMENTED
        assert tracker.status("MEX", "SOM7-1", "2022-12-31", known_at=MOMENT) is (
            Status.IN_PROGRESS
        )
        earlier = at(MOMENT, days=-1)
        assert tracker.status("MEX", "SOM7-1", "2022-12-31", known_at=earlier) is (
            Status.NO_INFORMATION
        )

    def test_every_summary_takes_it(self, tracker: Tracker) -> None:
        """matrix, progress and follow_up as known at a date."""
        day = MOMENT.date() - dt.timedelta(days=1)
        assert matrix(tracker, as_of="2022-12-31", known_at=day).status("MEX", "SOM7-1") is (
            Status.NO_INFORMATION
        )
        assert (
            progress(tracker, "2021-01-01", "2022-12-31", known_at=day).total()["newly_reported"]
            == 0
        )
        assert len(follow_up(tracker, as_of="2022-12-31", known_at=day).never_reported) == 2

    def test_a_naive_moment_is_utc(self, tracker: Tracker) -> None:
        """A moment without a time zone is taken as UTC."""
        naive = MOMENT.replace(tzinfo=None)
        assert tracker.known_at(naive).status("MEX", "SOM7-1", "2022-12-31") is (Status.IN_PROGRESS)


class TestCommandLine:
    def test_by_region_and_filters(self, capsys: pytest.CaptureFixture[str]) -> None:
        """summary --by region, --region, --reporter and --known-at from the command line."""
        status = main(["summary", "--by", "region", "--synthetic-states", "30",
                       "--as-of", "2023-12-31", "--format", "tsv"])  # fmt: skip
        assert status == 0
        assert "African States" in capsys.readouterr().out
        status = main(["summary", "--by", "state", "--region", "GRULAC", "--reporter",
                       "state,secretariat", "--known-at", "2030-01-01",
                       "--synthetic-states", "30", "--as-of", "2023-12-31"])  # fmt: skip
        assert status == 0
        status = main(["summary", "--region", "Oceania", "--synthetic-states", "5"])
        assert status == 2
        assert "not a regional group" in capsys.readouterr().err

    def test_un_members_population(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """import --states un-members makes a store of the 193 Member States."""
        sheet = tmp_path / "r.csv"
        sheet.write_text(
            "state,recommendation,status,as_of\nMexique,SOM7-1,planned,2022-01-01\n",
            encoding="utf-8",
        )
        store = tmp_path / "t.sqlite"
        assert main(["import", str(sheet), "--into", str(store), "--states", "un-members"]) == 0
        assert len(open_tracker(store).states) == 193
        capsys.readouterr()
