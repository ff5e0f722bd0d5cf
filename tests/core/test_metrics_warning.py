from datetime import date

import pytest

from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.warning import LINKS, Warning, as_percent, date_text, decimals, km_shown
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
