"""The seven charts (kniewijs.charts.charts and .body) with their shared helpers (.plot) and words (.phrases).

Every SVG is parsed as XML; positions are checked against the plot frame, so a bar, band or line drawn
in the wrong place fails here and not only in a screenshot."""

import math
import re
import string
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.charts import (
    cadence_trend,
    load_ratio,
    pain_and_level,
    pain_over_load,
    phrases,
    runs_with_spikes,
    shoe_distance,
    weekly_distance,
)
from kniewijs.charts.plot import aligned_ticks, bar_width, numbers, sort_by_day, trend
from kniewijs.charts.svg import AMBER, BRAND, EMERGENCY, MIN_FONT_SIZE, URGENT, Frame, num
from kniewijs.core.text import Text

SVG = "{http://www.w3.org/2000/svg}"
START = date(2025, 3, 3)
NASTY = """<script>alert("x")</script> & 'o'"""


def days(n, step=1):
    return [START + timedelta(days=step * i) for i in range(n)]


def build(name, n, *, lang="nl", title="Titel", chart_id=None):
    """One chart of each kind with n data points (0 for none), with gaps and a spike or two in it."""
    chart_id = chart_id or f"c-{name}"
    km = [8.0 + (i % 5) for i in range(n)]
    pain = [None if i % 4 == 3 else float(i % 7) for i in range(n)]
    common = {"chart_id": chart_id, "title": title, "lang": lang}
    if name == "weekly":
        return weekly_distance(days(n, 7), km, ([None] + [k * 1.1 for k in km[:-1]])[:n], **common)
    if name == "spikes":
        bands = ["none", "small", "none", "moderate", "large"] * (n // 5) + ["none"] * (n % 5)
        return runs_with_spikes(days(n), km, bands, **common)
    if name == "ratio":
        return load_ratio(days(n), [0.7 + 0.1 * (i % 10) for i in range(n)], **common)
    if name == "pain_over_load":
        return pain_over_load(days(n), km, pain, **common)
    if name == "shoes":
        return shoe_distance(
            [f"Schoen {i}" for i in range(n)], [100.0 * i for i in range(n)], [650.0] * n, **common
        )
    if name == "cadence":
        return cadence_trend(days(n), [165.0 + i % 9 for i in range(n)], 170, 180, **common)
    if name == "pain_and_level":
        return pain_and_level(days(n), pain, [1 + i // 10 for i in range(n)], **common)
    raise AssertionError(name)


KINDS = ["weekly", "spikes", "ratio", "pain_over_load", "shoes", "cadence", "pain_and_level"]


def root_of(chart):
    return ET.fromstring(chart.svg)


def texts(chart):
    return [t.text for t in root_of(chart).iter(f"{SVG}text")]


def elements(chart, tag, **attrs):
    return [e for e in root_of(chart).iter(f"{SVG}{tag}") if all(e.get(k) == v for k, v in attrs.items())]


def bars(chart, css):
    """(colour, rect) for each bar of a class; bars are grouped by colour and class in a <g>."""
    return [(group.get("fill"), rect) for group in elements(chart, "g", **{"class": css}) for rect in group]


# ---- well-formed, accessible, readable ----


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("n", [0, 1, 7, 40])
def test_every_chart_is_well_formed_svg_named_and_described_for_screen_readers(kind, n):
    chart = build(kind, n, title="Mijn grafiek")
    root = root_of(chart)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 380 ")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert (
        root.get("aria-labelledby")
        == f"{title.get('id')} {desc.get('id')}"
        == f"c-{kind}-title c-{kind}-desc"
    )
    assert title.text == chart.title == "Mijn grafiek"
    assert desc.text == chart.summary and len(chart.summary) > 20
    assert chart.summary.endswith(".")


@pytest.mark.parametrize("kind", KINDS)
def test_no_text_in_any_chart_is_smaller_than_eleven_viewbox_units(kind):
    root = root_of(build(kind, 30))
    inherited = float(root.get("font-size"))
    sizes = [float(t.get("font-size") or inherited) for t in root.iter(f"{SVG}text")]
    assert sizes and min(sizes) >= MIN_FONT_SIZE


@pytest.mark.parametrize("kind", KINDS)
def test_ids_come_from_the_caller_so_two_charts_on_one_page_do_not_clash(kind):
    first, second = build(kind, 5, chart_id="een"), build(kind, 5, chart_id="twee")
    ids = lambda chart: {e.get("id") for e in root_of(chart).iter() if e.get("id")}  # noqa: E731
    assert ids(first) == {"een-title", "een-desc"} and ids(second) == {"twee-title", "twee-desc"}


@pytest.mark.parametrize("kind", KINDS)
def test_a_title_with_markup_and_quotes_is_escaped(kind):
    chart = build(kind, 5, title=NASTY)
    assert "<script" not in chart.svg
    assert root_of(chart).find(f"{SVG}title").text == NASTY


def test_shoe_names_with_markup_and_quotes_are_escaped_in_the_picture_and_kept_whole_in_the_table():
    chart = shoe_distance([NASTY, 'Hoka "Clifton"'], [100, 200], [600, 600], chart_id="s", title="Schoenen")
    assert "<script" not in chart.svg
    shown = texts(chart)
    assert any(t.startswith('<script>alert("x")') for t in shown) and 'Hoka "Clifton"' in shown
    assert [row[0] for row in chart.table[1:]] == [NASTY, 'Hoka "Clifton"']


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_input_gives_the_same_string(kind):
    assert build(kind, 25).svg == build(kind, 25).svg


def test_ten_years_of_weekly_bars_stay_under_150_kilobytes():
    weeks = days(520, 7)
    km = [30 + 10 * math.sin(i / 9) for i in range(520)]
    band = [None] + [k * 1.02 for k in km[:-1]]  # a tight limit, so many weeks carry a warning triangle too
    chart = weekly_distance(weeks, km, band, chart_id="tien", title="Tien jaar")
    assert len(chart.svg.encode()) < 150_000
    assert len(bars(chart, "bar over")) > 100


def test_ten_years_of_runs_stay_under_150_kilobytes():
    runs = [START + timedelta(days=i * 365 * 10 // 1500) for i in range(1500)]
    bands = (["none"] * 8 + ["small", "large"]) * 150  # one run in five a spike, more than is usual
    chart = runs_with_spikes(runs, [5 + i % 20 for i in range(1500)], bands, chart_id="r", title="t")
    assert len(chart.svg.encode()) < 150_000


# ---- 1. weekly distance ----

KM = [10, 12, 11, 13, 15]
BAND = [None, 11, 13.2, 12.1, 14.3]


def test_weeks_above_the_ten_percent_limit_are_highlighted_and_flagged_with_a_triangle():
    chart = weekly_distance(days(5, 7), KM, BAND, chart_id="w", title="t")
    over = bars(chart, "bar over")
    assert len(over) == 3 and {colour for colour, _ in over} == {URGENT}
    assert [colour for colour, _ in bars(chart, "bar")] == [BRAND, BRAND]
    triangles = [p for p in elements(chart, "path", fill=URGENT)]
    assert len(triangles) == 3 + 1  # one above each highlighted bar, one in the legend
    assert [row[3] for row in chart.table[1:]] == ["nee", "ja", "nee", "ja", "ja"]


def test_a_week_exactly_at_the_limit_is_not_highlighted():
    chart = weekly_distance(days(3, 7), [10, 11, 12.1], [None, 11.0, 12.1], chart_id="w", title="t")
    assert bars(chart, "bar over") == []
    # The first week has no week before: only the two after it are compared.
    assert "In geen van de 2 weken" in chart.summary


def test_the_limit_is_a_step_at_each_weeks_own_limit_across_that_week():
    chart = weekly_distance(days(5, 7), KM, BAND, chart_id="w", title="t")
    frame = Frame.make()
    (band,) = elements(chart, "path", **{"class": "band"})
    week = (frame.right - frame.left) / 5
    y = lambda km: num(frame.bottom - km / 15 * (frame.bottom - frame.top))  # noqa: E731  ticks 0-15
    x = lambda i: num(frame.left + i * week)  # noqa: E731
    expected = f"M{x(1)} {y(11)}H{x(2)}V{y(13.2)}H{x(3)}V{y(12.1)}H{x(4)}V{y(14.3)}H{x(5)}"
    assert band.get("d") == expected


def test_a_bar_stands_on_the_baseline_and_reaches_its_distance():
    chart = weekly_distance(days(5, 7), KM, BAND, chart_id="w", title="t")
    frame = Frame.make()
    first = bars(chart, "bar")[0][1]
    top = frame.bottom - 10 / 15 * (frame.bottom - frame.top)
    assert float(first.get("y")) == pytest.approx(top, abs=0.06)
    assert float(first.get("y")) + float(first.get("height")) == pytest.approx(frame.bottom, abs=0.1)


def test_the_weekly_summary_gives_the_latest_week_its_limit_and_the_count_above_it_in_dutch():
    chart = weekly_distance(days(5, 7), [10, 12, 11, 13, 15.5], BAND, chart_id="w", title="t")
    assert chart.summary.startswith(
        "In de week van 31 mrt 2025 liep u 15,5 km; 10% meer dan de week ervoor was 14,3 km geweest."
    )
    assert (
        "In 3 van de 4 weken liep u meer dan 10% boven de week ervoor; de laatste weken loopt u meer."
        in chart.summary
    )


def test_the_weekly_summary_in_english_has_a_decimal_point_and_english_months():
    chart = weekly_distance(days(5, 7), [10, 12, 11, 13, 15.5], BAND, chart_id="w", title="t", lang="en")
    assert chart.summary.startswith("In the week of 31 Mar 2025 you ran 15.5 km;")
    assert chart.table[1] == ("3 Mar 2025", "10", "–", "no")


def test_numpy_arrays_and_datetimes_are_accepted():
    weeks = [datetime(2025, 3, 3, 7, 30) + timedelta(weeks=i) for i in range(3)]
    chart = weekly_distance(
        weeks, np.array([10.0, np.nan, 12.0]), np.array([np.nan, 11.0, np.nan]), chart_id="w", title="t"
    )
    assert len(bars(chart, "bar")) == 2
    assert chart.table[2] == ("10 mrt 2025", "–", "11", "nee")


# ---- 2. runs with spikes ----


def test_spikes_are_marked_by_shape_as_well_as_colour_and_named_in_the_legend():
    chart = runs_with_spikes(
        days(4), [5, 6, 8, 16], ["none", "small", "moderate", "large"], chart_id="s", title="t"
    )
    colours = [
        colour
        for band in ("none", "small", "moderate", "large")
        for colour, _ in bars(chart, f"bar spike-{band}")
    ]
    assert colours == [BRAND, AMBER, URGENT, EMERGENCY]
    assert len(elements(chart, "path", fill=AMBER)) == 2  # the triangle above the run and in the legend
    assert len(elements(chart, "rect", fill=EMERGENCY)) == 2  # the square above the run and in the legend
    assert {"Geen piek", "Piek 10–30%", "Piek 30–100%", "Piek >100%"} <= set(texts(chart))
    assert chart.summary == (
        "Uw laatste loop, op 6 mrt 2025, was 16 km (een grote piek). 3 van de 4 lopen waren meer dan 10% langer "
        "dan de langste loop van de 30 dagen ervoor (1 kleine piek, 1 middelgrote piek, 1 grote piek)."
    )


def test_a_single_spike_is_spoken_of_in_the_singular():
    chart = runs_with_spikes(
        days(3), [5, 6, 5], ["none", "small", "none"], chart_id="s", title="t", lang="en"
    )
    assert "1 of the 3 runs was more than 10% longer" in chart.summary


def test_an_unknown_spike_band_is_refused():
    with pytest.raises(ValueError, match="huge"):
        runs_with_spikes(days(1), [5], ["huge"], chart_id="s", title="t")


# ---- 3. load ratio ----


def test_the_favourable_zone_and_the_danger_line_sit_at_their_values():
    chart = load_ratio(days(2), [1.0, 1.2], chart_id="r", title="t")
    frame = Frame.make()
    y = lambda v: frame.bottom - v / 2 * (frame.bottom - frame.top)  # noqa: E731  ticks 0-2
    (zone,) = elements(chart, "rect", **{"class": "zone"})
    assert float(zone.get("y")) == pytest.approx(y(1.3), abs=0.06)
    assert float(zone.get("y")) + float(zone.get("height")) == pytest.approx(y(0.8), abs=0.1)
    (danger,) = elements(chart, "line", **{"class": "rule"})
    assert float(danger.get("y1")) == pytest.approx(y(1.5), abs=0.06) and danger.get("stroke") == EMERGENCY
    assert {"Gewoon: 0,8–1,3 keer", "Grens: 1,5 keer"} <= set(texts(chart))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (1.04, "1 keer zo veel als u gewend bent: binnen het gewone, 0,8 tot 1,3 keer"),
        (0.6, "0,6 keer zo veel als u gewend bent: minder dan gewoonlijk (onder 0,8 keer)"),
        (1.4, "1,4 keer zo veel als u gewend bent: meer dan gewoonlijk, maar onder de grens van 1,5 keer"),
        (1.5, "1,5 keer zo veel als u gewend bent: op of boven de grens van 1,5 keer"),
    ],
)
def test_the_ratio_summary_places_the_latest_value_in_its_zone(value, words):
    chart = load_ratio([START], [value], chart_id="r", title="t")
    assert chart.summary.startswith(f"In de 7 dagen tot en met 3 mrt 2025 trainde u {words}")
    assert "verhouding" not in chart.summary and "ACWR" not in chart.summary


def test_ratios_at_the_danger_line_are_counted_and_marked_with_squares():
    chart = load_ratio(days(4), [1.0, 1.6, 1.7, 1.1], chart_id="r", title="t")
    assert "Op 2 van de 4 dagen was dat 1,5 keer of meer" in chart.summary
    assert len(elements(chart, "rect", fill=EMERGENCY)) == 2


def test_a_gap_in_the_ratio_breaks_the_line_and_shows_as_a_dash_in_the_table():
    chart = load_ratio(days(5), [1.0, 1.1, None, float("nan"), 1.2], chart_id="r", title="t")
    paths = [p.get("d") for p in elements(chart, "path") if p.get("stroke") == "#003f4f"]
    assert paths and paths[0].count("M") == 2
    assert [row[1] for row in chart.table[1:]] == ["1", "1,1", "–", "–", "1,2"]


# ---- 4. pain over load ----


def test_pain_is_drawn_on_its_own_zero_to_ten_axis_beside_the_distance():
    chart = pain_over_load(days(3), [5, 8, 6], [2, None, 4], chart_id="p", title="t")
    pain_labels = [t.text for t in elements(chart, "text", fill=EMERGENCY)]
    assert pain_labels[:6] == ["0", "2", "4", "6", "8", "10"]
    assert "pijn 0–10" in pain_labels
    assert chart.summary.startswith("Op 5 mrt 2025 gaf u uw pijn een 4 van de 10, na 6 km.")


def test_pain_outside_zero_to_ten_is_refused():
    with pytest.raises(ValueError, match="0 to 10"):
        pain_over_load(days(1), [5], [11], chart_id="p", title="t")


def test_distance_without_any_pain_score_still_makes_a_chart():
    chart = pain_over_load(days(2), [5, 7.5], [None, None], chart_id="p", title="t")
    assert chart.summary == "Er zijn nog geen pijnscores; op 4 mrt 2025 liep u 7,5 km."


def test_rising_pain_is_reported_in_the_summary():
    chart = pain_over_load(days(5), [5] * 5, [1, 2, 3, 5, 6], chart_id="p", title="t", lang="en")
    assert chart.summary.endswith("Your pain has lately increased.")


# ---- 5. shoe distance ----


def test_shoes_near_and_past_their_limit_change_colour_and_say_so_in_words():
    chart = shoe_distance(["A", "B", "C"], [300, 590, 700], [600, 600, 600], chart_id="s", title="t")
    assert [b.get("fill") for b in elements(chart, "rect") if (b.get("class") or "").startswith("shoe")] == [
        BRAND,
        URGENT,
        EMERGENCY,
    ]
    assert {"590 / 600 km · bijna op", "700 / 600 km · over de grens", "300 / 600 km"} <= set(texts(chart))
    assert [row[3:] for row in chart.table[1:]] == [
        ("50%", "in orde"),
        ("98%", "bijna op"),
        ("117%", "over de grens"),
    ]
    assert chart.summary == (
        "Van uw 3 schoenen heeft C de meeste kilometers: 700 km van de 600 km (117%). "
        "Bijna op (90% of meer): B; over de grens: C."
    )


def test_the_limit_mark_of_a_shoe_sits_at_its_limit():
    chart = shoe_distance(["A"], [300], [600], chart_id="s", title="t")
    frame_right = Frame.make().right
    (mark,) = elements(chart, "line", **{"class": "limit"})
    assert float(mark.get("x1")) == pytest.approx(8 + 600 / 600 * (frame_right - 8), abs=0.06)  # ticks 0-600


def test_exactly_ninety_percent_counts_as_nearly_worn():
    chart = shoe_distance(["A"], [540], [600], chart_id="s", title="t", lang="en")
    assert chart.table[1][4] == "nearly worn"
    assert chart.summary == "Your shoe A has 540 km of 600 km (90%). Nearly worn (90% or more): A."


def test_a_shoe_name_too_long_for_a_phone_is_shortened_in_the_picture_only():
    name = "Een heel erg lange schoennaam die niet op een telefoonscherm past"
    chart = shoe_distance([name], [100], [600], chart_id="s", title="t")
    assert any(t.endswith("…") and name.startswith(t[:-1]) for t in texts(chart))
    assert chart.table[1][0] == name and name in chart.summary


def test_a_shoe_without_a_limit_has_no_status_and_no_division_by_zero():
    chart = shoe_distance(["A"], [100], [0], chart_id="s", title="t")
    assert chart.table[1][2:] == ("–", "–", "geen grens")
    assert elements(chart, "line", **{"class": "limit"}) == []


def test_names_and_distances_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="length"):
        shoe_distance(["A", "B"], [100], [600], chart_id="s", title="t")


# ---- 6. cadence ----


def test_the_cadence_target_band_spans_the_target():
    chart = cadence_trend(days(3), [168, 171, 173], 170, 180, chart_id="c", title="t")
    (zone,) = elements(chart, "rect", **{"class": "zone"})
    frame = Frame.make()
    y = lambda v: frame.bottom - (v - 165) / 20 * (frame.bottom - frame.top)  # noqa: E731  ticks 165-185
    assert float(zone.get("y")) == pytest.approx(y(180), abs=0.06)
    assert float(zone.get("y")) + float(zone.get("height")) == pytest.approx(y(170), abs=0.1)
    assert chart.summary.startswith(
        "Op 5 mrt 2025 was uw pasfrequentie 173 stappen per minuut, binnen uw doel van 170 tot 180."
    )
    assert [row[2] for row in chart.table[1:]] == ["nee", "ja", "ja"]


def test_a_cadence_target_with_only_a_lower_bound_is_a_line():
    chart = cadence_trend(days(2), [160, 165], 170, None, chart_id="c", title="t", lang="en")
    assert (
        len(elements(chart, "line", **{"class": "rule"})) == 1
        and elements(chart, "rect", **{"class": "zone"}) == []
    )
    assert "Target: at least 170" in texts(chart)
    assert (
        chart.summary
        == "On 4 Mar 2025 your cadence was 165 steps per minute, below your target of at least 170."
    )


def test_cadence_without_a_target_has_no_band_and_no_target_words():
    chart = cadence_trend(days(2), [160, 165], None, None, chart_id="c", title="t")
    assert chart.summary == "Op 4 mrt 2025 was uw pasfrequentie 165 stappen per minuut."
    assert [row[2] for row in chart.table[1:]] == ["–", "–"]


# ---- 7. pain and level ----


def test_the_level_is_a_step_that_holds_until_the_next_change():
    chart = pain_and_level(days(3), [3, 2, 2], [1, 1, 2], chart_id="l", title="t")
    (steps,) = elements(chart, "path", **{"class": "level"})
    numbers_in_path = re.findall(r"[MHV][-\d.]+", steps.get("d"))
    assert [n[0] for n in numbers_in_path] == ["M", "H", "V", "H", "V", "H"]
    assert chart.summary == (
        "Uw laatste pijnscore, op 5 mrt 2025, was 2 van de 10; u zit nu op niveau 2. "
        "Uw pijn is de laatste tijd afgenomen; u ging van niveau 1 naar niveau 2."
    )


def test_a_level_without_pain_scores_is_still_described():
    chart = pain_and_level(days(2), [None, None], [1, 2], chart_id="l", title="t", lang="en")
    assert chart.summary.startswith("You are now at level 2; there are no pain scores yet.")


# ---- empty data, single points, gaps ----


@pytest.mark.parametrize("kind", KINDS)
def test_no_data_gives_the_small_chart_that_says_so_with_the_table_header(kind):
    chart = build(kind, 0)
    assert texts(chart) == ["Nog geen gegevens"]
    assert len(chart.table) == 1 and len(chart.table[0]) >= 2


def test_only_gaps_count_as_no_data():
    chart = load_ratio(days(2), [None, float("nan")], chart_id="r", title="t")
    assert texts(chart) == ["Nog geen gegevens"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_single_point_is_drawn_and_described(kind):
    chart = build(kind, 1)
    assert len(chart.table) == 2
    marks = [
        e
        for e in root_of(chart).iter()
        if e.tag in (f"{SVG}rect", f"{SVG}circle") and e.get("class") != "zone"
    ]
    assert len(marks) >= 2  # the point or bar itself, and the legend


def test_dates_out_of_order_are_drawn_and_tabled_in_order():
    chart = load_ratio([START + timedelta(days=2), START], [1.2, 1.0], chart_id="r", title="t")
    assert [row[0] for row in chart.table[1:]] == ["3 mrt 2025", "5 mrt 2025"]
    assert "1,2" in chart.summary


def test_columns_of_unequal_length_are_refused():
    with pytest.raises(ValueError, match="as long as the dates"):
        weekly_distance(days(2, 7), [1, 2], [None], chart_id="w", title="t")


@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),
            st.one_of(st.none(), st.floats(0, 60), st.just(float("nan"))),
            st.one_of(st.none(), st.integers(0, 10).map(float)),
        ),
        max_size=30,
    )
)
@settings(max_examples=60, deadline=None)
def test_any_mix_of_values_and_gaps_gives_well_formed_svg(rows):
    when = [START + timedelta(days=offset) for offset, _, _ in rows]
    values = [value for _, value, _ in rows]
    pains = [pain for _, _, pain in rows]
    charts = [
        weekly_distance(when, values, values, chart_id="a", title="t"),
        runs_with_spikes(when, values, ["small"] * len(rows), chart_id="b", title="t"),
        load_ratio(when, values, chart_id="c", title="t"),
        pain_over_load(when, values, pains, chart_id="d", title="t"),
        cadence_trend(when, values, 10, 30, chart_id="e", title="t"),
        pain_and_level(when, pains, values, chart_id="f", title="t"),
        shoe_distance([str(i) for i in range(len(rows))], values, values, chart_id="g", title="t"),
    ]
    for chart in charts:
        assert root_of(chart).find(f"{SVG}desc").text == chart.summary
        no_data = chart.summary == "Er zijn nog geen gegevens om in deze grafiek te tonen."
        assert len(chart.table) == (1 if no_data else len(rows) + 1)


# ---- shared helpers and words ----


def test_nan_and_infinity_become_gaps():
    assert numbers([1, None, float("nan"), float("inf"), np.float64(2.5)]) == [1.0, None, None, None, 2.5]


def test_rows_are_sorted_by_day_and_a_datetime_counts_as_its_day():
    when, (values,) = sort_by_day([datetime(2025, 3, 5, 9), date(2025, 3, 3)], [2, 1])
    assert when == [date(2025, 3, 3), date(2025, 3, 5)] and values == [1.0, 2.0]


@pytest.mark.parametrize(
    ("values", "direction"),
    [
        ([10, 11, 12, 13], "up"),
        ([13, 12, 11, 10], "down"),
        ([10, 10.2, 9.9, 10.1], "flat"),
        ([1, 5], None),
        ([1, None, 5], None),
    ],
)
def test_a_trend_is_read_from_the_last_values(values, direction):
    assert trend(values, relative=0.1) == direction


def test_one_bad_day_in_the_middle_is_not_a_rising_trend():
    assert trend([2, 2, 2, 2, 2, 6, 2, 2], absolute=1.0) == "flat"
    assert trend([1, 2, 2, 3, 4, 4, 5, 6], absolute=1.0) == "up"


def test_only_the_last_eight_values_make_the_trend():
    assert trend([100, 90, 80, 70, 60, 50, 40, 30, 30, 31, 32, 33, 34, 35, 36, 37], absolute=1) == "up"


def test_aligned_ticks_always_have_five_steps_so_two_axes_share_gridlines():
    assert aligned_ticks(37) == [0, 10, 20, 30, 40, 50]
    assert aligned_ticks(3, min_step=1) == [0, 1, 2, 3, 4, 5]
    assert len(aligned_ticks(0)) == 6


def test_bars_keep_a_gap_while_there_is_room_and_merge_when_there_is_not():
    assert bar_width(10, 28) == 8
    assert bar_width(100, 28) == 28
    assert bar_width(0.6, 28) == pytest.approx(1.0)  # wider than the slot: neighbours overlap, no seams


def _all_phrases():
    for name, value in vars(phrases).items():
        if name.startswith("_"):
            continue
        if isinstance(value, Text):
            yield name, value
        elif isinstance(value, dict):
            yield from ((f"{name}[{key}]", text) for key, text in value.items())


def test_every_phrase_has_dutch_and_english_with_the_same_placeholders():
    fields = lambda words: {f for _, f, _, _ in string.Formatter().parse(words) if f}  # noqa: E731
    found = list(_all_phrases())
    assert len(found) > 60
    for name, text in found:
        assert text.nl.strip() and text.en.strip(), name
        assert fields(text.nl) == fields(text.en), name
