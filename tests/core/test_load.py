import pytest

from kniewijs.core.load import (
    PainZone,
    SpikeBand,
    average_weekly_growth,
    breaks_ten_percent_rule,
    cadence_target,
    pain_zone,
    single_run_spike,
    weekly_growth,
)


@pytest.mark.parametrize(
    ("today_km", "band"),
    [
        (10.9, SpikeBand.NONE),
        (11.0, SpikeBand.NONE),
        (12, SpikeBand.SMALL),
        (13, SpikeBand.SMALL),
        (15, SpikeBand.MODERATE),
        (20, SpikeBand.MODERATE),
        (25, SpikeBand.LARGE),
    ],
)
def test_a_run_is_banded_against_the_longest_run_of_the_previous_30_days(today_km, band):
    spike = single_run_spike(today_km, 10)
    assert spike is not None and spike.band is band


def test_the_spike_bands_carry_the_rate_ratios_of_frandsen_2025():
    assert single_run_spike(12, 10).rate_ratio == 1.64
    assert single_run_spike(15, 10).rate_ratio == 1.52
    assert single_run_spike(25, 10).rate_ratio == 2.28
    assert single_run_spike(10.5, 10).rate_ratio == 1.0


def test_a_first_run_without_history_is_not_a_spike():
    assert single_run_spike(8, 0) is None


def test_twenty_twenty_twenty_thirty_is_fifty_percent_week_on_week_and_breaks_the_ten_percent_rule():
    growth = weekly_growth(20, 30)
    assert growth == pytest.approx(0.5)
    assert breaks_ten_percent_rule(growth)


def test_exactly_ten_percent_more_keeps_to_the_rule():
    assert not breaks_ten_percent_rule(weekly_growth(20, 22))
    assert breaks_ten_percent_rule(weekly_growth(20, 22.1))


def test_four_weeks_at_ten_percent_compound_to_forty_six_percent():
    assert average_weekly_growth(20, 20 * 1.1**4, 4) == pytest.approx(0.10)
    assert not breaks_ten_percent_rule(average_weekly_growth(20, 29, 4))
    assert breaks_ten_percent_rule(average_weekly_growth(20, 30, 4))


def test_no_previous_load_gives_no_growth_figure():
    assert weekly_growth(0, 10) is None
    assert average_weekly_growth(0, 10, 4) is None


def test_the_cadence_target_is_five_to_ten_percent_above_the_runners_own():
    low, high = cadence_target(160)
    assert low == pytest.approx(168) and high == pytest.approx(176)


@pytest.mark.parametrize(
    ("pain", "zone"),
    [
        (0, PainZone.SAFE),
        (3, PainZone.SAFE),
        (4, PainZone.ACCEPTABLE),
        (5, PainZone.ACCEPTABLE),
        (6, PainZone.TOO_MUCH),
        (10, PainZone.TOO_MUCH),
    ],
)
def test_pain_zones_follow_the_silbernagel_model(pain, zone):
    assert pain_zone(pain) is zone
