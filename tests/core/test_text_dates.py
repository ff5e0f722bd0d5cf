"""One way of writing a date: every page, chart, PDF and mail goes through core.text.format_day."""

from datetime import date, datetime

import pytest

from kniewijs.core.text import DATE_STYLES, format_day, format_moment

DAY = date(2026, 11, 30)  # a Monday


def test_dutch_months_and_weekdays_are_written_in_lower_case():
    assert format_day(DAY, "nl", "weekday_year") == "maandag 30 november 2026"
    assert format_day(date(2026, 10, 31), "nl", "short") == "31 okt"


def test_english_capitalises_months_and_weekdays():
    assert format_day(DAY, "en", "weekday") == "Monday 30 November"
    assert format_day(DAY, "en", "short_year") == "30 Nov 2026"


def test_maart_is_abbreviated_mrt_as_dutch_readers_expect():
    assert format_day(date(2026, 3, 3), "nl", "short") == "3 mrt"


def test_every_style_names_the_day_of_the_month_first():
    for style in DATE_STYLES:
        assert format_day(DAY, "nl", style).split()[0] in ("30", "maandag", "ma")


def test_an_unknown_style_is_refused_rather_than_guessed():
    with pytest.raises(ValueError):
        format_day(DAY, "nl", "j M")


def test_a_moment_adds_the_time_with_om_in_dutch_and_at_in_english():
    when = datetime(2026, 11, 30, 9, 5)
    assert format_moment(when, "nl") == "30 november 2026 om 09:05"
    assert format_moment(when, "en", "day_month") == "30 November at 09:05"
