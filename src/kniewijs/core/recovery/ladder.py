"""The walk-run ladder back to running, and the limits on how fast a runner climbs it.

Source: the University of Delaware return-to-running progression (source key "delaware_2018"). Delaware
counts in distance (level 1 is ten times 0.1 mile walking and 0.1 mile jogging, up to 3 miles continuous);
a runner coming back from knee pain knows minutes better than tenths of a mile, so the eight levels here
are minutes. Each level adds running time or a longer unbroken stretch, never both at once, and the
whole session stays between 20 and 30 minutes, as Delaware's stays at 2 to 3 miles.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import T, Text

# Delaware: every level is done at least twice before the next; no running on two days in a row; at most
# four runs a week; no more than two levels gained in any 7 days; level ground, easy effort.
GOOD_RUNS_TO_PROGRESS = 2
MIN_DAYS_BETWEEN_RUNS = 2  # a run, then at least one rest day
MIN_DAYS_AFTER_STEP_BACK = 3  # Delaware's soreness rules: two days off after a level is dropped
MAX_RUNS_PER_WEEK = 4  # per ISO week, Monday to Sunday
MAX_LEVELS_PER_7_DAYS = 2
EFFORT = (3, 5)  # out of 10: easy, able to talk (knowledge brief, return to running)

# An imported run counts as the planned session when its duration is within this share of the level's
# minutes (or within the fixed margin, for the short levels) and its average speed fits walking and easy
# running.
DURATION_TOLERANCE = 0.25
DURATION_MARGIN_MIN = 5.0
SPEED_RANGE_KMH = (3.0, 13.0)


@dataclass(frozen=True, slots=True)
class RunLevel:
    number: int
    repeats: int
    jog_minutes: int
    walk_minutes: int

    @property
    def total_minutes(self) -> int:
        return self.repeats * (self.jog_minutes + self.walk_minutes)

    @property
    def running_minutes(self) -> int:
        return self.repeats * self.jog_minutes

    @property
    def continuous(self) -> bool:
        return self.walk_minutes == 0

    def describe(self) -> Text:
        """The session in a runner's words: '10 times: 1 minute jogging, then 1 minute walking (20 min)'."""
        if self.continuous:
            return T(
                "{run} minuten rustig hardlopen, zonder wandelpauze.",
                "Jog easily for {run} minutes without a walking break.",
            ).format(run=self.jog_minutes)
        return T(
            "{n} keer: {run} {run_unit} rustig hardlopen en dan {walk} {walk_unit} wandelen "
            "({total} minuten in totaal).",
            "{n} times: jog easily for {run} {run_unit_en}, then walk for {walk} {walk_unit_en} "
            "({total} minutes in all).",
        ).format(
            n=self.repeats,
            run=self.jog_minutes,
            walk=self.walk_minutes,
            total=self.total_minutes,
            run_unit=_minutes_nl(self.jog_minutes),
            walk_unit=_minutes_nl(self.walk_minutes),
            run_unit_en=_minutes_en(self.jog_minutes),
            walk_unit_en=_minutes_en(self.walk_minutes),
        )


def _minutes_nl(n: int) -> str:
    return "minuut" if n == 1 else "minuten"


def _minutes_en(n: int) -> str:
    return "minute" if n == 1 else "minutes"


LADDER: tuple[RunLevel, ...] = (
    RunLevel(1, repeats=10, jog_minutes=1, walk_minutes=1),
    RunLevel(2, repeats=8, jog_minutes=2, walk_minutes=1),
    RunLevel(3, repeats=6, jog_minutes=3, walk_minutes=1),
    RunLevel(4, repeats=4, jog_minutes=5, walk_minutes=1),
    RunLevel(5, repeats=2, jog_minutes=10, walk_minutes=1),
    RunLevel(6, repeats=1, jog_minutes=20, walk_minutes=0),
    RunLevel(7, repeats=1, jog_minutes=25, walk_minutes=0),
    RunLevel(8, repeats=1, jog_minutes=30, walk_minutes=0),
)
FIRST_LEVEL = LADDER[0].number
TOP_LEVEL = LADDER[-1].number


def run_level(number: int) -> RunLevel:
    if not FIRST_LEVEL <= number <= TOP_LEVEL:
        raise ValueError(f"run level must be {FIRST_LEVEL}-{TOP_LEVEL}, not {number}")
    return LADDER[number - 1]


def matches_level(level: RunLevel, distance_km: float | None, duration_min: float) -> bool:
    """Whether a recorded run roughly is this level's session, so an imported watch file can count as it.

    Our tolerance (documented in docs/recovery.md): the duration is within 25% of the level's minutes or
    within 5 minutes, whichever is wider (a warm-up walk or a stopped watch should not make a session
    not count), and, when a distance is known, the average speed is 3-13 km/h: slower is a walk, faster
    is not the easy effort Delaware asks for."""
    if duration_min <= 0:
        return False
    margin = max(DURATION_MARGIN_MIN, DURATION_TOLERANCE * level.total_minutes)
    if abs(duration_min - level.total_minutes) > margin:
        return False
    if distance_km is None:
        return True
    speed = distance_km / (duration_min / 60.0)
    return SPEED_RANGE_KMH[0] <= speed <= SPEED_RANGE_KMH[1]
