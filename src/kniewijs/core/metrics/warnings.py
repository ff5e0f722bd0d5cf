"""Warnings for the runner, made from a Snapshot: what the numbers say, in plain words, with a source.

Each warning carries a code, a severity (info, warn, alert), a title and explanation in Dutch and
English with the runner's own numbers in them, the key of its source (core.sources, or the metric
sources waiting to move there), a link into the knowledge pages, and the numbers as data. The rules
behind them live in the metric modules; this module only decides when to speak and what to say.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from ..load import SpikeBand
from ..text import T, Text
from .load_ratio import DANGER
from .localtime import day_date
from .monotony import MONOTONY_CRITICAL, MonotonyLevel, monotony_level
from .overview import Snapshot, today_value
from .shoes import ShoeState
from .sources import source
from .weekly import MIN_REST_DAYS_PER_WEEK

Severity = Literal["info", "warn", "alert"]
SEVERITY_ORDER: tuple[Severity, ...] = ("alert", "warn", "info")
Link = Literal[
    "oorzaken#overload",
    "oorzaken#recovery",
    "oorzaken#worn_shoes",
    "oorzaken#technique",
    "bewijs",
    "waarschuwingssignalen",
    "voorkomen",
]
LINKS: tuple[str, ...] = get_args(Link)


@dataclass(frozen=True, slots=True)
class Warning:  # noqa: A001 - the brief's name; it lives in its own module, away from the builtin
    code: str
    severity: Severity
    title: Text
    explanation: Text
    source: str  # a key of core.sources.SOURCES (or metrics.sources.METRIC_SOURCES)
    link: Link
    numbers: Mapping[str, float | str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        source(self.source)  # raises KeyError for an unknown key
        if self.link not in LINKS:
            raise ValueError(f"unknown knowledge link {self.link!r}")
        if self.severity not in SEVERITY_ORDER:
            raise ValueError(f"unknown severity {self.severity!r}")


_MONTHS = (
    ("januari", "January"),
    ("februari", "February"),
    ("maart", "March"),
    ("april", "April"),
    ("mei", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("augustus", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
)


def _date(day: int) -> Text:
    when = day_date(day)
    nl, en = _MONTHS[when.month - 1]
    return T(f"{when.day} {nl}", f"{when.day} {en}")


def _decimals(value: float, places: int) -> Text:
    text = f"{value:.{places}f}"
    return T(text.replace(".", ","), text)


def _km(value: float) -> float:
    return round(value, 1)


def _percent(fraction: float) -> int:
    return int(round(100 * fraction))


def _unit(snap: Snapshot) -> Text:
    return T("km", "km") if snap.load_unit == "km" else T("belastingspunten", "load points")


_BAND_WORDS: dict[SpikeBand, Text] = {
    SpikeBand.SMALL: T("10 tot 30% langer", "10 to 30% longer"),
    SpikeBand.MODERATE: T("30 tot 100% langer", "30 to 100% longer"),
    SpikeBand.LARGE: T("meer dan twee keer zo lang", "more than twice as long"),
}


def _ten_percent_rule(snap: Snapshot) -> list[Warning]:
    weeks = snap.weeks
    rows = [len(weeks) - 1, len(weeks) - 2]
    for row, this_week in zip(rows, (True, False), strict=True):
        if row < 1 or not weeks.breaks_ten_percent[row]:
            continue
        km, previous = float(weeks.running_km[row]), float(weeks.running_km[row - 1])
        pct = _percent(float(weeks.growth[row]))
        when = (
            T(
                "Deze week liep u tot nu toe {km} km, vorige week {prev} km.",
                "So far this week you have run {km} km, against {prev} km last week.",
            )
            if this_week
            else T(
                "Vorige week liep u {km} km, de week daarvoor {prev} km.",
                "Last week you ran {km} km, against {prev} km the week before.",
            )
        )
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
                ).format(when=when.format(km=_km(km), prev=_km(previous)), pct=pct),
                source="seed",
                link="oorzaken#overload",
                numbers={"week_km": _km(km), "previous_week_km": _km(previous), "growth_percent": pct},
            )
        ]
    return []


def _single_run_spike(snap: Snapshot) -> list[Warning]:
    spike = snap.recent_spike
    if spike is None:
        return []
    pct = _percent(spike.excess)
    return [
        Warning(
            code="single_run_spike",
            severity="alert" if spike.band is SpikeBand.LARGE else "warn",
            title=T(
                "Een loop van {km} km: {pct}% langer dan uw langste van de maand ervoor",
                "A {km} km run: {pct}% longer than your longest in the month before",
            ).format(km=_km(spike.run_km), pct=pct),
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
                date=_date(spike.day),
                km=_km(spike.run_km),
                longest=_km(spike.longest_previous_km),
                band=_BAND_WORDS[spike.band],
                rr=_decimals(spike.rate_ratio, 2),
            ),
            source="frandsen_2025",
            link="oorzaken#overload",
            numbers={
                "run_km": _km(spike.run_km),
                "longest_previous_30_days_km": _km(spike.longest_previous_km),
                "excess_percent": pct,
                "band": spike.band.value,
                "rate_ratio": spike.rate_ratio,
            },
        )
    ]


def _acwr_danger(snap: Snapshot) -> list[Warning]:
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
                "De afgelopen week trainde u {ratio} keer zoveel als gewoonlijk",
                "Over the past week you trained {ratio} times your usual amount",
            ).format(ratio=_decimals(ratio, 2)),
            explanation=T(
                "De afgelopen 7 dagen kwam u op {acute} {unit}. In de drie weken daarvoor was dat "
                "gemiddeld {chronic} {unit} per week. Onderzoek in teamsporten noemt een verhouding van "
                "1,5 of meer een gevarenzone. Die grens staat ter discussie en voorspelde bij hardlopers "
                "blessures slecht. Zie het daarom als een seintje om de komende dagen wat gas terug te "
                "nemen.",
                "In the last 7 days you reached {acute} {unit}. In the three weeks before, you averaged "
                "{chronic} {unit} a week. Team-sport research calls a ratio of 1.5 or more a danger zone. "
                "That limit is disputed and predicted injuries poorly in runners, so take it as a hint "
                "to ease off for the next few days.",
            ).format(acute=_km(acute), chronic=_km(chronic), unit=_unit(snap)),
            source="gabbett_2016",
            link="oorzaken#overload",
            numbers={
                "acute_7_days": _km(acute),
                "chronic_weekly_average": _km(chronic),
                "ratio_uncoupled": round(ratio, 2),
                "ratio_coupled": None if coupled is None else round(coupled, 2),
                "load_unit": snap.load_unit,
            },
        )
    ]


def _monotony_high(snap: Snapshot) -> list[Warning]:
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
                "Uw trainingsweek was eentonig (monotonie {m})",
                "Your training week was monotonous (monotony {m})",
            ).format(m=_decimals(value, 2)),
            explanation=T(
                "De afgelopen 7 dagen was uw gemiddelde belasting {mean} {unit} per dag, met weinig "
                "verschil tussen de dagen: een monotonie van {m}. Vanaf 1,5 raden trainingsprogramma's "
                "meer afwisseling aan, en 2,0 noemen ze kritiek. Wissel zware en lichte dagen af en plan "
                "een echte rustdag.",
                "Over the last 7 days your load averaged {mean} {unit} a day, with little difference "
                "between days: a monotony of {m}. Training platforms advise more variety from 1.5 and "
                "call 2.0 critical. Alternate hard and easy days and plan a real rest day.",
            ).format(mean=_km(mean_load), m=_decimals(value, 2), unit=_unit(snap)),
            source="foster_1998",
            link="oorzaken#recovery",
            numbers={
                "monotony": round(value, 2),
                "strain": round(float(snap.monotony.strain[-1]), 1),
                "weekly_load": _km(float(snap.monotony.weekly_load[-1])),
                "load_unit": snap.load_unit,
            },
        )
    ]


def _few_rest_days(snap: Snapshot) -> list[Warning]:
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


def _resting_hr(snap: Snapshot) -> list[Warning]:
    reading = snap.resting_hr
    if reading is None or not reading.raised or reading.baseline_mean is None:
        return []
    above = reading.value - reading.baseline_mean
    return [
        Warning(
            code="resting_hr_raised",
            severity="warn",
            title=T(
                "Uw rusthartslag is {delta} slagen hoger dan normaal",
                "Your resting heart rate is {delta} beats above normal",
            ).format(delta=round(above)),
            explanation=T(
                "Op {date} was uw rusthartslag {value} slagen per minuut, terwijl uw gemiddelde over de "
                "28 dagen daarvoor {mean} was. Een hogere rusthartslag dan normaal kan betekenen dat u "
                "te weinig herstelt. Ook ziekte, stress of een slechte nacht kunnen hem verhogen. Doe "
                "het rustig aan en kijk of hij de komende dagen weer zakt.",
                "On {date} your resting heart rate was {value} beats per minute, while your average over "
                "the 28 days before was {mean}. A resting heart rate above normal can mean you are not "
                "recovering enough. Illness, stress or a bad night can raise it too. Take it easy and "
                "see whether it comes down over the next few days.",
            ).format(
                date=_date(reading.day), value=round(reading.value), mean=round(reading.baseline_mean, 1)
            ),
            source="seed",
            link="oorzaken#recovery",
            numbers={
                "resting_hr": reading.value,
                "baseline_mean": round(reading.baseline_mean, 1),
                "baseline_sd": round(reading.baseline_sd or 0.0, 1),
                "above_baseline": round(above, 1),
            },
        )
    ]


def _short_sleep(snap: Snapshot) -> list[Warning]:
    sleep = snap.sleep
    if not sleep.too_short or sleep.mean_hours is None:
        return []
    return [
        Warning(
            code="short_sleep",
            severity="warn",
            title=T(
                "{n} van de laatste 7 nachten korter dan 7 uur geslapen",
                "{n} of the last 7 nights under 7 hours of sleep",
            ).format(n=sleep.short_nights),
            explanation=T(
                "U sliep gemiddeld {mean} uur in de {noted} nachten die u invulde. Het advies is 7 tot 9 "
                "uur per nacht: tijdens uw slaap herstelt uw lichaam van het trainen.",
                "You slept {mean} hours on average over the {noted} nights you noted. The advice is 7 to "
                "9 hours a night: your body recovers from training while you sleep.",
            ).format(mean=round(sleep.mean_hours, 1), noted=sleep.nights_noted),
            source="seed",
            link="oorzaken#recovery",
            numbers={
                "short_nights": sleep.short_nights,
                "nights_noted": sleep.nights_noted,
                "mean_hours": round(sleep.mean_hours, 1),
            },
        )
    ]


def _pain(snap: Snapshot) -> list[Warning]:
    pain = snap.pain
    found: list[Warning] = []
    if pain.too_much and pain.worst_day is not None and pain.worst_pain is not None:
        found.append(
            Warning(
                code="pain_too_much",
                severity="alert",
                title=T("Te veel kniepijn: {pain} op 10", "Too much knee pain: {pain} out of 10").format(
                    pain=pain.worst_pain
                ),
                explanation=T(
                    "Op {date} had u tijdens of na het lopen {pain} op 10 pijn. Tot en met 3 is veilig, "
                    "4 en 5 is nog aanvaardbaar, boven de 5 is te veel. Loop korter of rustiger, of neem "
                    "een paar dagen rust. Blijft de pijn, of wordt hij erger, laat uw knie dan nakijken "
                    "door een fysiotherapeut of huisarts.",
                    "On {date} you had {pain} out of 10 pain during or after running. Up to 3 is safe, 4 "
                    "and 5 are still acceptable, above 5 is too much. Run shorter or easier, or rest for "
                    "a few days. If the pain stays or gets worse, have your knee checked by a "
                    "physiotherapist or GP.",
                ).format(date=_date(pain.worst_day), pain=pain.worst_pain),
                source="silbernagel_2007",
                link="waarschuwingssignalen",
                numbers={"pain": pain.worst_pain},
            )
        )
    if pain.not_settled and pain.unsettled_day is not None and pain.unsettled_pain is not None:
        found.append(
            Warning(
                code="pain_not_settled",
                severity="warn",
                title=T(
                    "Uw knie deed de ochtend na het lopen nog pijn ({pain} op 10)",
                    "Your knee still hurt the morning after running ({pain} out of 10)",
                ).format(pain=pain.unsettled_pain),
                explanation=T(
                    "De ochtend na {date} had u nog {pain} op 10 pijn. Pijn die door het lopen opkomt, "
                    "hoort de volgende ochtend weer gezakt te zijn. Is dat niet zo, dan was de training "
                    "te zwaar. Maak uw volgende loop korter of rustiger.",
                    "The morning after {date} you still had {pain} out of 10 pain. Pain brought on by "
                    "running should have settled by the next morning. If it has not, the session was "
                    "too much. Make your next run shorter or easier.",
                ).format(date=_date(pain.unsettled_day), pain=pain.unsettled_pain),
                source="silbernagel_2007",
                link="waarschuwingssignalen",
                numbers={"next_morning_pain": pain.unsettled_pain},
            )
        )
    if pain.rising:
        a, b, c = (float(v or 0.0) for v in pain.weekly_highest)
        found.append(
            Warning(
                code="pain_rising",
                severity="warn",
                title=T("Uw kniepijn neemt week na week toe", "Your knee pain is rising week after week"),
                explanation=T(
                    "De hoogste pijn die u noteerde was {a} op 10 twee weken geleden, {b} vorige week en "
                    "{c} deze week. Pijn mag bij het trainen even opspelen, maar hoort niet van week tot "
                    "week toe te nemen. Ga terug naar een belasting die goed voelde. Blijft de pijn "
                    "stijgen, laat uw knie dan nakijken.",
                    "The highest pain you noted was {a} out of 10 two weeks ago, {b} last week and {c} "
                    "this week. Pain may flare up a little with training, but it should not rise from "
                    "week to week. Go back to a load that felt fine. If the pain keeps rising, have your "
                    "knee checked.",
                ).format(a=a, b=b, c=c),
                source="silbernagel_2007",
                link="waarschuwingssignalen",
                numbers={"two_weeks_ago": a, "last_week": b, "this_week": c},
            )
        )
    if pain.swelling_day is not None:
        found.append(
            Warning(
                code="knee_swelling",
                severity="alert",
                title=T("U noteerde een gezwollen knie", "You noted a swollen knee"),
                explanation=T(
                    "Op {date} was uw knie gezwollen. Zichtbare zwelling is een teken om een tijdje niet "
                    "hard te lopen. Is de zwelling na een paar dagen niet gezakt, neem dan contact op met "
                    "uw huisarts. Is de knie ook warm en rood, of heeft u koorts, bel dan dezelfde dag.",
                    "On {date} your knee was swollen. Visible swelling is a sign to stop running for a "
                    "while. If the swelling has not gone down after a few days, contact your GP. If the "
                    "knee is also hot and red, or you have a fever, call the same day.",
                ).format(date=_date(pain.swelling_day)),
                source="seed",
                link="waarschuwingssignalen",
                numbers={"days_ago": snap.today - pain.swelling_day},
            )
        )
    return found


def _shoes(snap: Snapshot) -> list[Warning]:
    found: list[Warning] = []
    for status in snap.shoes:
        shoe = status.shoe
        values = {
            "km": _km(status.km),
            "limit_km": shoe.limit_km,
            "share_percent": _percent(status.share_of_limit),
        }
        if status.state is ShoeState.AT_LIMIT:
            found.append(
                Warning(
                    code="shoe_at_limit",
                    severity="warn",
                    title=T(
                        "Uw schoenen '{name}' hebben {km} km gelopen", "Your shoes '{name}' have done {km} km"
                    ).format(name=shoe.name, km=_km(status.km)),
                    explanation=T(
                        "U heeft voor dit paar een grens van {limit} km ingesteld. Hardloopschoenen gaan "
                        "meestal 600 tot 800 km mee; daarna dempt het schuim minder, ook als de schoen er "
                        "nog goed uitziet. Dat een vaste grens blessures voorkomt, is niet bewezen. Kijk ze "
                        "dus goed na en vervang ze als ze plat aanvoelen of scheef zijn afgesleten.",
                        "You set a limit of {limit} km for this pair. Running shoes usually last 600 to "
                        "800 km; after that the foam cushions less, even if the shoe still looks fine. "
                        "That a fixed limit prevents injuries is not proven, so check them carefully and "
                        "replace them if they feel flat or have worn unevenly.",
                    ).format(limit=shoe.limit_km),
                    source="seed",
                    link="oorzaken#worn_shoes",
                    numbers={"shoe": shoe.id, **values},
                )
            )
        elif status.state is ShoeState.APPROACHING:
            found.append(
                Warning(
                    code="shoe_near_limit",
                    severity="info",
                    title=T(
                        "Uw schoenen '{name}' naderen hun grens: {km} van {limit} km",
                        "Your shoes '{name}' are nearing their limit: {km} of {limit} km",
                    ).format(name=shoe.name, km=_km(status.km), limit=shoe.limit_km),
                    explanation=T(
                        "Dat is {pct}% van de grens die u voor dit paar instelde. Denk alvast aan een "
                        "nieuw paar, en loop dat in terwijl u het oude nog gebruikt.",
                        "That is {pct}% of the limit you set for this pair. Start thinking about a new "
                        "pair, and break it in while you still use the old one.",
                    ).format(pct=_percent(status.share_of_limit)),
                    source="seed",
                    link="oorzaken#worn_shoes",
                    numbers={"shoe": shoe.id, **values},
                )
            )
    if snap.rotation:
        per_week = round(snap.runs_per_week, 1)
        found.append(
            Warning(
                code="shoe_rotation",
                severity="info",
                title=T(
                    "Overweeg een tweede paar hardloopschoenen", "Consider a second pair of running shoes"
                ),
                explanation=T(
                    "U loopt gemiddeld {n} keer per week, steeds op hetzelfde paar. In een onderzoek "
                    "raakten lopers die afwisselend meer dan één paar gebruikten ongeveer 39% minder vaak "
                    "geblesseerd. Een tweede paar om mee af te wisselen is het overwegen waard.",
                    "You run {n} times a week on average, always in the same pair. In one study, runners "
                    "who took turns with more than one pair were injured about 39% less often. A second "
                    "pair to alternate with is worth considering.",
                ).format(n=per_week),
                source="malisoux_2015",
                link="voorkomen",
                numbers={"runs_per_week": per_week},
            )
        )
    return found


def _low_cadence(snap: Snapshot) -> list[Warning]:
    cadence = snap.cadence
    if cadence is None or not cadence.low or cadence.recent_spm is None or cadence.drop is None:
        return []
    low, high = cadence.target_spm
    return [
        Warning(
            code="low_cadence",
            severity="info",
            title=T(
                "Uw pasfrequentie is {pct}% lager dan normaal", "Your cadence is {pct}% lower than usual"
            ).format(pct=_percent(cadence.drop)),
            explanation=T(
                "De afgelopen 7 dagen liep u met rond de {recent} passen per minuut, tegen normaal {base} "
                "bij uw rustige lopen van de laatste 8 weken. Met iets kleinere, snellere passen belast u "
                "de knie minder: probeer {low} tot {high} passen per minuut, 5 tot 10% boven uw eigen "
                "normaal. Een vast getal als 180 is niet onderbouwd; het gaat om uw eigen ritme.",
                "In the last 7 days you ran at around {recent} steps per minute, against your usual {base} "
                "on easy runs over the last 8 weeks. Slightly shorter, quicker steps put less load on the "
                "knee: try {low} to {high} steps per minute, 5 to 10% above your own usual. A fixed figure "
                "such as 180 has no evidence behind it; what matters is your own rhythm.",
            ).format(
                recent=round(cadence.recent_spm),
                base=round(cadence.baseline_spm),
                low=round(low),
                high=round(high),
            ),
            source="heiderscheit_2011",
            link="oorzaken#technique",
            numbers={
                "recent_spm": round(cadence.recent_spm, 1),
                "baseline_spm": round(cadence.baseline_spm, 1),
                "target_low_spm": round(low, 1),
                "target_high_spm": round(high, 1),
            },
        )
    ]


CHECKS: tuple[Callable[[Snapshot], list[Warning]], ...] = (
    _pain,
    _single_run_spike,
    _ten_percent_rule,
    _acwr_danger,
    _monotony_high,
    _few_rest_days,
    _resting_hr,
    _short_sleep,
    _low_cadence,
    _shoes,
)


def warnings_for(snap: Snapshot) -> list[Warning]:
    """Every warning that applies today, most severe first (the order of CHECKS within a severity)."""
    found = [warning for check in CHECKS for warning in check(snap)]
    return sorted(found, key=lambda w: SEVERITY_ORDER.index(w.severity))
