from datetime import date

import pytest

from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.warning import (
    LINKS,
    Warning,
    as_percent,
    date_text,
    decimals,
    km_shown,
    week_words,
)
from kniewijs.core.text import T


def test_every_warning_has_a_known_source_and_link_and_refuses_unknown_ones():
    with pytest.raises(KeyError):
        Warning("x", "warn", T("a", "b"), T("a", "b"), "nobody_2099", "bewijs")
    with pytest.raises(ValueError, match="link"):
        Warning("x", "warn", T("a", "b"), T("a", "b"), "seed", "elsewhere")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="severity"):
        Warning("x", "panic", T("a", "b"), T("a", "b"), "seed", "bewijs")  # type: ignore[arg-type]
    accepted = Warning("x", "info", T("a", "b"), T("a", "b"), "gabbett_2016", "bewijs")
    assert accepted.link in LINKS and accepted.numbers == {}


def test_dates_are_written_out_with_the_month_in_each_language():
    text = date_text(day_number(date(2027, 3, 28)))
    assert (text.nl, text.en) == ("28 maart", "28 March")


def test_fixed_decimals_use_a_comma_in_dutch_and_a_point_in_english():
    assert (decimals(1.5, 2).nl, decimals(1.5, 2).en) == ("1,50", "1.50")


def test_distances_are_shown_to_a_tenth_of_a_km_and_shares_as_whole_percents():
    assert km_shown(12.345) == 12.3
    assert (as_percent(0.504), as_percent(0.506)) == (50, 51)
    assert as_percent(1.5) == 150


def test_a_week_is_named_monday_to_sunday_and_the_week_so_far_runs_to_today():
    today = date(2026, 12, 3)  # a Thursday
    this_week = week_words(date(2026, 11, 30), today)
    last_week = week_words(date(2026, 11, 23), today)
    older = week_words(date(2026, 10, 26), today)
    assert this_week.nl == "deze week (ma 30 nov t/m vandaag)"
    assert last_week.nl == "vorige week (ma 23 t/m zo 29 nov)"
    assert older.nl == "de week van ma 26 okt t/m zo 1 nov"
    assert (this_week.en, last_week.en) == (
        "this week (Mon 30 Nov to today)",
        "last week (Mon 23 to Sun 29 Nov)",
    )
    assert week_words(date(2019, 5, 27), today).nl == "de week van ma 27 mei t/m zo 2 jun 2019"
