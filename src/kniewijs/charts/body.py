"""Charts of how the runner's body answers the training: pain over load, cadence, pain and programme level.

Like kniewijs.charts.charts: plain data in, a `Chart` out (inline SVG, title, a summary in words and the
data as table rows), deterministic, gaps kept as gaps, and colour never the only carrier of meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kniewijs.charts import phrases
from kniewijs.charts.plot import (
    LEGEND_GAP,
    BarGroups,
    Values,
    aligned_ticks,
    bar_width,
    callout,
    check_pain,
    fmt,
    last_index,
    present,
    rule,
    say,
    sentence,
    series,
    sort_by_day,
    time_frame,
    trend,
    zone,
)
from kniewijs.charts.svg import (
    BRAND,
    BRAND_DARK,
    EMERGENCY,
    SELF_CARE,
    Chart,
    Frame,
    LegendItem,
    LinearScale,
    compose,
    empty_chart,
    format_date,
    label,
    nice_ticks,
    num,
    tag,
    time_x_axis,
    y_axis,
)
from kniewijs.core.text import Language

# ---- 4. pain over load -------------------------------------------------------------------------------


def pain_over_load(
    dates: Sequence[date], km: Values, pain: Values, *, chart_id: str, title: str, lang: Language = "nl"
) -> Chart:
    """Bars of distance with the pain score as a line on a second 0-10 axis, to see whether pain follows
    load. Pain is the 0-10 rating of the pain-monitoring model (Silbernagel et al. 2007)."""
    header = (phrases.date.get(lang), phrases.distance_km.get(lang), phrases.pain.get(lang))
    days, (distances, pains) = sort_by_day(dates, km, pain)
    check_pain(pains)
    if not present(distances) and not present(pains):
        return empty_chart(chart_id, title, lang, header)

    frame = Frame.make(right_axis=True)
    ticks = aligned_ticks(max(present(distances), default=0.0))
    y = LinearScale(ticks[0], ticks[-1], frame.bottom, frame.top)
    pain_scale = LinearScale(0, 10, frame.bottom, frame.top)
    x, last_day = time_frame(days, 1, frame)
    width = bar_width(x.day_width, 12.0)
    body = y_axis(ticks, y, frame, lang, unit="km")
    body += y_axis(
        nice_ticks(0, 10),
        pain_scale,
        frame,
        lang,
        side="right",
        grid=False,
        colour=EMERGENCY,
        unit=phrases.pain_unit.get(lang),
    )
    bars = BarGroups()
    for day, distance in zip(days, distances, strict=True):
        if distance is not None and distance > 0:
            bars.add(x(day, 0.5) - width / 2, width, y(distance), frame.bottom, BRAND, "bar")
    body += bars.svg()
    points = [None if v is None else (x(day, 0.5), pain_scale(v)) for day, v in zip(days, pains, strict=True)]
    body += series(points, EMERGENCY)
    latest = last_index(pains)
    if latest is not None and (spot := points[latest]) is not None:
        body += callout(spot, fmt(pains[latest], lang), EMERGENCY, frame)
    body += time_x_axis(x, last_day, frame, lang)

    if latest is None:
        ran = last_index(distances)
        assert ran is not None
        summary = say(phrases.pain_none, lang, day=format_date(days[ran], lang), km=fmt(distances[ran], lang))
    else:
        when, score, ran_km = format_date(days[latest], lang), fmt(pains[latest], lang), distances[latest]
        if ran_km is not None and ran_km > 0:
            summary = say(phrases.pain_latest_km, lang, day=when, pain=score, km=fmt(ran_km, lang))
        else:
            summary = say(phrases.pain_latest, lang, day=when, pain=score)
    direction = trend(pains, absolute=1.0)
    if direction:
        summary += " " + sentence([say(phrases.pain_trend[direction], lang)])
    items = [
        LegendItem(phrases.distance_km.get(lang), "bar", BRAND),
        LegendItem(phrases.pain.get(lang), "circle", EMERGENCY),
    ]
    rows = [
        (format_date(day, lang), fmt(d, lang), fmt(v, lang))
        for day, d, v in zip(days, distances, pains, strict=True)
    ]
    svg = compose(chart_id, title, summary, body, items, frame.bottom + LEGEND_GAP)
    return Chart(svg=svg, title=title, summary=summary, table=[header, *rows])


# ---- 6. cadence --------------------------------------------------------------------------------------


def cadence_trend(
    dates: Sequence[date],
    cadence: Values,
    target_low: float | None,
    target_high: float | None,
    *,
    chart_id: str,
    title: str,
    lang: Language = "nl",
) -> Chart:
    """Cadence (steps per minute) as a line over the target band. Source of the usual target:
    kniewijs.core.load.cadence_target (Heiderscheit et al. 2011, +5 to +10% of the runner's own)."""
    header = (phrases.date.get(lang), phrases.cadence.get(lang), phrases.in_target.get(lang))
    days, (values,) = sort_by_day(dates, cadence)
    if not present(values):
        return empty_chart(chart_id, title, lang, header)
    bounds = [b for b in (target_low, target_high) if b is not None]
    low_value, high_value = min(present(values) + bounds), max(present(values) + bounds)
    pad = max(2.0, (high_value - low_value) * 0.15)

    frame = Frame.make()
    ticks = nice_ticks(low_value - pad, high_value + pad)
    y = LinearScale(ticks[0], ticks[-1], frame.bottom, frame.top)
    x, last_day = time_frame(days, 1, frame)
    low, high = fmt(target_low, lang, 0), fmt(target_high, lang, 0)
    body = y_axis(ticks, y, frame, lang, unit=phrases.cadence_unit.get(lang))
    target = shown = ""
    if target_low is not None and target_high is not None:
        body += zone(frame, y(target_high), y(target_low), SELF_CARE)
        target, shown = (say(t, lang, low=low, high=high) for t in (phrases.range_both, phrases.target_band))
    elif target_low is not None:
        body += rule(frame, y(target_low), SELF_CARE)
        target, shown = say(phrases.range_min, lang, low=low), say(phrases.target_min, lang, low=low)
    elif target_high is not None:
        body += rule(frame, y(target_high), SELF_CARE)
        target, shown = say(phrases.range_max, lang, high=high), say(phrases.target_max, lang, high=high)
    points = [None if v is None else (x(day, 0.5), y(v)) for day, v in zip(days, values, strict=True)]
    body += series(points, BRAND_DARK)
    latest = last_index(values)
    assert latest is not None
    value, spot = values[latest], points[latest]
    assert value is not None and spot is not None
    body += callout(spot, fmt(value, lang, 0), BRAND_DARK, frame) + time_x_axis(x, last_day, frame, lang)

    def within(v: float | None) -> str:
        if v is None or not bounds:
            return "–"
        inside = (target_low is None or v >= target_low) and (target_high is None or v <= target_high)
        return (phrases.yes if inside else phrases.no).get(lang)

    where = ""
    if bounds:
        words = phrases.target_under if target_low is not None and value < target_low else phrases.target_in
        words = phrases.target_over if target_high is not None and value > target_high else words
        where = say(words, lang, target=target)
    summary = say(
        phrases.cadence_latest,
        lang,
        day=format_date(days[latest], lang),
        cadence=fmt(value, lang, 0),
        target=where,
    )
    direction = trend(values, absolute=2.0)
    if direction:
        summary += " " + sentence([say(phrases.cadence_trend[direction], lang)])
    items = [LegendItem(phrases.cadence_legend.get(lang), "line", BRAND_DARK)]
    if bounds:
        items.append(LegendItem(shown, "band" if len(bounds) == 2 else "dashed", SELF_CARE))
    rows = [(format_date(day, lang), fmt(v, lang, 0), within(v)) for day, v in zip(days, values, strict=True)]
    svg = compose(chart_id, title, summary, body, items, frame.bottom + LEGEND_GAP)
    return Chart(svg=svg, title=title, summary=summary, table=[header, *rows])


# ---- 7. pain and level (recovery programme) ----------------------------------------------------------


def pain_and_level(
    dates: Sequence[date], pain: Values, level: Values, *, chart_id: str, title: str, lang: Language = "nl"
) -> Chart:
    """Pain (0-10, left axis, a line with dots) and the programme level (right axis, a thick stepped line
    that holds until the next change), to see whether pain stays acceptable as the level rises.
    Pain scale: Silbernagel et al. 2007."""
    header = (phrases.date.get(lang), phrases.pain.get(lang), phrases.level.get(lang))
    days, (pains, levels) = sort_by_day(dates, pain, level)
    check_pain(pains)
    if not present(pains) and not present(levels):
        return empty_chart(chart_id, title, lang, header)

    frame = Frame.make(right_axis=True)
    pain_scale = LinearScale(0, 10, frame.bottom, frame.top)
    level_ticks = aligned_ticks(max(present(levels), default=1.0), min_step=1.0)
    level_scale = LinearScale(level_ticks[0], level_ticks[-1], frame.bottom, frame.top)
    x, last_day = time_frame(days, 1, frame)
    body = y_axis(
        nice_ticks(0, 10), pain_scale, frame, lang, colour=EMERGENCY, unit=phrases.pain_unit.get(lang)
    )
    body += y_axis(
        level_ticks,
        level_scale,
        frame,
        lang,
        side="right",
        grid=False,
        colour=BRAND,
        unit=phrases.level_unit.get(lang),
    )
    steps, pen_down = "", False
    for i, (day, value) in enumerate(zip(days, levels, strict=True)):
        if value is None:
            pen_down = False
            continue
        height = num(level_scale(value))
        steps += f"V{height}" if pen_down else f"M{num(x(day, 0.5))} {height}"
        steps += f"H{num(x(days[i + 1], 0.5) if i + 1 < len(days) else frame.right)}"
        pen_down = True
    if steps:
        body += tag(
            "path", {"d": steps, "fill": "none", "stroke": BRAND, "stroke-width": 3.5, "class": "level"}
        )
    points = [None if v is None else (x(day, 0.5), pain_scale(v)) for day, v in zip(days, pains, strict=True)]
    body += series(points, EMERGENCY)
    now = last_index(levels)
    if now is not None and (current := levels[now]) is not None:
        # Name the current level where it began, beside the rise rather than across it.
        began = now
        while began > 0 and levels[began - 1] in (current, None):
            began -= 1
        while levels[began] is None:
            began += 1
        rise, level_y = x(days[began], 0.5), level_scale(current)
        words = f"{phrases.level_unit.get(lang)} {fmt(current, lang, 0)}"
        left_side = rise > (frame.left + frame.right) / 2
        body += label(
            rise - 6 if left_side else rise + 6,
            level_y + 17 if level_y + 17 < frame.bottom - 2 else level_y - 7,
            words,
            anchor="end" if left_side else "start",
            fill=BRAND,
            bold=True,
            halo=True,
        )
    body += time_x_axis(x, last_day, frame, lang)

    scored = last_index(pains)
    if scored is not None and now is not None:
        summary = say(
            phrases.latest_pain_level,
            lang,
            day=format_date(days[scored], lang),
            pain=fmt(pains[scored], lang),
            level=fmt(levels[now], lang, 0),
        )
    elif scored is not None:
        summary = say(
            phrases.latest_pain_only, lang, day=format_date(days[scored], lang), pain=fmt(pains[scored], lang)
        )
    else:
        summary = say(
            phrases.latest_level_only, lang, level=fmt(levels[now] if now is not None else None, lang, 0)
        )
    direction = trend(pains, absolute=1.0)
    clauses = [say(phrases.pain_trend[direction], lang)] if direction else []
    known = present(levels)
    if known and known[0] != known[-1]:
        clauses.append(
            say(phrases.level_change, lang, first=fmt(known[0], lang, 0), last=fmt(known[-1], lang, 0))
        )
    if clauses:
        summary += " " + sentence(clauses)
    items = [
        LegendItem(phrases.pain.get(lang), "circle", EMERGENCY),
        LegendItem(phrases.level.get(lang), "line", BRAND),
    ]
    rows = [
        (format_date(day, lang), fmt(p, lang), fmt(lv, lang, 0))
        for day, p, lv in zip(days, pains, levels, strict=True)
    ]
    svg = compose(chart_id, title, summary, body, items, frame.bottom + LEGEND_GAP)
    return Chart(svg=svg, title=title, summary=summary, table=[header, *rows])
