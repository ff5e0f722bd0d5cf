"""The training log's warnings as a physio's record names them: in the third person, with the figure and
the rule behind it. The runner keeps the warning's own title and explanation (core.metrics.warnings);
each rule's source is the one that warning names (`Warning.source`), so nothing is decided here, only
worded for a clinician. A warning without a clinical wording here keeps its own title.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .metrics.warning import Warning
from .text import Language, Text, format_number

Numbers = Mapping[str, float | str | None]


def _n(value: object, lang: Language, places: int = 1) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "?"
    return format_number(round(float(value), places), lang)


def _ten_percent(n: Numbers, lang: Language) -> str:
    week, before, growth = (
        _n(n.get("week_km"), lang),
        _n(n.get("previous_week_km"), lang),
        _n(n.get("growth_percent"), lang, 0),
    )
    if lang == "nl":
        return f"Weekafstand +{growth}% ({before} → {week} km): boven de 10%-regel"
    return f"Weekly distance +{growth}% ({before} → {week} km): above the 10% rule"


def _spike(n: Numbers, lang: Language) -> str:
    run, excess = _n(n.get("run_km"), lang), _n(n.get("excess_percent"), lang, 0)
    if lang == "nl":
        return f"Piek: loop van {run} km, {excess}% langer dan de langste van de 30 dagen ervoor"
    return f"Spike: a run of {run} km, {excess}% longer than the longest of the 30 days before"


def _ratio(n: Numbers, lang: Language) -> str:
    ratio = _n(n.get("ratio_uncoupled"), lang, 2)
    if lang == "nl":
        return f"Acute:chronische ratio {ratio} (7-daagse som / gemiddelde week van 28 dagen, ontkoppeld)"
    return f"Acute:chronic ratio {ratio} (7-day sum / average week of 28 days, uncoupled)"


def _monotony(n: Numbers, lang: Language) -> str:
    mono, strain = _n(n.get("monotony"), lang, 2), _n(n.get("strain"), lang, 0)
    if lang == "nl":
        return f"Monotonie {mono}, belasting (strain) {strain} over 7 dagen (Foster)"
    return f"Monotony {mono}, strain {strain} over 7 days (Foster)"


def _rest(n: Numbers, lang: Language) -> str:
    return "Weinig rustdagen in de laatste 7 dagen" if lang == "nl" else "Few rest days in the last 7 days"


def _resting_hr(n: Numbers, lang: Language) -> str:
    hr, base = _n(n.get("resting_hr"), lang, 0), _n(n.get("baseline_mean"), lang, 0)
    if lang == "nl":
        return f"Rusthartslag {hr}/min, boven het eigen gemiddelde van {base}/min"
    return f"Resting heart rate {hr}/min, above the runner's own average of {base}/min"


def _sleep(n: Numbers, lang: Language) -> str:
    short, noted = _n(n.get("short_nights"), lang, 0), _n(n.get("nights_noted"), lang, 0)
    if lang == "nl":
        return f"Korte nachten: {short} van {noted} genoteerde nachten korter dan 7 uur"
    return f"Short nights: {short} of {noted} nights noted under 7 hours"


def _pain_too_much(n: Numbers, lang: Language) -> str:
    pain = _n(n.get("pain"), lang, 0)
    if lang == "nl":
        return f"Pijn {pain}/10 tijdens of na het lopen: boven de 5 (pijnmonitoringsmodel)"
    return f"Pain {pain}/10 during or after running: above 5 (pain-monitoring model)"


def _not_settled(n: Numbers, lang: Language) -> str:
    pain = _n(n.get("next_morning_pain"), lang, 0)
    if lang == "nl":
        return f"Pijn de ochtend na het lopen {pain}/10: niet gezakt (pijnmonitoringsmodel)"
    return f"Pain the morning after running {pain}/10: not settled (pain-monitoring model)"


def _rising(n: Numbers, lang: Language) -> str:
    cells = " → ".join(_n(n.get(k), lang, 0) for k in ("two_weeks_ago", "last_week", "this_week"))
    return (
        f"Pijn stijgt week op week (hoogste per week: {cells})"
        if lang == "nl"
        else f"Pain rising week on week (weekly highest: {cells})"
    )


def _swelling(n: Numbers, lang: Language) -> str:
    return "Zwelling van de knie genoteerd" if lang == "nl" else "Knee swelling noted"


def _cadence(n: Numbers, lang: Language) -> str:
    recent, base = _n(n.get("recent_spm"), lang, 0), _n(n.get("baseline_spm"), lang, 0)
    if lang == "nl":
        return f"Pasfrequentie {recent}/min (eigen gemiddelde {base}/min)"
    return f"Cadence {recent}/min (own average {base}/min)"


WORDING: dict[str, Callable[[Numbers, Language], str]] = {
    "ten_percent_rule": _ten_percent,
    "single_run_spike": _spike,
    "acwr_danger": _ratio,
    "monotony_high": _monotony,
    "few_rest_days": _rest,
    "resting_hr_raised": _resting_hr,
    "short_sleep": _sleep,
    "pain_too_much": _pain_too_much,
    "pain_not_settled": _not_settled,
    "pain_rising": _rising,
    "knee_swelling": _swelling,
    "low_cadence": _cadence,
}


def clinical_title(warning: Warning) -> Text:
    """The warning's line in a physio's record (its own title where no clinical wording is set: the
    shoe warnings, which read the same for both)."""
    words = WORDING.get(warning.code)
    if words is None:
        return warning.title
    return Text(nl=words(warning.numbers, "nl"), en=words(warning.numbers, "en"))
