"""The words the charts write themselves: table headers, legends and the sentences of each summary.

Dutch first, English second. Placeholders are filled with numbers and dates already written for the
reader's language. Trend phrases are clauses (no capital, no full stop) so a summary can join them.
"""

from __future__ import annotations

from kniewijs.core.text import T, Text

yes = T("ja", "yes")
no = T("nee", "no")
date = T("Datum", "Date")

# ---- weekly distance ----
week = T("Week van", "Week of")
limit_10 = T("Grens +10% (km)", "Limit +10% (km)")
above_limit = T("Boven de grens", "Above the limit")
week_latest = T("In de week van {week} liep u {km} km.", "In the week of {week} you ran {km} km.")
# With the week's own name (core.metrics.warning.week_words), the same on the whole page.
named_week_latest = T("{week} liep u {km} km.", "{week} you ran {km} km.")
named_week_so_far = T("{week} liep u tot nu toe {km} km.", "{week} you have run {km} km so far.")
named_limit = T(
    " 10% meer dan de week ervoor was {limit} km geweest.",
    " 10% more than the week before would have been {limit} km.",
)
week_latest_limit = T(
    "In de week van {week} liep u {km} km; 10% meer dan de week ervoor was {limit} km geweest.",
    "In the week of {week} you ran {km} km; 10% more than the week before would have been {limit} km.",
)
weeks_over = T(
    "in {over} van de {weeks} weken liep u meer dan 10% boven de week ervoor",
    "in {over} of the {weeks} weeks you ran more than 10% above the week before",
)
weeks_none_over = T(
    "in geen van de {weeks} weken liep u meer dan 10% boven de week ervoor",
    "in none of the {weeks} weeks did you run more than 10% above the week before",
)
# A week after a week without running has nothing to be 10% above: say so instead of counting it.
no_week_before = T(
    "De week ervoor liep u niet, dus met de 10%-regel valt deze week niet te vergelijken.",
    "You did not run the week before, so the 10% rule has nothing to compare this week with.",
)
first_week = T(
    "Er is nog geen week ervoor om met de 10%-regel mee te vergelijken.",
    "There is no week before it yet to compare with by the 10% rule.",
)
no_comparison_yet = T(
    "Er is nog geen week die u met de week ervoor kunt vergelijken.",
    "There is no week yet to compare with the week before.",
)
weeks_trend: dict[str, Text] = {
    "up": T("de laatste weken loopt u meer", "in recent weeks you have been running more"),
    "down": T("de laatste weken loopt u minder", "in recent weeks you have been running less"),
    "flat": T("de laatste weken loopt u ongeveer evenveel", "in recent weeks you have run about the same"),
}
km_per_week = T("Km per week", "Km per week")
more_than_10 = T("Meer dan 10% erbij", "Over 10% up")
limit_legend = T("Grens: week ervoor +10%", "Limit: week before +10%")

# ---- runs with spikes (bands: Frandsen et al. 2025) ----
spike = T("Piek", "Spike")
run_latest = T(
    "Uw laatste loop, op {day}, was {km} km ({band}).", "Your latest run, on {day}, was {km} km ({band})."
)
band_in_sentence: dict[str, Text] = {
    "none": T("geen piek", "not a spike"),
    "small": T("een kleine piek", "a small spike"),
    "moderate": T("een middelgrote piek", "a moderate spike"),
    "large": T("een grote piek", "a large spike"),
}
band_count_one: dict[str, Text] = {
    "small": T("1 kleine piek", "1 small spike"),
    "moderate": T("1 middelgrote piek", "1 moderate spike"),
    "large": T("1 grote piek", "1 large spike"),
}
band_count: dict[str, Text] = {
    "small": T("{n} kleine pieken", "{n} small spikes"),
    "moderate": T("{n} middelgrote pieken", "{n} moderate spikes"),
    "large": T("{n} grote pieken", "{n} large spikes"),
}
runs_spikes = T(
    "{spikes} van de {runs} lopen waren meer dan 10% langer dan de langste loop van de 30 dagen ervoor ({counts}).",
    "{spikes} of the {runs} runs were more than 10% longer than the longest run of the 30 days before ({counts}).",
)
runs_spike_one = T(
    "1 van de {runs} lopen was meer dan 10% langer dan de langste loop van de 30 dagen ervoor ({counts}).",
    "1 of the {runs} runs was more than 10% longer than the longest run of the 30 days before ({counts}).",
)
runs_no_spike = T(
    "Geen van de {runs} lopen was meer dan 10% langer dan de langste loop van de 30 dagen ervoor.",
    "None of the {runs} runs was more than 10% longer than the longest run of the 30 days before.",
)
band_legend: dict[str, Text] = {
    "none": T("Geen piek", "No spike"),
    "small": T("Piek 10–30%", "Spike 10–30%"),
    "moderate": T("Piek 30–100%", "Spike 30–100%"),
    "large": T("Piek >100%", "Spike >100%"),
}
band_table: dict[str, Text] = {
    "none": T("geen piek (hooguit 10% langer)", "no spike (at most 10% longer)"),
    "small": T("kleine piek (10–30% langer)", "small spike (10–30% longer)"),
    "moderate": T("middelgrote piek (30–100% langer)", "moderate spike (30–100% longer)"),
    "large": T("grote piek (meer dan 100% langer)", "large spike (more than 100% longer)"),
}

# ---- load ratio: the last 7 days against the weeks before, told as "times as much as you are used to" ----
ratio = T("Keer zo veel als gewend", "Times your usual")
sweet_zone = T("Gewoon: {low}–{high} keer", "Usual: {low}–{high} times")
danger_line = T("Grens: {danger} keer", "Limit: {danger} times")
zone_in = T("binnen het gewone, {low} tot {high} keer", "within the usual, {low} to {high} times")
zone_below = T("minder dan gewoonlijk (onder {low} keer)", "less than usual (below {low} times)")
zone_above = T(
    "meer dan gewoonlijk, maar onder de grens van {danger} keer",
    "more than usual, but below the limit of {danger} times",
)
zone_danger = T("op of boven de grens van {danger} keer", "at or above the limit of {danger} times")
ratio_latest = T(
    "In de 7 dagen tot en met {day} trainde u {ratio} keer zo veel als u gewend bent: {zone}.",
    "In the 7 days up to {day} you trained {ratio} times as much as you are used to: {zone}.",
)
ratio_danger_count = T(
    "op {above} van de {days} dagen was dat {danger} keer of meer",
    "on {above} of the {days} days it was {danger} times or more",
)
ratio_trend: dict[str, Text] = {
    "up": T("de laatste tijd neemt dat toe", "lately it has been rising"),
    "down": T("de laatste tijd neemt dat af", "lately it has been falling"),
    "flat": T("de laatste tijd blijft dat ongeveer gelijk", "lately it has stayed about the same"),
}

# ---- pain ----
distance_km = T("Afstand (km)", "Distance (km)")
pain = T("Pijn (0–10)", "Pain (0–10)")
pain_unit = T("pijn 0–10", "pain 0–10")
pain_latest_km = T(
    "Op {day} gaf u uw pijn een {pain} van de 10, na {km} km.",
    "On {day} you scored your pain {pain} out of 10, after {km} km.",
)
pain_latest = T(
    "Op {day} gaf u uw pijn een {pain} van de 10.", "On {day} you scored your pain {pain} out of 10."
)
pain_none = T(
    "Er zijn nog geen pijnscores; op {day} liep u {km} km.",
    "There are no pain scores yet; on {day} you ran {km} km.",
)
pain_trend: dict[str, Text] = {
    "up": T("uw pijn is de laatste tijd toegenomen", "your pain has lately increased"),
    "down": T("uw pijn is de laatste tijd afgenomen", "your pain has lately decreased"),
    "flat": T(
        "uw pijn is de laatste tijd ongeveer gelijk gebleven", "your pain has lately stayed about the same"
    ),
}

# ---- shoes ----
shoe = T("Schoen", "Shoe")
limit_km = T("Grens (km)", "Limit (km)")
share = T("Deel van de grens", "Share of the limit")
status = T("Status", "Status")
status_words: dict[str, Text] = {
    "ok": T("in orde", "fine"),
    "near": T("bijna op", "nearly worn"),
    "over": T("over de grens", "past the limit"),
    "none": T("geen grens", "no limit"),
}
shoes_top = T(
    "Van uw {n} schoenen heeft {name} de meeste kilometers: {km} km{limit}.",
    "Of your {n} shoes, {name} has the most distance: {km} km{limit}.",
)
shoe_one = T("Uw schoen {name} heeft {km} km{limit}.", "Your shoe {name} has {km} km{limit}.")
of_limit = T(" van de {limit} km ({share}%)", " of {limit} km ({share}%)")
shoes_near = T("bijna op (90% of meer): {names}", "nearly worn (90% or more): {names}")
shoes_over = T("over de grens: {names}", "past the limit: {names}")
shoes_fine = T("geen schoen zit op 90% of meer van zijn grens", "no shoe is at 90% or more of its limit")
below_90 = T("Onder 90%", "Under 90%")
from_90 = T("90% of meer", "90% or more")
past_limit = T("Over de grens", "Past the limit")
limit_mark = T("Grens", "Limit")

# ---- cadence (target: kniewijs.core.load.cadence_target) ----
cadence = T("Pasfrequentie (stappen/min)", "Cadence (steps/min)")
cadence_unit = T("stappen/min", "steps/min")
cadence_legend = T("Pasfrequentie", "Cadence")
in_target = T("Binnen doel", "Within target")
target_band = T("Doel {low}–{high}", "Target {low}–{high}")
target_min = T("Doel: minstens {low}", "Target: at least {low}")
target_max = T("Doel: hooguit {high}", "Target: at most {high}")
range_both = T("{low} tot {high}", "{low} to {high}")
range_min = T("minstens {low}", "at least {low}")
range_max = T("hooguit {high}", "at most {high}")
cadence_latest = T(
    "Op {day} was uw pasfrequentie {cadence} stappen per minuut{target}.",
    "On {day} your cadence was {cadence} steps per minute{target}.",
)
target_in = T(", binnen uw doel van {target}", ", within your target of {target}")
target_under = T(", onder uw doel van {target}", ", below your target of {target}")
target_over = T(", boven uw doel van {target}", ", above your target of {target}")
cadence_trend: dict[str, Text] = {
    "up": T("uw pasfrequentie is de laatste tijd gestegen", "your cadence has lately risen"),
    "down": T("uw pasfrequentie is de laatste tijd gedaald", "your cadence has lately fallen"),
    "flat": T(
        "uw pasfrequentie is de laatste tijd ongeveer gelijk gebleven",
        "your cadence has lately stayed about the same",
    ),
}

# ---- pain and level (recovery programme) ----
level = T("Niveau", "Level")
level_unit = T("niveau", "level")
latest_pain_level = T(
    "Uw laatste pijnscore, op {day}, was {pain} van de 10; u zit nu op niveau {level}.",
    "Your latest pain score, on {day}, was {pain} out of 10; you are now at level {level}.",
)
latest_pain_only = T(
    "Uw laatste pijnscore, op {day}, was {pain} van de 10.",
    "Your latest pain score, on {day}, was {pain} out of 10.",
)
latest_level_only = T(
    "U zit nu op niveau {level}; er zijn nog geen pijnscores.",
    "You are now at level {level}; there are no pain scores yet.",
)
level_change = T(
    "u ging van niveau {first} naar niveau {last}", "you went from level {first} to level {last}"
)
