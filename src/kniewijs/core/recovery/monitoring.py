"""After every run: progress, repeat the level, or step back, and why.

Pain is judged by Silbernagel's pain-monitoring model through core.load.pain_zone (0-3 safe, 4-5
acceptable, above 5 too much); the ladder's own limits are Delaware's (ladder.py). The order below is the
order of the rules: a reason to step back wins over a reason to repeat, and a reason to repeat over
progress. Every reason that applies is given, not only the first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..load import PainZone, pain_zone
from ..text import T
from .ladder import (
    FIRST_LEVEL,
    GOOD_RUNS_TO_PROGRESS,
    MAX_LEVELS_PER_7_DAYS,
    MAX_RUNS_PER_WEEK,
    MIN_DAYS_BETWEEN_RUNS,
    TOP_LEVEL,
)
from .model import Because, SessionLog, Verdict

SILBERNAGEL = "silbernagel_2007"
DELAWARE = "delaware_2018"


def levels_gained_within_7_days(gains: list[dt.date], day: dt.date) -> int:
    """Levels gained on this day and the 6 before it: Delaware's window for 'at most 2 levels in 7 days'.
    While a run on the day after a run does not count (repeat_reasons), two good runs per level already
    keep gains 4 days apart; the limit stays as a guard for reviews and changed rules."""
    return sum(1 for gained in gains if 0 <= (day - gained).days < 7)


@dataclass(frozen=True, slots=True)
class RunContext:
    """What the replay knows just before this run is judged."""

    level: int  # the planned level
    good_runs_before: int  # good runs in a row at this level so far
    days_since_last_run: int | None
    runs_in_week_before: int  # runs already logged in this ISO week
    levels_gained_in_window: int  # levels gained in the 6 days before this one
    previous_week_highest: int | None  # highest pain noted last ISO week
    this_week_highest_before: int | None  # highest pain noted this ISO week before this run
    red_flags: tuple[Because, ...] = ()  # triage reasons when an alarm sign came with this run


def _too_much_pain(log: SessionLog) -> Because | None:
    """Silbernagel 2007: activity pain above 5 out of 10 is more than the knee can take."""
    activity = log.activity_pain
    if activity is None or pain_zone(activity) is not PainZone.TOO_MUCH:
        return None
    return Because(
        "too_much_pain",
        T(
            "Uw pijn was {p} op 10: boven de grens van 5. Dat is meer dan de knie nu aankan.",
            "Your pain was {p} out of 10: above the limit of 5. That is more than the knee can take for now.",
        ).format(p=activity),
        SILBERNAGEL,
    )


def _not_settled(log: SessionLog) -> Because | None:
    """Silbernagel 2007: pain should have settled by the next morning (4 or more is not settled, as the
    self-check's rule)."""
    morning = log.pain_next_morning
    if morning is None or pain_zone(morning) is PainZone.SAFE:
        return None
    return Because(
        "not_settled",
        T(
            "De ochtend erna was de pijn nog {p} op 10: niet gezakt. De knie heeft meer tijd nodig.",
            "The next morning the pain was still {p} out of 10: not settled. The knee needs more time.",
        ).format(p=morning),
        SILBERNAGEL,
    )


def step_back_reasons(log: SessionLog, ctx: RunContext) -> list[Because]:
    """Silbernagel 2007: activity pain above 5, pain not settled by the next morning (4 or more, as the
    self-check's rule), or the week's highest pain rising above last week's; the seed: a knee that gives
    way; the self-check: any alarm sign. Any of them costs one level."""
    reasons: list[Because] = []
    if ctx.red_flags:
        reasons.append(
            Because(
                "red_flag",
                T(
                    "U meldde een alarmsignaal bij deze loop. Stop met hardlopen en volg het advies.",
                    "You reported a warning sign with this run. Stop running and follow the advice.",
                ),
                ctx.red_flags[0].source,
            )
        )
    too_much = _too_much_pain(log)
    if too_much is not None:
        reasons.append(too_much)
    unsettled = _not_settled(log)
    if unsettled is not None:
        reasons.append(unsettled)
    if log.giving_way:
        reasons.append(
            Because(
                "gave_way",
                T(
                    "De knie zakte weg. Hij is nog niet stabiel genoeg voor dit niveau.",
                    "The knee gave way. It is not yet stable enough for this level.",
                ),
                "seed",
            )
        )
    rising = _rising(log, ctx)
    if rising is not None:
        reasons.append(rising)
    return reasons


def _rising(log: SessionLog, ctx: RunContext) -> Because | None:
    """Silbernagel 2007: pain should not rise from week to week. Our reading: the run that lifts this ISO
    week's highest pain above last week's highest, to 4 or more. A rise inside the safe zone (say 1 to 2)
    is noise on a rough scale; later runs in the same week at that height do not count it again."""
    highest = log.highest_pain
    before = ctx.previous_week_highest
    if highest is None or before is None or highest <= before:
        return None
    if pain_zone(highest) is PainZone.SAFE:
        return None
    if ctx.this_week_highest_before is not None and highest <= ctx.this_week_highest_before:
        return None
    return Because(
        "rising",
        T(
            "Uw hoogste pijn deze week ({now}) is hoger dan vorige week ({before}). Pijn hoort niet van week "
            "tot week op te lopen.",
            "Your highest pain this week ({now}) is higher than last week's ({before}). Pain should not "
            "climb from week to week.",
        ).format(now=highest, before=before),
        SILBERNAGEL,
    )


def repeat_reasons(log: SessionLog, ctx: RunContext) -> list[Because]:
    """Reasons not to move on although nothing calls for a step back. Delaware: progress only without
    extra swelling; no run on the day after a run; at most four runs a week; the planned level. Silbernagel:
    4-5 is acceptable but not a reason to add load; without the pain figures we cannot judge."""
    reasons: list[Because] = []
    if log.swelling:
        reasons.append(
            Because(
                "swelling",
                T(
                    "De knie was dik. U blijft op dit niveau tot hij na het lopen niet meer opzwelt.",
                    "The knee was swollen. You stay at this level until it no longer swells after running.",
                ),
                DELAWARE,
            )
        )
    if log.pain_during is None or log.pain_next_morning is None:
        reasons.append(
            Because(
                "incomplete",
                T(
                    "We missen uw pijn tijdens het lopen of de ochtend erna. Zonder die cijfers gaat u niet "
                    "verder.",
                    "Your pain during the run or the next morning is missing. Without those figures you do "
                    "not move on.",
                ),
                SILBERNAGEL,
            )
        )
    activity = log.activity_pain
    if activity is not None and pain_zone(activity) is PainZone.ACCEPTABLE:
        reasons.append(
            Because(
                "acceptable",
                T(
                    "Uw pijn was {p} op 10: nog acceptabel, maar te veel om op te bouwen. U doet dit niveau "
                    "nog eens.",
                    "Your pain was {p} out of 10: still acceptable, but too much to build on. You do this "
                    "level again.",
                ).format(p=activity),
                SILBERNAGEL,
            )
        )
    if ctx.days_since_last_run is not None and ctx.days_since_last_run < MIN_DAYS_BETWEEN_RUNS:
        reasons.append(
            Because(
                "no_rest_day",
                T(
                    "U liep de dag na uw vorige loop. Houd er minstens één rustdag tussen; deze loop telt "
                    "niet mee.",
                    "You ran the day after your last run. Keep at least one rest day in between; this run "
                    "does not count.",
                ),
                DELAWARE,
            )
        )
    if ctx.runs_in_week_before >= MAX_RUNS_PER_WEEK:
        reasons.append(
            Because(
                "week_full",
                T(
                    "Dit was meer dan 4 keer hardlopen in één week. De extra loop telt niet mee.",
                    "That was more than 4 runs in one week. The extra run does not count.",
                ),
                DELAWARE,
            )
        )
    if log.level is not None and log.level != ctx.level:
        reasons.append(
            Because(
                "other_level",
                T(
                    "U liep niveau {done}, maar niveau {plan} stond op het plan. U blijft op niveau {plan}.",
                    "You ran level {done}, but level {plan} was planned. You stay at level {plan}.",
                ).format(done=log.level, plan=ctx.level),
                DELAWARE,
            )
        )
    return reasons


@dataclass(frozen=True, slots=True)
class RunOutcome:
    verdict: Verdict
    reasons: tuple[Because, ...]
    level_after: int
    good: bool  # the run counts towards the two good runs in a row
    completes_ladder: bool = False


def decide_run(log: SessionLog, ctx: RunContext) -> RunOutcome:
    """The verdict, every reason for it, and the level after. Delaware: a level counts as done after two
    good runs in a row at it; at most two levels gained in any 7 days; the top level done twice ends the
    ladder; a step back is one level, with two days off running first (its soreness rules)."""
    back = step_back_reasons(log, ctx)
    if back:
        lower = max(FIRST_LEVEL, ctx.level - 1)
        if not ctx.red_flags:
            back.append(
                Because(
                    "step_back",
                    T(
                        "U gaat terug naar niveau {m} en neemt eerst twee rustdagen van hardlopen.",
                        "You go back to level {m} and first take two days off running.",
                    ).format(m=lower),
                    DELAWARE,
                )
            )
        return RunOutcome(Verdict.STEP_BACK, tuple(back), lower, good=False)
    hold = repeat_reasons(log, ctx)
    if hold:
        return RunOutcome(Verdict.REPEAT, tuple(hold), ctx.level, good=False)
    good = ctx.good_runs_before + 1
    if good < GOOD_RUNS_TO_PROGRESS:
        return RunOutcome(
            Verdict.REPEAT,
            (
                Because(
                    "once_more",
                    T(
                        "Dat ging goed. Elk niveau loopt u minstens twee keer op rij zonder klachten "
                        "voordat u verder gaat.",
                        "That went well. You run each level at least twice in a row without trouble before "
                        "you move on.",
                    ),
                    DELAWARE,
                ),
            ),
            ctx.level,
            good=True,
        )
    if ctx.level >= TOP_LEVEL:
        return RunOutcome(
            Verdict.PROGRESS,
            (
                Because(
                    "complete",
                    T(
                        "Ook het laatste niveau ging twee keer op rij goed. U heeft het stappenplan "
                        "afgerond.",
                        "The last level also went well twice in a row. You have finished the ladder.",
                    ),
                    DELAWARE,
                ),
            ),
            ctx.level,
            good=True,
            completes_ladder=True,
        )
    if ctx.levels_gained_in_window >= MAX_LEVELS_PER_7_DAYS:
        return RunOutcome(
            Verdict.REPEAT,
            (
                Because(
                    "seven_day_limit",
                    T(
                        "U bent in de afgelopen 7 dagen al 2 niveaus gestegen; sneller gaat het niet. "
                        "U doet dit niveau nog eens.",
                        "You have already gone up 2 levels in the past 7 days; it goes no faster than that. "
                        "You do this level again.",
                    ),
                    DELAWARE,
                ),
            ),
            ctx.level,
            good=True,
        )
    return RunOutcome(
        Verdict.PROGRESS,
        (
            Because(
                "twice_good",
                T(
                    "Twee keer op rij ging niveau {n} goed: hoogstens 3 op 10 pijn, de ochtend erna gezakt "
                    "en geen dikke knie.",
                    "Level {n} went well twice in a row: pain at most 3 out of 10, settled by the next "
                    "morning and no swelling.",
                ).format(n=ctx.level),
                SILBERNAGEL,
            ),
            Because(
                "next_level",
                T("U gaat naar niveau {m}.", "You move up to level {m}.").format(m=ctx.level + 1),
                DELAWARE,
            ),
        ),
        ctx.level + 1,
        good=True,
    )


def decide_protect_run(
    log: SessionLog, level: int, rest_days: int, red_flags: tuple[Because, ...] = ()
) -> RunOutcome:
    """A run logged in the protect phase, against the seed's advice to rest by severity: it is recorded and
    judged, never counted for the ladder. Silbernagel 2007: activity pain above 5, or pain not settled the
    next morning (4 or more), means the run asked too much; the shortest rest then starts again from the day
    after the run (our reading: in the rest phase there is no lower level to step back to). Otherwise the
    rest goes on as planned and the return waits for settled pain (3 or less), as ever."""
    reasons: list[Because] = [
        Because(
            "against_advice",
            T(
                "U liep hard terwijl uw knie nog rust nodig heeft. Deze loop telt niet mee voor het "
                "stappenplan.",
                "You ran while your knee still needs rest. This run does not count for the walk-run ladder.",
            ),
            "seed",
        )
    ]
    if red_flags:
        reasons.append(
            Because(
                "red_flag",
                T(
                    "U meldde een alarmsignaal bij deze loop. Stop met hardlopen en volg het advies.",
                    "You reported a warning sign with this run. Stop running and follow the advice.",
                ),
                red_flags[0].source,
            )
        )
    too_much, unsettled = _too_much_pain(log), _not_settled(log)
    held = [r for r in (too_much, unsettled) if r is not None]
    if held:
        reasons.extend(held)
        reasons.append(
            Because(
                "rest_restarts",
                T(
                    "Uw rust begint opnieuw: de {days} dagen na deze loop loopt u niet hard. Daarna begint u "
                    "met wandelen en hardlopen zodra de pijn 3 op 10 of minder is.",
                    "Your rest starts again: do not run for the {days} days after this run. Then you start "
                    "walking and running as soon as the pain is 3 out of 10 or less.",
                ).format(days=rest_days),
                SILBERNAGEL,
            )
        )
        return RunOutcome(Verdict.REST_RESTARTS, tuple(reasons), level, good=False)
    activity = log.activity_pain
    if activity is not None and pain_zone(activity) is PainZone.ACCEPTABLE:
        reasons.append(
            Because(
                "acceptable_in_rest",
                T(
                    "Uw pijn was {p} op 10: nog acceptabel, maar de knie is nog niet rustig.",
                    "Your pain was {p} out of 10: still acceptable, but the knee has not settled yet.",
                ).format(p=activity),
                SILBERNAGEL,
            )
        )
    reasons.append(
        Because(
            "rest_goes_on",
            T(
                "Uw rust gaat door zoals gepland. Loop niet hard tot het plan wandelen en hardlopen aangeeft.",
                "Your rest goes on as planned. Do not run until the plan gives walking and running.",
            ),
            "seed",
        )
    )
    if log.pain_next_morning is None:
        reasons.append(
            Because(
                "note_morning",
                T(
                    "Vul morgenochtend nog uw pijn in. Is die dan 4 op 10 of meer, dan begint de rust opnieuw.",
                    "Fill in your pain tomorrow morning. If it is 4 out of 10 or more, the rest starts again.",
                ),
                SILBERNAGEL,
            )
        )
    return RunOutcome(Verdict.REST_GOES_ON, tuple(reasons), level, good=False)
