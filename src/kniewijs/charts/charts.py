"""The training-log charts: server-rendered SVG with a text summary and a data table for each.

Every function takes plain data (dates, numbers, labels the caller already translated), a `chart_id`
unique on the page, the `title` and `lang` for numbers, dates and the words the chart writes itself.
Gaps (None, NaN) stay gaps; no data gives a small chart saying so. Meaning never rests on colour alone:
a week above the limit also gets a triangle, a spike its own shape, a shoe a status word.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from kniewijs.charts import phrases
from kniewijs.charts.plot import (
    LEGEND_GAP,
    BarGroups,
    Values,
    bar,
    bar_width,
    callout,
    day_order,
    fmt,
    last_index,
    numbers,
    percent,
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
    AMBER,
    BRAND,
    BRAND_DARK,
    EMERGENCY,
    INK,
    MUTED,
    SELF_CARE,
    URGENT,
    WASH,
    Chart,
    Frame,
    LegendItem,
    LinearScale,
    Shape,
    compose,
    empty_chart,
    format_date,
    format_number,
    label,
    marker,
    nice_ticks,
    num,
    tag,
    text_width,
    time_x_axis,
    x_axis,
    y_axis,
)
from kniewijs.core.metrics.warning import week_words
from kniewijs.core.text import Language

SPIKE_STYLE: dict[str, tuple[str, Shape | None]] = {
    "none": (BRAND, None),
    "small": (AMBER, "triangle"),
    "moderate": (URGENT, "diamond"),
    "large": (EMERGENCY, "square"),
}
# A shoe at 90% of its limit is worth replacing soon; our own threshold, a warning ahead of the limit.
SHOE_NEAR = 0.9


# ---- 1. weekly distance ------------------------------------------------------------------------------


def weekly_distance(
    weeks: Sequence[date],
    km: Values,
    band_upper: Values,
    *,
    chart_id: str,
    title: str,
    lang: Language = "nl",
    today: date | None = None,
) -> Chart:
    """Bars of weekly running distance under the '+10%' limit (the week before times 1.1); a week above
    it is drawn in the urgent colour with a triangle. Source of the limit: the seed's 10% rule, see
    kniewijs.core.load.breaks_ten_percent_rule. A week without a limit (nothing run the week before) is
    not counted as kept to the rule: the summary says there was nothing to compare it with.

    With `today`, the summary names the latest week as the rest of the page does ("deze week (ma 30 nov
    t/m vandaag)", core.metrics.warning.week_words)."""
    header = (phrases.week.get(lang), "km", phrases.limit_10.get(lang), phrases.above_limit.get(lang))
    days, (distances, limits) = sort_by_day(weeks, km, band_upper)
    if not present(distances):
        return empty_chart(chart_id, title, lang, header)
    over = [d is not None and b is not None and d > b + 1e-9 for d, b in zip(distances, limits, strict=True)]

    frame = Frame.make()
    ticks = nice_ticks(0, max(present(distances) + present(limits)))
    y = LinearScale(ticks[0], ticks[-1], frame.bottom, frame.top)
    x, last_day = time_frame(days, 7, frame)
    width = bar_width(x.day_width * 7, 28.0)
    bars, flags = BarGroups(), []
    for day, distance, is_over in zip(days, distances, over, strict=True):
        if distance is None or distance <= 0:
            continue
        left = x(day, 3.5) - width / 2
        colour, css = (URGENT, "bar over") if is_over else (BRAND, "bar")
        bars.add(left, width, y(distance), frame.bottom, colour, css)
        if is_over:
            flags.append(
                marker("triangle", left + width / 2, y(distance) - 7, URGENT, min(5.0, max(3.0, width)))
            )
    step, previous = "", None
    for day, limit in zip(days, limits, strict=True):
        if limit is None:
            previous = None
            continue
        joined = previous is not None and (day - previous).days == 7
        step += f"{'V' if joined else f'M{num(x(day))} '}{num(y(limit))}H{num(x(day, 7))}"
        previous = day
    band = ""
    if step:
        band = tag(
            "path",
            {
                "d": step,
                "fill": "none",
                "stroke": INK,
                "stroke-width": 2 if width >= 3 else 1.5,
                "stroke-dasharray": "5 4",
                "class": "band",
            },
        )
    body = y_axis(ticks, y, frame, lang, unit="km") + bars.svg() + band + "".join(flags)
    body += time_x_axis(x, last_day, frame, lang, slot_days=7)

    latest = last_index(distances)
    assert latest is not None  # there is data, checked above
    amount, limit = fmt(distances[latest], lang), limits[latest]
    if today is not None:
        named = week_words(days[latest], today).get(lang)
        so_far = days[latest] <= today < days[latest] + timedelta(days=7)
        words = phrases.named_week_so_far if so_far else phrases.named_week_latest
        summary = say(words, lang, week=named[:1].upper() + named[1:], km=amount)
        if limit is not None:
            summary = summary[:-1] + ";" + say(phrases.named_limit, lang, limit=fmt(limit, lang))
    elif limit is not None:
        week = format_date(days[latest], lang)
        summary = say(phrases.week_latest_limit, lang, week=week, km=amount, limit=fmt(limit, lang))
    else:
        summary = say(phrases.week_latest, lang, week=format_date(days[latest], lang), km=amount)
    # Only weeks with a week before to compare with count for the 10% rule.
    compared = [d is not None and b is not None for d, b in zip(distances, limits, strict=True)]
    counted = sum(compared)
    if limit is None and (distances[latest] or 0) > 0:
        summary += " " + say(phrases.no_week_before if latest > 0 else phrases.first_week, lang)
    if counted >= 2:
        count = phrases.weeks_over if any(over) else phrases.weeks_none_over
        direction = trend(distances, relative=0.1)
        clauses = [say(count, lang, over=str(sum(over)), weeks=str(counted))]
        clauses += [say(phrases.weeks_trend[direction], lang)] if direction else []
        summary += " " + sentence(clauses)
    elif len(present(distances)) >= 2 and counted == 0:
        summary += " " + say(phrases.no_comparison_yet, lang)
    items = [LegendItem(phrases.km_per_week.get(lang), "bar", BRAND)]
    items += [LegendItem(phrases.more_than_10.get(lang), "triangle", URGENT)] if any(over) else []
    items += [LegendItem(phrases.limit_legend.get(lang), "dashed", INK)] if step else []
    rows = [
        (format_date(day, lang), fmt(d, lang), fmt(b, lang), (phrases.yes if o else phrases.no).get(lang))
        for day, d, b, o in zip(days, distances, limits, over, strict=True)
    ]
    svg = compose(chart_id, title, summary, body, items, frame.bottom + LEGEND_GAP)
    return Chart(svg=svg, title=title, summary=summary, table=[header, *rows])


# ---- 2. runs with spikes -----------------------------------------------------------------------------


def runs_with_spikes(
    dates: Sequence[date],
    km: Values,
    spike_band: Sequence[str],
    *,
    chart_id: str,
    title: str,
    lang: Language = "nl",
) -> Chart:
    """A bar per run; a spike (a run more than 10% longer than the longest of the previous 30 days) gets
    its band's colour and a marker shape above it. Source of the bands: Frandsen et al. 2025, see
    kniewijs.core.load.SpikeBand (pass `band.value`)."""
    header = (phrases.date.get(lang), "km", phrases.spike.get(lang))
    unknown = sorted(set(spike_band) - set(SPIKE_STYLE))
    if unknown:
        raise ValueError(f"unknown spike band(s) {unknown}; expected none, small, moderate or large")
    days, (distances,) = sort_by_day(dates, km)
    bands = [spike_band[i] for i in day_order(dates, len(distances), len(spike_band))[1]]
    if not present(distances):
        return empty_chart(chart_id, title, lang, header)

    frame = Frame.make()
    ticks = nice_ticks(0, max(present(distances)))
    y = LinearScale(ticks[0], ticks[-1], frame.bottom, frame.top)
    x, last_day = time_frame(days, 1, frame)
    width = bar_width(x.day_width, 12.0)
    bars, flags = BarGroups(), []
    for day, distance, band in zip(days, distances, bands, strict=True):
        if distance is None or distance <= 0:
            continue
        colour, shape = SPIKE_STYLE[band]
        bars.add(x(day, 0.5) - width / 2, width, y(distance), frame.bottom, colour, f"bar spike-{band}")
        if shape is not None:
            flags.append(marker(shape, x(day, 0.5), y(distance) - 8, colour, 5.0))
    body = y_axis(ticks, y, frame, lang, unit="km") + bars.svg() + "".join(flags)
    body += time_x_axis(x, last_day, frame, lang)

    latest = last_index(distances)
    assert latest is not None
    summary = say(
        phrases.run_latest,
        lang,
        day=format_date(days[latest], lang),
        km=fmt(distances[latest], lang),
        band=phrases.band_in_sentence[bands[latest]].get(lang),
    )
    runs = [band for band, distance in zip(bands, distances, strict=True) if distance is not None]
    spikes = [band for band in runs if band != "none"]
    if len(runs) >= 2 and spikes:
        counts = ", ".join(
            (phrases.band_count_one if spikes.count(b) == 1 else phrases.band_count)[b]
            .get(lang)
            .format(n=spikes.count(b))
            for b in ("small", "moderate", "large")
            if b in spikes
        )
        words = phrases.runs_spike_one if len(spikes) == 1 else phrases.runs_spikes
        summary += " " + say(words, lang, spikes=str(len(spikes)), runs=str(len(runs)), counts=counts)
    elif len(runs) >= 2:
        summary += " " + say(phrases.runs_no_spike, lang, runs=str(len(runs)))
    items = [LegendItem(phrases.band_legend["none"].get(lang), "bar", BRAND)] + [
        LegendItem(phrases.band_legend[band].get(lang), shape, colour)
        for band, (colour, shape) in SPIKE_STYLE.items()
        if shape is not None
    ]
    rows = [
        (format_date(day, lang), fmt(d, lang), phrases.band_table[b].get(lang))
        for day, d, b in zip(days, distances, bands, strict=True)
    ]
    svg = compose(chart_id, title, summary, body, items, frame.bottom + LEGEND_GAP)
    return Chart(svg=svg, title=title, summary=summary, table=[header, *rows])


# ---- 3. load ratio -----------------------------------------------------------------------------------


def load_ratio(
    dates: Sequence[date],
    ratio: Values,
    *,
    chart_id: str,
    title: str,
    lang: Language = "nl",
    sweet: tuple[float, float] = (0.8, 1.3),
    danger: float = 1.5,
) -> Chart:
    """The acute:chronic load ratio as a line over a shaded favourable zone and under a danger line.

    Source of 0.8-1.3 and 1.5: Gabbett 2016 (BJSM 50:273); the ratio itself is disputed (Impellizzeri et
    al. 2020), so the words around the chart should not overstate it."""
    header = (phrases.date.get(lang), phrases.ratio.get(lang))
    days, (ratios,) = sort_by_day(dates, ratio)
    if not present(ratios):
        return empty_chart(chart_id, title, lang, header)

    frame = Frame.make()
    ticks = nice_ticks(0, max(present(ratios) + [danger, sweet[1]]) * 1.1)
    y = LinearScale(ticks[0], ticks[-1], frame.bottom, frame.top)
    x, last_day = time_frame(days, 1, frame)
    low, high, limit = (format_number(v, lang, 2) for v in (*sweet, danger))
    body = y_axis(ticks, y, frame, lang)
    body += zone(frame, y(sweet[1]), y(sweet[0]), SELF_CARE) + rule(frame, y(danger), EMERGENCY)
    points = [None if r is None else (x(day, 0.5), y(r)) for day, r in zip(days, ratios, strict=True)]
    body += series(points, BRAND_DARK)
    body += "".join(
        marker("square", p[0], p[1], EMERGENCY, 4.5)
        for p, r in zip(points, ratios, strict=True)
        if p is not None and r is not None and r >= danger
    )
    latest = last_index(ratios)
    assert latest is not None
    value, spot = ratios[latest], points[latest]
    assert value is not None and spot is not None
    body += callout(spot, format_number(value, lang, 1), BRAND_DARK, frame)
    body += time_x_axis(x, last_day, frame, lang)

    if sweet[0] <= value <= sweet[1]:
        where = phrases.zone_in
    else:
        where = (
            phrases.zone_below
            if value < sweet[0]
            else phrases.zone_above
            if value < danger
            else phrases.zone_danger
        )
    summary = say(
        phrases.ratio_latest,
        lang,
        day=format_date(days[latest], lang),
        ratio=format_number(value, lang, 1),  # "1,6 keer zo veel": a tenth is as fine as a runner reads it
        zone=say(where, lang, low=low, high=high, danger=limit),
    )
    counted = present(ratios)
    above = sum(r >= danger for r in counted)
    direction = trend(ratios, absolute=0.1)
    clauses = []
    if above and len(counted) >= 2:
        clauses.append(
            say(phrases.ratio_danger_count, lang, above=str(above), days=str(len(counted)), danger=limit)
        )
    if direction:
        clauses.append(say(phrases.ratio_trend[direction], lang))
    if clauses:
        summary += " " + sentence(clauses)
    items = [
        LegendItem(phrases.ratio.get(lang), "line", BRAND_DARK),
        LegendItem(say(phrases.sweet_zone, lang, low=low, high=high), "band", SELF_CARE),
        LegendItem(say(phrases.danger_line, lang, danger=limit), "dashed", EMERGENCY),
    ]
    rows = [(format_date(d, lang), fmt(r, lang, 2)) for d, r in zip(days, ratios, strict=True)]
    svg = compose(chart_id, title, summary, body, items, frame.bottom + LEGEND_GAP)
    return Chart(svg=svg, title=title, summary=summary, table=[header, *rows])


# ---- 5. shoe distance --------------------------------------------------------------------------------


def _shoe_status(distance: float | None, limit: float | None) -> str:
    if limit is None or limit <= 0:
        return "none"
    share = (distance or 0.0) / limit
    if share > 1 + 1e-9:
        return "over"
    return "near" if share >= SHOE_NEAR - 1e-9 else "ok"


def shoe_distance(
    names: Sequence[str], km: Values, limits: Values, *, chart_id: str, title: str, lang: Language = "nl"
) -> Chart:
    """A horizontal bar per shoe with its limit marked; at 90% of the limit the bar turns the urgent
    colour and the row says 'nearly worn', past the limit the emergency colour and 'past the limit'.
    The limit is the runner's own (often 500-800 km); the 90% warning is our own threshold."""
    header = (
        phrases.shoe.get(lang),
        "km",
        phrases.limit_km.get(lang),
        phrases.share.get(lang),
        phrases.status.get(lang),
    )
    distances, caps = numbers(km), numbers(limits)
    if not len(names) == len(distances) == len(caps):
        raise ValueError(
            f"names, km and limits differ in length ({len(names)}, {len(distances)}, {len(caps)})"
        )
    if not names:
        return empty_chart(chart_id, title, lang, header)
    statuses = [_shoe_status(d, c) for d, c in zip(distances, caps, strict=True)]
    colours = {"ok": BRAND, "none": BRAND, "near": URGENT, "over": EMERGENCY}

    row_height = 46.0
    frame = Frame(left=8.0, right=Frame.make().right, top=6.0, bottom=6.0 + row_height * len(names))
    ticks = nice_ticks(0, max(present(distances) + [c for c in present(caps) if c > 0], default=0.0))
    xs = LinearScale(ticks[0], ticks[-1], frame.left, frame.right)
    body = "".join(
        tag(
            "line",
            {
                "x1": xs(t),
                "x2": xs(t),
                "y1": frame.top,
                "y2": frame.bottom,
                "stroke": WASH if t == 0 else "#c9d1d8",
            },
        )
        for t in ticks
    )
    for i, (name, distance, cap, status) in enumerate(zip(names, distances, caps, statuses, strict=True)):
        top = frame.top + i * row_height
        amount = fmt(distance or 0.0, lang, 0)
        words = f"{amount} / {fmt(cap, lang, 0)} km" if status != "none" else f"{amount} km"
        if status in ("near", "over"):
            words += f" · {phrases.status_words[status].get(lang)}"
        room = frame.right - frame.left - text_width(words) - 12
        most = max(int(room / text_width("m")), 2)
        shown = name if len(name) <= most else name[: most - 1] + "…"
        body += label(frame.left, top + 14, shown)
        warn = status in ("near", "over")
        body += label(
            frame.right, top + 14, words, anchor="end", fill=colours[status] if warn else MUTED, bold=warn
        )
        body += tag(
            "rect",
            {"x": frame.left, "y": top + 21, "width": frame.right - frame.left, "height": 16, "fill": WASH},
        )
        body += bar(
            frame.left,
            xs(distance or 0.0) - frame.left,
            top + 21,
            top + 37,
            colours[status],
            f"shoe {status}",
        )
        if status != "none" and cap is not None:
            body += tag(
                "line",
                {
                    "x1": xs(cap),
                    "x2": xs(cap),
                    "y1": top + 17,
                    "y2": top + 41,
                    "stroke": INK,
                    "stroke-width": 2.5,
                    "class": "limit",
                },
            )
    decimals = 0 if ticks[-1] >= 5 else 1
    tick_words = [format_number(t, lang, decimals) for t in ticks]
    tick_words[-1] += " km"
    body += x_axis(list(zip((xs(t) for t in ticks), tick_words, strict=True)), frame)

    most_km = max(range(len(names)), key=lambda i: distances[i] or 0.0)
    cap = caps[most_km]
    share = (
        ""
        if statuses[most_km] == "none" or cap is None
        else say(
            phrases.of_limit,
            lang,
            limit=fmt(cap, lang, 0),
            share=str(percent(distances[most_km] or 0.0, cap)),
        )
    )
    top_words = phrases.shoe_one if len(names) == 1 else phrases.shoes_top
    summary = say(
        top_words,
        lang,
        n=str(len(names)),
        name=names[most_km],
        km=fmt(distances[most_km] or 0.0, lang, 0),
        limit=share,
    )
    near = [n for n, s in zip(names, statuses, strict=True) if s == "near"]
    over = [n for n, s in zip(names, statuses, strict=True) if s == "over"]
    clauses = [say(phrases.shoes_near, lang, names=", ".join(near))] if near else []
    clauses += [say(phrases.shoes_over, lang, names=", ".join(over))] if over else []
    summary += " " + sentence(clauses or [phrases.shoes_fine.get(lang)])
    items = [
        LegendItem(phrases.below_90.get(lang), "bar", BRAND),
        LegendItem(phrases.from_90.get(lang), "bar", URGENT),
        LegendItem(phrases.past_limit.get(lang), "bar", EMERGENCY),
        LegendItem(phrases.limit_mark.get(lang), "tick", INK),
    ]
    rows = [
        (
            name,
            fmt(d, lang, 0),
            fmt(c, lang, 0) if s != "none" else "–",
            f"{percent(d or 0.0, c)}%" if s != "none" and c else "–",
            phrases.status_words[s].get(lang),
        )
        for name, d, c, s in zip(names, distances, caps, statuses, strict=True)
    ]
    svg = compose(chart_id, title, summary, body, items, frame.bottom + LEGEND_GAP)
    return Chart(svg=svg, title=title, summary=summary, table=[header, *rows])
