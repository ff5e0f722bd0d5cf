import pytest

from kniewijs.core.sport_guess import guess_sport


def kmh(value: float) -> float:
    return value / 3.6


def test_a_sport_the_device_names_is_never_second_guessed():
    guess = guess_sport(kmh(30.0), 80.0, device_sport="running")
    assert (guess.sport, guess.evidence) == ("running", None)


@pytest.mark.parametrize(
    ("speed", "cadence", "sport"),
    [
        (24.4, None, "cycling"),
        (19.7, None, "cycling"),
        (19.7, 176.0, "running"),
        (11.0, None, "running"),
        (11.0, 85.0, "running"),
        (5.0, None, "walking"),
        (5.0, 110.0, "walking"),
        (6.5, 82.0, "running"),
        (6.5, 160.0, "running"),
        (60.0, None, "other"),
        (97.0, 80.0, "other"),
    ],
)
def test_speed_decides_and_cadence_settles_the_ambiguous_bands(speed, cadence, sport):
    assert guess_sport(kmh(speed), cadence).sport == sport


def test_the_evidence_names_the_speed_with_a_decimal_comma_in_dutch():
    evidence = guess_sport(kmh(24.4)).evidence
    assert evidence is not None
    assert evidence.nl == "geraden uit 24,4 km/u" and evidence.en == "guessed from 24.4 km/h"


def test_the_evidence_names_the_cadence_when_it_decided():
    evidence = guess_sport(kmh(5.0), 110.0).evidence
    assert evidence is not None and "cadans van 110" in evidence.nl and "cadence of 110" in evidence.en


def test_without_a_speed_the_default_is_kept_and_the_evidence_says_it_was_assumed():
    guess = guess_sport(None, None, default="running")
    assert guess.sport == "running" and guess.evidence is not None and "aangenomen" in guess.evidence.nl
    assert guess_sport(float("nan")).evidence is not None
