"""Ranking the clinic page's six causes from the answers, weighted by the evidence behind each clue.

Scores are points, not probabilities: they order the causes and show the runner which answers point
where. Every cause is always listed, so a runner sees that a cause was considered and why it ranks low.
Each clue is a small rule below whose docstring names its sources (keys of ``sources.SOURCES``); it
records its points, its source and the answer fields it came from, so a page can write
"+3: ... (from your training log)".

The point scale, so that the weights follow the evidence brief rather than the clinic page's emphasis:

- **1** a sign the clinic page links with a cause (where it hurts, what makes it worse), or a rule of the
  page that research does not support as an injury threshold (a fixed shoe distance: no injury evidence).
- **2** the page's own rule or self-test for a cause (rest days, sleep, the deep squat), a measured figure
  that points to it (a low step rate), a rise in weekly distance that may have come in one jump, or a
  picture that the load explains (ITB pain after more running).
- **3** the 10% rule broken even if the build-up was even, a restart from nothing, or a single run
  10-100% longer than the longest of the previous 30 days (Frandsen 2025: injury rate x1.5-1.6).
- **4** the strongest findings in the brief: a single run more than twice the longest of the previous
  30 days (x2.28), weekly growth above 30% (the 10% rule broken threefold, and Nielsen 2014's line), and
  fewer than two strength sessions a week (Lauersen 2014: strength training RR 0.315).

So any load clue (2 or more) outweighs the shoe clue (1), and a weekly rise above 30% outweighs one just
above 10%.

The self-check knows only this week's distance and the distance four weeks ago. The 4-week rise is read
twice: spread evenly (compounded, ``load.average_weekly_growth``), which is the gentlest path the runner
can have taken, and all in one week (``load.weekly_growth`` of the two figures), the steepest. Points
come from the even reading; a rise that breaks the 10% rule only in the one-jump reading counts 2 as a
possible jump, and the text says so.

Equal scores share a rank (1, 1, 3, ...) and are marked ``tied``, so a page can say "equally likely";
within a tie the list keeps the clinic page's order, which means nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from .answers import Answers
from .conditions import itb_picture
from .load import (
    MIN_COMPARABLE_KM,
    SpikeBand,
    average_weekly_growth,
    breaks_ten_percent_rule,
    single_run_spike,
    weekly_growth,
)
from .text import T, Text

CAUSE_ORDER = ("overload", "weak_muscles", "technique", "worn_shoes", "stiffness", "recovery")

LOW_CADENCE_SPM = 165.0
SHOE_REPLACE_KM = 700.0
SHOE_RANGE_KM = (600.0, 800.0)
# Nielsen 2014: more than 30% a week was borderline for distance-related injuries (HR 1.59).
STEEP_WEEKLY_GROWTH = 0.30
MIN_STRENGTH_SESSIONS = 2
SHORT_SLEEP_HOURS = 7.0
MORNING_PAIN = 4

WEEKLY_KM_FIELDS = ("weekly_km_4_weeks_ago", "weekly_km_now")
SPIKE_FIELDS = ("last_long_run_km", "longest_run_km_30d")

FROM_LOG = T("uit uw trainingslog", "from your training log")
PARTLY_FROM_LOG = T("deels uit uw trainingslog", "partly from your training log")


def as_percent(fraction: float) -> int:
    """A fraction as a whole percentage for people to read; absurd values stop at 9999%."""
    return round(min(fraction, 99.99) * 100)


@dataclass(frozen=True, slots=True)
class Clue:
    """One answer (or a few together) pointing at a cause: its text, points, source and answer fields."""

    text: Text
    points: int
    fields: tuple[str, ...]
    source: str

    def explained(self, from_log: Collection[str] = ()) -> Text:
        """'+3: <text>', with '(from your training log)' when the clue's answers came from the log
        (``from_log``: the answer fields the log filled in)."""
        line = T("+{points}: {text}", "+{points}: {text}").format(points=self.points, text=self.text)
        logged = [f for f in self.fields if f in from_log]
        if not logged:
            return line
        note = FROM_LOG if len(logged) == len(self.fields) else PARTLY_FROM_LOG
        return T("{line} ({note})", "{line} ({note})").format(line=line, note=note)


@dataclass(frozen=True, slots=True)
class CauseScore:
    """One cause with its clues. ``rank`` is shared by equal scores (1, 1, 3, ...); ``tied`` says
    another cause has the same score."""

    cause: str
    clues: tuple[Clue, ...] = ()
    rank: int = 1
    tied: bool = False

    @property
    def score(self) -> int:
        return sum(c.points for c in self.clues)

    @property
    def because(self) -> list[Text]:
        """The clue texts, one per clue (what older pages show)."""
        return [c.text for c in self.clues]


Rule = Callable[[Answers], Clue | None]


# --- overload ---------------------------------------------------------------------------------------


def weekly_rise(a: Answers) -> Clue | None:
    """Weekly distance now against four weeks ago. Sources: seed (the 10% rule, too much too soon);
    nielsen_2014 (more than 30% a week borderline for distance-related injuries); buist_2008 (the 10% rule
    itself did not lower injuries, so breaking it weighs less than the spikes of frandsen_2025)."""
    now, before = a.weekly_km_now, a.weekly_km_4_weeks_ago
    if now is None or before is None:
        return None
    growth = average_weekly_growth(before, now, 4)
    if growth is None:
        if now < MIN_COMPARABLE_KM:
            return None
        return Clue(
            T(
                "Vier weken geleden liep u (bijna) niet, nu {now} km per week: u bent (opnieuw) begonnen, "
                "en daar moet uw knie nog aan wennen.",
                "Four weeks ago you hardly ran, now it is {now} km a week: you have (re)started, and your "
                "knee still has to get used to that.",
            ).format(now=now),
            3,
            WEEKLY_KM_FIELDS,
            "seed",
        )
    total = weekly_growth(before, now)
    facts = {"before": before, "now": now, "total": as_percent(total or 0.0), "pct": as_percent(growth)}
    if growth > STEEP_WEEKLY_GROWTH:
        return Clue(
            T(
                "Uw weekafstand ging in vier weken van {before} naar {now} km (+{total}%). Ook als u elke week "
                "evenveel bijdeed, is dat {pct}% per week: meer dan 30%, waarboven een onderzoek meer "
                "blessures zag (net niet zeker).",
                "Your weekly distance went from {before} to {now} km in four weeks (+{total}%). Even if you "
                "added the same share every week, that is {pct}% a week: more than 30%, above which one "
                "study saw more injuries (just short of certain).",
            ).format(**facts),
            4,
            WEEKLY_KM_FIELDS,
            "nielsen_2014",
        )
    if breaks_ten_percent_rule(growth):
        return Clue(
            T(
                "Uw weekafstand ging in vier weken van {before} naar {now} km (+{total}%). Ook als u elke week "
                "evenveel bijdeed, is dat {pct}% per week, meer dan de 10% per week die de praktijk aanraadt.",
                "Your weekly distance went from {before} to {now} km in four weeks (+{total}%). Even if you "
                "added the same share every week, that is {pct}% a week, more than the 10% a week the "
                "clinic advises.",
            ).format(**facts),
            3,
            WEEKLY_KM_FIELDS,
            "seed",
        )
    if breaks_ten_percent_rule(total):
        return Clue(
            T(
                "Uw weekafstand ging in vier weken van {before} naar {now} km (+{total}%). Verdeeld over vier "
                "weken blijft dat binnen 10% per week ({pct}%), maar kwam het in één keer, dan ging één week "
                "{total}% omhoog. De weken ertussen kennen we niet, dus tellen we dit als mogelijke sprong.",
                "Your weekly distance went from {before} to {now} km in four weeks (+{total}%). Spread over "
                "four weeks that stays within 10% a week ({pct}%), but if it came in one go, one week rose by "
                "{total}%. We do not know the weeks in between, so we count this as a possible jump.",
            ).format(**facts),
            2,
            WEEKLY_KM_FIELDS,
            "seed",
        )
    return None


SPIKE_POINTS = {SpikeBand.SMALL: 3, SpikeBand.MODERATE: 3, SpikeBand.LARGE: 4}


def single_run_jump(a: Answers) -> Clue | None:
    """The last long run against the longest run of the previous 30 days. Source: frandsen_2025 (10-30%
    longer x1.64, 30-100% x1.52, more than 100% x2.28; the first two are alike, so they score alike)."""
    if a.last_long_run_km is None or a.longest_run_km_30d is None:
        return None
    spike = single_run_spike(a.last_long_run_km, a.longest_run_km_30d)
    if spike is None or spike.band is SpikeBand.NONE:
        return None
    return Clue(
        T(
            "Uw laatste lange loop ({run} km) was {pct}% langer dan uw langste loop in de 30 dagen ervoor "
            "({before} km). In een groot onderzoek onder hardlopers gingen zulke uitschieters samen met "
            "ongeveer {ratio} keer zoveel blessures.",
            "Your last long run ({run} km) was {pct}% longer than your longest run in the 30 days before "
            "({before} km). In a large study of runners, runs like that went with about {ratio} times as "
            "many injuries.",
        ).format(
            run=a.last_long_run_km,
            before=a.longest_run_km_30d,
            pct=as_percent(spike.excess),
            ratio=spike.rate_ratio,
        ),
        SPIKE_POINTS[spike.band],
        SPIKE_FIELDS,
        "frandsen_2025",
    )


def itb_after_more_running(a: Answers) -> Clue | None:
    """Pain on the outside of the knee, worse downhill or while running, after a rise in load: the picture
    of iliotibial band syndrome, which follows sudden increases in distance (brief; nhg_m107). The load
    explains it better than technique, so overload gets these points."""
    if not itb_picture(a):
        return None
    rises = [clue for clue in (weekly_rise(a), single_run_jump(a)) if clue is not None]
    if not rises:
        return None
    fields = ("location", "worse_with") + tuple(f for clue in rises for f in clue.fields)
    return Clue(
        T(
            "Pijn aan de buitenkant van de knie die erger wordt bij heuvelaf lopen of tijdens het hardlopen, "
            "kort nadat u meer bent gaan lopen: dat beeld ontstaat meestal doordat de belasting te snel steeg.",
            "Pain on the outside of the knee that gets worse downhill or while running, soon after you "
            "started running more: that picture usually comes from the load rising too fast.",
        ),
        2,
        fields,
        "nhg_m107",
    )


def pain_builds_while_running(a: Answers) -> Clue | None:
    """Source: seed (pain that rises during or after running is a signal of overload)."""
    if not a.worse("running"):
        return None
    return Clue(
        T("De pijn neemt toe tijdens het hardlopen.", "The pain builds up while you run."),
        1,
        ("worse_with",),
        "seed",
    )


# --- weak muscles -----------------------------------------------------------------------------------


def little_strength_work(a: Answers) -> Clue | None:
    """Sources: lauersen_2014 (strength training cut sports injuries to about a third, RR 0.315); seed
    (2-3 strength sessions a week; weak glutes and hips make the knee work harder)."""
    n = a.strength_sessions_per_week
    if n is None or n >= MIN_STRENGTH_SESSIONS:
        return None
    if n == 0:
        now = T("U doet geen krachtoefeningen", "You do no strength exercises")
    else:
        now = T("U doet 1 keer per week krachtoefeningen", "You do strength exercises once a week")
    return Clue(
        T(
            "{now}, minder dan de 2 tot 3 keer per week die de praktijk aanraadt. In onderzoek hadden "
            "sporters die kracht trainden ongeveer een derde van de blessures.",
            "{now}, less than the 2 to 3 times a week the clinic advises. In studies, athletes who did "
            "strength training had about a third of the injuries.",
        ).format(now=now),
        4,
        ("strength_sessions_per_week",),
        "lauersen_2014",
    )


def front_of_knee(a: Answers) -> Clue | None:
    """Source: crossley_2016 (pain at the front of the knee responds to hip- and knee-focused strength)."""
    if a.location not in ("front", "kneecap"):
        return None
    return Clue(
        T(
            "Pijn aan de voorkant of rond de knieschijf hangt vaak samen met zwakke heup- en bovenbeenspieren.",
            "Pain at the front or around the kneecap often goes with weak hip and thigh muscles.",
        ),
        1,
        ("location",),
        "crossley_2016",
    )


def squatting_or_stairs(a: Answers) -> Clue | None:
    """Source: seed (glute and thigh muscles carry the knee; weak ones make it work harder)."""
    if not a.worse("squatting", "stairs"):
        return None
    return Clue(
        T(
            "Hurken of traplopen doet pijn: daar moeten bil- en bovenbeenspieren de knie dragen.",
            "Squatting or stairs hurt: that is where glute and thigh muscles must carry the knee.",
        ),
        1,
        ("worse_with",),
        "seed",
    )


# --- technique --------------------------------------------------------------------------------------


def low_step_rate(a: Answers) -> Clue | None:
    """Sources: heiderscheit_2011 (5-10% more steps a minute lowers knee load, so a low rate is a clue);
    seed (overstriding loads the knee)."""
    if a.cadence_spm is None or a.cadence_spm >= LOW_CADENCE_SPM:
        return None
    return Clue(
        T(
            "Uw pasfrequentie is {spm} stappen per minuut. Dat is laag en gaat vaak samen met te grote passen; "
            "5 tot 10% meer stappen maakt de belasting op de knie kleiner.",
            "Your step rate is {spm} steps per minute. That is low and often goes with overstriding; 5 to 10% "
            "more steps lowers the load on the knee.",
        ).format(spm=round(a.cadence_spm)),
        2,
        ("cadence_spm",),
        "heiderscheit_2011",
    )


def downhill(a: Answers) -> Clue | None:
    """Source: seed (overstriding, landing far in front of the body, which running downhill magnifies)."""
    if not a.worse("downhill"):
        return None
    return Clue(
        T(
            "Heuvelaf doet het meer pijn; daar landt u snel te ver voor uw lichaam.",
            "Downhill hurts more; that is where you easily land too far in front of your body.",
        ),
        1,
        ("worse_with",),
        "seed",
    )


# --- worn shoes -------------------------------------------------------------------------------------


def shoe_distance(a: Answers) -> Clue | None:
    """Source: seed (most shoes last 600-800 km; replace at about 700 km). The brief: no injury evidence
    for a fixed km limit (malisoux_2015 found fewer injuries only with pairs used in turn), so 1 point
    however far past 700 km."""
    if a.shoe_km is None or a.shoe_km < SHOE_REPLACE_KM:
        return None
    if a.shoe_km >= SHOE_RANGE_KM[1]:
        text = T(
            "Uw schoenen hebben {km} km gelopen, meer dan de 600 tot 800 km die de meeste schoenen meegaan. "
            "Onderzoek vond geen vaste kilometergrens waarboven meer blessures ontstaan, dus dit telt licht.",
            "Your shoes have done {km} km, more than the 600 to 800 km most shoes last. Research found no "
            "fixed distance beyond which injuries rise, so this counts lightly.",
        )
    else:
        text = T(
            "Uw schoenen hebben {km} km gelopen; de praktijk raadt aan ze rond 700 km te vervangen. Onderzoek "
            "vond geen vaste kilometergrens waarboven meer blessures ontstaan, dus dit telt licht.",
            "Your shoes have done {km} km; the clinic advises replacing them at about 700 km. Research found "
            "no fixed distance beyond which injuries rise, so this counts lightly.",
        )
    return Clue(text.format(km=round(a.shoe_km)), 1, ("shoe_km",), "seed")


# --- stiffness --------------------------------------------------------------------------------------


def deep_squat_fails(a: Answers) -> Clue | None:
    """Source: seed (its self-test: a full deep squat with the heels down; stiff hips or ankles shift
    load to the knee)."""
    if a.deep_squat_heels_down is not False:
        return None
    return Clue(
        T(
            "U kunt niet diep hurken met uw hielen op de grond: uw enkels of heupen zijn mogelijk stijf.",
            "You cannot squat deeply with your heels down: your ankles or hips may be stiff.",
        ),
        2,
        ("deep_squat_heels_down",),
        "seed",
    )


def after_sitting(a: Answers) -> Clue | None:
    """Source: seed (pain after sitting still; stiffness elsewhere in the chain)."""
    if not a.worse("sitting"):
        return None
    return Clue(
        T(
            "De knie doet pijn na stilzitten; stijfheid speelt dan vaak mee.",
            "The knee hurts after sitting still; stiffness often plays a part then.",
        ),
        1,
        ("worse_with",),
        "seed",
    )


# --- recovery ---------------------------------------------------------------------------------------


def no_rest_day(a: Answers) -> Clue | None:
    """Source: seed (at least 1-2 full rest days a week)."""
    if a.rest_days_per_week is None or a.rest_days_per_week >= 1:
        return None
    return Clue(
        T(
            "U neemt geen enkele volledige rustdag per week; de praktijk raadt er minstens 1 tot 2 aan.",
            "You take no full rest day in the week; the clinic advises at least 1 to 2.",
        ),
        2,
        ("rest_days_per_week",),
        "seed",
    )


def short_sleep(a: Answers) -> Clue | None:
    """Source: seed (7-9 hours of sleep a night)."""
    if a.sleep_hours is None or a.sleep_hours >= SHORT_SLEEP_HOURS:
        return None
    return Clue(
        T(
            "U slaapt gemiddeld {h} uur per nacht, minder dan de 7 tot 9 uur waarin het lichaam herstelt.",
            "You sleep {h} hours a night on average, less than the 7 to 9 hours in which the body recovers.",
        ).format(h=a.sleep_hours),
        2,
        ("sleep_hours",),
        "seed",
    )


def pain_next_morning(a: Answers) -> Clue | None:
    """Source: silbernagel_2007 (pain should have settled by the next morning; if not, the knee has not
    recovered between runs)."""
    if a.pain_next_morning is None or a.pain_next_morning < MORNING_PAIN:
        return None
    return Clue(
        T(
            "De ochtend na het lopen is de pijn nog {p} op 10: de knie herstelt niet tussen de trainingen.",
            "The morning after a run the pain is still {p} out of 10: the knee does not recover between runs.",
        ).format(p=a.pain_next_morning),
        1,
        ("pain_next_morning",),
        "silbernagel_2007",
    )


RULES: dict[str, tuple[Rule, ...]] = {
    "overload": (weekly_rise, single_run_jump, itb_after_more_running, pain_builds_while_running),
    "weak_muscles": (little_strength_work, front_of_knee, squatting_or_stairs),
    "technique": (low_step_rate, downhill),
    "worn_shoes": (shoe_distance,),
    "stiffness": (deep_squat_fails, after_sitting),
    "recovery": (no_rest_day, short_sleep, pain_next_morning),
}
# The clues that say the load went up; each outweighs any shoe clue.
LOAD_INCREASE_RULES: tuple[Rule, ...] = (weekly_rise, single_run_jump, itb_after_more_running)


def clues_for(cause: str, answers: Answers) -> tuple[Clue, ...]:
    return tuple(clue for rule in RULES[cause] if (clue := rule(answers)) is not None)


def with_ranks(scores: list[CauseScore]) -> list[CauseScore]:
    """Most likely first (a stable sort, so equal scores keep the given order), each with its rank:
    1 + the number of causes that score higher, so equal scores share a rank."""
    ordered = sorted(scores, key=lambda s: -s.score)
    totals = [s.score for s in ordered]
    return [
        replace(s, rank=1 + sum(t > s.score for t in totals), tied=totals.count(s.score) > 1) for s in ordered
    ]


def rank_causes(answers: Answers) -> list[CauseScore]:
    """All six causes, most likely first; equal scores share a rank and are marked tied."""
    return with_ranks([CauseScore(key, clues_for(key, answers)) for key in CAUSE_ORDER])
