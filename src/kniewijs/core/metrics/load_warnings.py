"""Warnings about training load: the 10% rule, single-run spikes, the acute:chronic ratio, monotony and
rest days. The rules live in the metric modules; here only when to speak and what to say."""

from __future__ import annotations

from ..load import SpikeBand
from ..text import T, Text
from .load_ratio import DANGER
from .localtime import day_date
from .monotony import MONOTONY_CRITICAL, MonotonyLevel, monotony_level
from .overview import Snapshot, today_value
from .warning import Warning, as_percent, date_text, decimals, km_shown, week_span, week_words
from .weekly import MIN_REST_DAYS_PER_WEEK


def load_unit_text(snap: Snapshot) -> Text:
    """The load unit as the runner reads it."""
    return T("km", "km") if snap.load_unit == "km" else T("belastingspunten", "load points")


_BAND_WORDS: dict[SpikeBand, Text] = {
    SpikeBand.SMALL: T("10 tot 30% langer", "10 to 30% longer"),
    SpikeBand.MODERATE: T("30 tot 100% langer", "30 to 100% longer"),
    SpikeBand.LARGE: T("meer dan twee keer zo lang", "more than twice as long"),
}


def _capital(text: Text) -> Text:
    """A name that opens a sentence: "vorige week (...)" -> "Vorige week (...)"."""
    return T(text.nl[:1].upper() + text.nl[1:], text.en[:1].upper() + text.en[1:])


def ten_percent_rule_warnings(snap: Snapshot) -> list[Warning]:
    """This week so far, or else last week, more than 10% above the week before (seed; Buist 2008)."""
    weeks = snap.weeks
    rows = [len(weeks) - 1, len(weeks) - 2]
    for row, this_week in zip(rows, (True, False), strict=True):
        if row < 1 or not weeks.breaks_ten_percent[row]:
            continue
        km, previous = float(weeks.running_km[row]), float(weeks.running_km[row - 1])
        pct = as_percent(float(weeks.growth[row]))
        today = day_date(snap.today)
        week = week_words(day_date(int(weeks.monday[row])), today)
        before = week_words(day_date(int(weeks.monday[row - 1])), today)
        if not this_week:  # the week before last is named by what it is to last week
            span = week_span(day_date(int(weeks.monday[row - 1])), today)
            before = T("de week daarvoor ({span})", "the week before ({span})").format(span=span)
        if this_week:
            when = T(
                "{week} liep u tot nu toe {km} km, {before} {prev} km.",
                "{week} you have run {km} km so far, against {prev} km {before}.",
            )
        else:
            when = T(
                "{week} liep u {km} km, {before} {prev} km.",
                "{week} you ran {km} km, against {prev} km {before}.",
            )
        when = when.format(week=_capital(week), before=before, km=km_shown(km), prev=km_shown(previous))
        return [
            Warning(
                code="ten_percent_rule",
                severity="warn",
                title=T("Uw weekafstand steeg met {pct}%", "Your weekly distance went up by {pct}%").format(
                    pct=pct
                ),
                explanation=T(
                    "{when} Dat is {pct}% meer. Het advies is uw weekafstand met niet meer dan 10% per "
                    "week op te voeren. In het enige onderzoek dat deze regel toetste, raakten lopers die "
                    "zich eraan hielden overigens niet minder vaak geblesseerd. Rustig opbouwen blijft "
                    "verstandig; let vooral op hoe uw knie reageert.",
                    "{when} That is {pct}% more. The advice is to add no more than 10% a week. In the one "
                    "study that tested this rule, runners who kept to it were not injured less often. "
                    "Building up gradually is still sensible; above all, watch how your knee responds.",
                ).format(when=when, pct=pct),
                source="seed",
                link="oorzaken#overload",
                numbers={
                    "week_km": km_shown(km),
                    "previous_week_km": km_shown(previous),
                    "growth_percent": pct,
                },
            )
        ]
    return []


def single_run_spike_warnings(snap: Snapshot) -> list[Warning]:
    """The largest spike of the last 7 days (Frandsen 2025); more than twice as long is an alert."""
    spike = snap.recent_spike
    if spike is None:
        return []
    pct = as_percent(spike.excess)
    return [
        Warning(
            code="single_run_spike",
            severity="alert" if spike.band is SpikeBand.LARGE else "warn",
            title=T(
                "Een loop van {km} km: {pct}% langer dan uw langste van de maand ervoor",
                "A {km} km run: {pct}% longer than your longest in the month before",
            ).format(km=km_shown(spike.run_km), pct=pct),
            explanation=T(
                "Op {date} liep u {km} km. Uw langste loop in de 30 dagen daarvoor was {longest} km. In "
                "een onderzoek onder ruim 5.000 hardlopers raakten lopers na zo'n uitschieter ({band}) "
                "ongeveer {rr} keer zo vaak geblesseerd als lopers die binnen 10% bleven. Houd een losse "
                "loop voorlopig binnen 10% van uw langste loop van de afgelopen 30 dagen.",
                "On {date} you ran {km} km. Your longest run in the 30 days before was {longest} km. In a "
                "study of more than 5,000 runners, those who made such a jump ({band}) were injured about "
                "{rr} times as often as those who stayed within 10%. For now, keep any single run within "
                "10% of your longest run of the past 30 days.",
            ).format(
                date=date_text(spike.day),
                km=km_shown(spike.run_km),
                longest=km_shown(spike.longest_previous_km),
                band=_BAND_WORDS[spike.band],
                rr=decimals(spike.rate_ratio, 1),
            ),
            source="frandsen_2025",
            link="oorzaken#overload",
            numbers={
                "run_km": km_shown(spike.run_km),
                "longest_previous_30_days_km": km_shown(spike.longest_previous_km),
                "excess_percent": pct,
                "band": spike.band.value,
                "rate_ratio": spike.rate_ratio,
            },
        )
    ]


def acwr_danger_warnings(snap: Snapshot) -> list[Warning]:
    """Uncoupled ratio of 1.5 or more (Gabbett 2016), with the critique in the words (Lolli 2019)."""
    ratio = today_value(snap.ratios.uncoupled)
    if ratio is None or ratio < DANGER:
        return []
    acute = float(snap.ratios.acute[-1])
    chronic = float(snap.ratios.chronic_uncoupled[-1])
    coupled = today_value(snap.ratios.coupled)
    return [
        Warning(
            code="acwr_danger",
            severity="warn",
            title=T(
                "De afgelopen 7 dagen trainde u {ratio} keer zo veel als u gewend bent",
                "In the last 7 days you trained {ratio} times as much as you are used to",
            ).format(ratio=decimals(ratio, 1)),
            explanation=T(
                "De afgelopen 7 dagen kwam u op {acute} {unit}. In de drie weken daarvoor was dat "
                "gemiddeld {chronic} {unit} per week. Onderzoek in teamsporten noemt anderhalf keer zo "
                "veel als gewoonlijk of meer een gevarenzone. Die grens staat ter discussie en voorspelde bij hardlopers "
                "blessures slecht. Zie het daarom als een seintje om de komende dagen wat gas terug te "
                "nemen.",
                "In the last 7 days you reached {acute} {unit}. In the three weeks before, you averaged "
                "{chronic} {unit} a week. Team-sport research calls one and a half times the usual or more a "
                "danger zone. "
                "That limit is disputed and predicted injuries poorly in runners, so take it as a hint "
                "to ease off for the next few days.",
            ).format(acute=km_shown(acute), chronic=km_shown(chronic), unit=load_unit_text(snap)),
            source="gabbett_2016",
            link="oorzaken#overload",
            numbers={
                "acute_7_days": km_shown(acute),
                "chronic_weekly_average": km_shown(chronic),
                "ratio_uncoupled": round(ratio, 2),
                "ratio_coupled": None if coupled is None else round(coupled, 2),
                "load_unit": snap.load_unit,
            },
        )
    ]


def monotony_high_warnings(snap: Snapshot) -> list[Warning]:
    """Foster monotony of the last 7 days from 1.5; from 2.0 an alert (Runalyze's levels)."""
    value = today_value(snap.monotony.monotony)
    level = monotony_level(value)
    if value is None or level not in (MonotonyLevel.HIGH, MonotonyLevel.CRITICAL):
        return []
    mean_load = float(snap.monotony.weekly_load[-1]) / 7
    return [
        Warning(
            code="monotony_high",
            severity="alert" if value >= MONOTONY_CRITICAL else "warn",
            title=T(
                "De afgelopen 7 dagen was elke dag ongeveer even zwaar",
                "In the last 7 days every day was about as hard as the next",
            ),
            explanation=T(
                "De afgelopen 7 dagen was uw belasting gemiddeld {mean} {unit} per dag, met weinig "
                "verschil tussen zware en lichte dagen. Wie elke dag ongeveer hetzelfde doet, herstelt "
                "minder goed; trainingsprogramma's raden dan meer afwisseling aan. Wissel zware en lichte "
                "dagen af en plan een echte rustdag.",
                "Over the last 7 days your load averaged {mean} {unit} a day, with little difference "
                "between hard and easy days. Doing about the same every day leaves less room to recover; "
                "training platforms then advise more variety. Alternate hard and easy days and plan a "
                "real rest day.",
            ).format(mean=km_shown(mean_load), unit=load_unit_text(snap)),
            source="foster_1998",
            link="oorzaken#recovery",
            numbers={
                "monotony": round(value, 2),
                "strain": round(float(snap.monotony.strain[-1]), 1),
                "weekly_load": km_shown(float(snap.monotony.weekly_load[-1])),
                "load_unit": snap.load_unit,
            },
        )
    ]


def few_rest_days_warnings(snap: Snapshot) -> list[Warning]:
    """Fewer than 1 rest day in the last 7 days (seed: 1-2 rest days a week)."""
    rest = snap.rest_days_last_7
    if rest >= MIN_REST_DAYS_PER_WEEK:
        return []
    return [
        Warning(
            code="few_rest_days",
            severity="warn",
            title=T("Geen rustdag in de afgelopen 7 dagen", "No rest day in the last 7 days"),
            explanation=T(
                "U heeft de afgelopen 7 dagen elke dag hardgelopen of zwaar getraind. Neem elke week "
                "minstens 1 tot 2 dagen helemaal rust. Juist in die rust herstelt uw lichaam en wordt "
                "het sterker.",
                "In the last 7 days you ran or trained hard every day. Take at least 1 to 2 full rest "
                "days every week. It is during that rest that your body recovers and gets stronger.",
            ),
            source="seed",
            link="oorzaken#recovery",
            numbers={"rest_days_last_7": rest},
        )
    ]
