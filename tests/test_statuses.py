"""The implementation status scale."""

from __future__ import annotations

import pytest

from smomtrack import Status
from smomtrack.exceptions import InvalidStatusError


class TestScale:
    def test_values_are_lower_case_names(self) -> None:
        """Each status's value is its name in lower case."""
        assert [s.value for s in Status] == [s.name.lower() for s in Status]

    def test_order(self) -> None:
        """The scale is ordered from not started to implemented, then the two outside it."""
        assert max(Status) is Status.NO_INFORMATION
        assert Status.NOT_STARTED < Status.PLANNED < Status.IN_PROGRESS
        assert Status.IN_PROGRESS < Status.PARTIALLY_IMPLEMENTED < Status.IMPLEMENTED
        assert Status.IMPLEMENTED >= Status.IMPLEMENTED
        assert Status.PLANNED <= Status.IN_PROGRESS
        assert Status.IMPLEMENTED > Status.NOT_STARTED

    def test_comparison_with_other_types_is_refused(self) -> None:
        """Comparing a status with a string is a TypeError, not a silent False."""
        with pytest.raises(TypeError):
            assert Status.PLANNED < "planned"
        with pytest.raises(TypeError):
            assert Status.PLANNED <= 1
        with pytest.raises(TypeError):
            assert Status.PLANNED > 1
        with pytest.raises(TypeError):
            assert Status.PLANNED >= 1

    def test_default_weights(self) -> None:
        """The default weights of the scale; none outside it."""
        assert [s.weight for s in Status] == [0.0, 0.25, 0.5, 0.75, 1.0, None, None]
        assert not Status.NOT_APPLICABLE.is_applicable
        assert Status.NOT_STARTED.is_applicable

    @pytest.mark.parametrize(
        ("status", "en", "fr", "es"),
        [
            (Status.NOT_STARTED, "Not started", "Non entamée", "No iniciada"),
            (
                Status.PARTIALLY_IMPLEMENTED,
                "Partially implemented",
                "Partiellement mise en œuvre",
                "Parcialmente aplicada",
            ),
            (Status.NO_INFORMATION, "No information", "Aucune information", "Sin información"),
        ],
    )
    def test_labels(self, status: Status, en: str, fr: str, es: str) -> None:
        """Labels in English, French and Spanish; other languages fall back to English."""
        assert (status.label("en"), status.label("fr"), status.label("es")) == (en, fr, es)
        assert status.label("ru") == en


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("in_progress", Status.IN_PROGRESS),
            ("In progress", Status.IN_PROGRESS),
            ("  IN   PROGRESS ", Status.IN_PROGRESS),
            ("partiellement mise en oeuvre", Status.PARTIALLY_IMPLEMENTED),
            ("PARTIELLEMENT MISE EN ŒUVRE", Status.PARTIALLY_IMPLEMENTED),
            ("non entamee", Status.NOT_STARTED),
            ("Non entamée", Status.NOT_STARTED),
            ("en cours", Status.IN_PROGRESS),
            ("prévue", Status.PLANNED),
            ("sans objet", Status.NOT_APPLICABLE),
            ("non applicable", Status.NOT_APPLICABLE),
            ("pleinement mise en œuvre", Status.IMPLEMENTED),
            ("Mise en œuvre", Status.IMPLEMENTED),
            ("fully implemented", Status.IMPLEMENTED),
            ("partially implemented", Status.PARTIALLY_IMPLEMENTED),
            ("not implemented", Status.NOT_STARTED),
            ("implemented", Status.IMPLEMENTED),
            ("partial", Status.PARTIALLY_IMPLEMENTED),
            ("planned", Status.PLANNED),
            ("not-applicable", Status.NOT_APPLICABLE),
            ("Parcialmente aplicada", Status.PARTIALLY_IMPLEMENTED),
            ("en curso", Status.IN_PROGRESS),
            ("sin información", Status.NO_INFORMATION),
            (Status.PLANNED, Status.PLANNED),
        ],
    )
    def test_accepted(self, text: str, expected: Status) -> None:
        """Labels, values and crosswalks are accepted case-, accent-, space- and œ-insensitively."""
        assert Status.parse(text) is expected

    @pytest.mark.parametrize("text", ["done", "", "alternative", "implemented!", 5, None])
    def test_refused(self, text: object) -> None:
        """Anything else is refused, with the accepted labels in the message."""
        with pytest.raises(InvalidStatusError) as info:
            Status.parse(text)  # type: ignore[arg-type]
        assert info.value.text == text
        assert "Partiellement mise en œuvre" in info.value.accepted
        assert "accepted: Not started, Planned" in str(info.value)
