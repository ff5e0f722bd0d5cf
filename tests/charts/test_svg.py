"""The SVG building blocks: escaping, numbers and dates in words, scales, ticks, axes, legends, the frame."""

import math
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kniewijs.charts.svg import (
    MIN_FONT_SIZE,
    VIEW_WIDTH,
    Frame,
    LegendItem,
    LinearScale,
    TimeScale,
    date_ticks,
    document,
    empty_chart,
    esc,
    format_date,
    format_number,
    label,
    legend,
    line_path,
    marker,
    nice_ticks,
    num,
    tick_decimals,
    x_axis,
)

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """Wrap loose elements in an <svg> so a fragment can be parsed on its own."""
    return ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{markup}</svg>')


def test_text_and_attribute_values_are_escaped_quotes_included():
    assert esc("""<script>"a" & 'b'</script>""") == (
        "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
    )


def test_characters_xml_cannot_hold_are_dropped_so_the_svg_stays_readable():
    markup = label(10, 10, "knie\x00pijn\x1b")
    assert parse(markup).find(f"{SVG}text").text == "kniepijn"


def test_an_escaped_label_round_trips_through_an_xml_parser():
    words = """<img src=x onerror="alert('x')"> & co"""
    text = parse(label(10, 10, words)).find(f"{SVG}text")
    assert text.text == words
    assert len(text.attrib) == 4  # x, y, font-size, fill: nothing leaked out of the text into attributes


def test_coordinates_carry_at_most_one_decimal_and_never_a_negative_zero():
    assert num(12.34) == "12.3"
    assert num(5.0) == "5"
    assert num(-0.04) == "0"
    assert num(-3.26) == "-3.3"


@pytest.mark.parametrize(
    ("value", "decimals", "dutch", "english"),
    [
        (12.5, 1, "12,5", "12.5"),
        (3.0, 1, "3", "3"),
        (1.25, 2, "1,25", "1.25"),
        (1.2, 2, "1,2", "1.2"),
        (-0.01, 1, "0", "0"),
    ],
)
def test_numbers_have_a_decimal_comma_in_dutch_and_a_point_in_english(value, decimals, dutch, english):
    assert format_number(value, "nl", decimals) == dutch
    assert format_number(value, "en", decimals) == english


def test_dates_use_the_dutch_month_abbreviations():
    months = [format_date(date(2025, month, 3), "nl", year=False).split()[1] for month in range(1, 13)]
    assert months == ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    assert format_date(date(2025, 3, 3), "nl") == "3 mrt 2025"
    assert format_date(date(2025, 3, 3), "en") == "3 Mar 2025"


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 37, [0, 10, 20, 30, 40]),
        (0, 41, [0, 10, 20, 30, 40, 50]),
        (0, 1.65, [0, 0.5, 1, 1.5, 2]),
        (163, 181, [160, 165, 170, 175, 180, 185]),
        (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1]),
    ],
)
def test_axis_ticks_step_by_one_two_or_five_times_a_power_of_ten(low, high, ticks):
    assert nice_ticks(low, high) == pytest.approx(ticks)


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
)
def test_axis_ticks_always_cover_the_data_in_at_most_five_round_steps(low, span):
    ticks = nice_ticks(low, low + span)
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    assert round(mantissa, 6) in (1, 2, 5)
    # Within a billionth of a step: float noise at the edge does not earn a whole extra tick.
    assert ticks[0] <= low + 1e-9 * step and ticks[-1] >= low + span - 1e-9 * step
    assert 1 <= len(ticks) - 1 <= 5


def test_a_minimum_step_keeps_ticks_on_whole_numbers():
    assert nice_ticks(0, 2, min_step=1) == [0, 1, 2]


def test_limits_that_are_not_finite_are_refused():
    with pytest.raises(ValueError, match="finite"):
        nice_ticks(0, math.inf)


def test_tick_labels_get_as_many_decimals_as_the_step_needs():
    assert tick_decimals([0, 0.5, 1.0]) == 1
    assert tick_decimals([0, 10, 20]) == 0
    assert tick_decimals([0.0]) == 0


def test_a_few_days_get_a_tick_a_day():
    ticks = date_ticks(date(2025, 3, 3), date(2025, 3, 5), "nl")
    assert [words for _, words in ticks] == ["3 mrt", "4 mrt", "5 mrt"]


def test_two_months_get_a_tick_every_two_weeks_counted_from_the_first_day():
    ticks = date_ticks(date(2025, 3, 5), date(2025, 5, 1), "nl")
    assert [day for day, _ in ticks] == [
        date(2025, 3, 5),
        date(2025, 3, 19),
        date(2025, 4, 2),
        date(2025, 4, 16),
        date(2025, 4, 30),
    ]


def test_weekly_data_never_gets_ticks_between_weeks():
    ticks = date_ticks(date(2025, 3, 3), date(2025, 3, 9), "nl", min_step_days=7)
    assert [day for day, _ in ticks] == [date(2025, 3, 3)]


def test_months_are_named_with_the_year_at_the_first_tick_and_at_january():
    ticks = date_ticks(date(2024, 11, 15), date(2025, 3, 1), "nl")
    assert [words for _, words in ticks] == ["dec 2024", "jan 2025", "feb", "mrt"]


def test_ten_years_get_a_tick_every_other_year():
    ticks = date_ticks(date(2015, 3, 1), date(2025, 2, 1), "en")
    assert [words for _, words in ticks] == ["2016", "2018", "2020", "2022", "2024"]


def test_a_linear_scale_maps_the_domain_and_clamps_what_falls_outside():
    scale = LinearScale(0, 10, 200, 0)
    assert scale(5) == 100
    assert scale(15) == 0
    assert LinearScale(3, 3, 200, 0)(3) == 100  # no division by zero on a zero-width domain


def test_the_time_scale_gives_each_day_its_own_slot():
    scale = TimeScale(date(2025, 1, 1), 10, 0, 100)
    assert scale(date(2025, 1, 1)) == 0
    assert scale(date(2025, 1, 3), 0.5) == 25
    assert scale.day_width == 10


def test_an_x_label_that_would_collide_with_the_one_before_is_left_out():
    frame = Frame.make()
    texts = parse(x_axis([(100, "6 jan"), (110, "13 jan"), (200, "20 jan")], frame)).findall(f"{SVG}text")
    assert [t.text for t in texts] == ["6 jan", "20 jan"]


def test_a_label_at_the_edge_is_moved_inside_the_view_box():
    frame = Frame(left=0, right=VIEW_WIDTH, top=0, bottom=100)
    text = parse(x_axis([(VIEW_WIDTH, "dec 2025")], frame)).find(f"{SVG}text")
    assert float(text.get("x")) + len("dec 2025") * 12 * 0.6 / 2 <= VIEW_WIDTH


def test_text_smaller_than_eleven_units_is_refused():
    assert MIN_FONT_SIZE == 11
    with pytest.raises(ValueError, match="too small"):
        label(0, 0, "klein", size=10)


def test_the_legend_flows_into_rows_that_fit_the_width():
    items = [LegendItem(f"Onderdeel nummer {i}", "bar", "#005a70") for i in range(5)]
    markup, height = legend(items)
    assert height == 60  # three rows of 20: two of these fit side by side in 380 units
    for text in parse(markup).findall(f"{SVG}text"):
        assert float(text.get("x")) + len(text.text) * 12 * 0.6 <= VIEW_WIDTH


def test_markers_differ_in_shape_not_only_in_colour():
    shapes = {shape: marker(shape, 50, 50, "#000") for shape in ("circle", "triangle", "diamond", "square")}
    assert shapes["circle"].startswith("<circle")
    assert shapes["square"].startswith("<rect")
    assert shapes["triangle"].startswith("<path") and shapes["diamond"].startswith("<path")
    assert shapes["triangle"] != shapes["diamond"]


def test_a_line_breaks_where_the_data_has_a_gap():
    assert line_path([(0, 0), (1, 1), None, (2, 2), (3, 3)]) == "M0 0L1 1M2 2L3 3"
    assert line_path([None, None]) == ""


def test_the_svg_scales_to_its_container_and_names_itself_for_screen_readers():
    root = ET.fromstring(document("chart-1", "Titel", "Samenvatting", 100, ""))
    assert root.get("width") == "100%" and root.get("viewBox") == "0 0 380 100" and root.get("height") is None
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-1-title chart-1-desc"
    assert root.find(f"{SVG}title").get("id") == "chart-1-title"
    assert root.find(f"{SVG}desc").text == "Samenvatting"


@pytest.mark.parametrize("chart_id", ["1chart", 'a" onload="x', "with space", ""])
def test_a_chart_id_that_is_not_a_plain_xml_id_is_refused(chart_id):
    with pytest.raises(ValueError, match="chart id"):
        document(chart_id, "t", "s", 10, "")


def test_the_no_data_chart_is_small_valid_and_says_there_is_nothing_yet():
    chart = empty_chart("leeg", "Weekafstand", "nl", ("Week", "km"))
    root = ET.fromstring(chart.svg)
    assert root.get("viewBox") == "0 0 380 64"
    assert [t.text for t in root.iter(f"{SVG}text")] == ["Nog geen gegevens"]
    assert chart.summary == "Er zijn nog geen gegevens om in deze grafiek te tonen."
    assert chart.table == [("Week", "km")]
    assert (
        empty_chart("empty", "Weekly", "en", ("Week",)).summary
        == "There is no data to show in this chart yet."
    )
