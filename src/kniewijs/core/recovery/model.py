"""The shapes of the recovery programme: what goes in (a Programme and the runner's SessionLogs) and what
comes out (a ProgrammeState with decisions, an escalation and the days ahead). Plain frozen dataclasses;
the rules live in the other modules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Literal

from ..answers import Answers
from ..content.knowledge import EXERCISE_BY_KEY
from ..levels import Level
from ..plan import REST_DAYS
from ..text import Text
from .ladder import FIRST_LEVEL, TOP_LEVEL

Phase = Literal["protect", "return", "done"]
# "pain_report": knee pain the runner noted in the training log on a day without a programme session. The
# daily entry is the one record of a day's knee pain, so it counts for the pain rules, not for the ladder.
LogKind = Literal["run", "strength", "mobility", "squat_test", "cross_training", "pain_report"]
LOG_KINDS: tuple[LogKind, ...] = (
    "run",
    "strength",
    "mobility",
    "squat_test",
    "cross_training",
    "pain_report",
)
# "paused": a day after a same-day or 112 escalation; nothing is planned until a doctor has seen the runner.
PlanKind = Literal[
    "care", "paused", "protect", "rest", "cross_training", "run", "strength", "mobility", "squat_test"
]

# Signs from the self-check's vocabulary (fields of core.answers.Answers) a runner can report with any
# session; core.triage.triage decides what they mean. Swelling and giving way have their own log fields.
RED_FLAG_SIGNS: tuple[str, ...] = (
    "pop",
    "sudden_severe_pain",
    "lost_function",
    "injury",
    "locking",
    "deformity",
    "warm",
    "red",
    "fever",
    "calf_swelling",
    "breathless_or_chest_pain",
)
ANSWER_FIELDS = frozenset(f.name for f in fields(Answers))


class Verdict(Enum):
    """What the pain-monitoring model says after a run. The two REST_ verdicts are for a run logged in the
    protect phase, against the advice: it never counts for the ladder."""

    PROGRESS = "progress"
    REPEAT = "repeat"
    STEP_BACK = "step_back"
    REST_GOES_ON = "rest_goes_on"
    REST_RESTARTS = "rest_restarts"

    @property
    def against_advice(self) -> bool:
        return self in (Verdict.REST_GOES_ON, Verdict.REST_RESTARTS)

    @property
    def holds_back(self) -> bool:
        """The run asked too much: a level down, or the rest started again."""
        return self in (Verdict.STEP_BACK, Verdict.REST_RESTARTS)


@dataclass(frozen=True, slots=True)
class Because:
    """One reason, in the runner's words, with the key of its source (core.sources or NEW_SOURCES); a
    reason taken from the self-check's triage keeps its urgency level."""

    code: str
    text: Text
    source: str
    level: Level | None = None


@dataclass(frozen=True, slots=True)
class Review:
    """A physiotherapist or GP saw the runner on this day. Escalations raised up to and including it are
    closed, the counters behind them start again, and the run level may be set."""

    date: dt.date
    level: int | None = None

    def __post_init__(self) -> None:
        if self.level is not None and not FIRST_LEVEL <= self.level <= TOP_LEVEL:
            raise ValueError(f"a review can set the run level to {FIRST_LEVEL}-{TOP_LEVEL} only")


@dataclass(frozen=True, slots=True)
class Programme:
    """One runner's recovery programme, from a self-check result or set up by a physiotherapist.

    protect_days overrides the seed's rest range for this severity (core.plan.REST_DAYS); advice_level and
    advice_reasons carry the self-check's advice (physio or GP) into the programme until a review."""

    start: dt.date
    severity: str
    strength_exercises: tuple[str, ...]
    condition: str | None = None
    start_level: int = FIRST_LEVEL
    protect_days: tuple[int, int] | None = None
    reviews: tuple[Review, ...] = ()
    advice_level: Level = Level.SELF_CARE
    advice_reasons: tuple[Because, ...] = ()

    def __post_init__(self) -> None:
        if self.severity not in REST_DAYS:
            raise ValueError(f"severity must be one of {sorted(REST_DAYS)}, not {self.severity!r}")
        if not self.strength_exercises:
            raise ValueError("a programme needs at least one strength exercise")
        for key in self.strength_exercises:
            exercise = EXERCISE_BY_KEY.get(key)
            if exercise is None or exercise.kind != "strength":
                raise ValueError(f"{key!r} is not a strength exercise of content.exercises")
        if len(set(self.strength_exercises)) != len(self.strength_exercises):
            raise ValueError("each strength exercise may appear once")
        if not FIRST_LEVEL <= self.start_level <= TOP_LEVEL:
            raise ValueError(f"start_level must be {FIRST_LEVEL}-{TOP_LEVEL}")
        if self.protect_days is not None:
            low, high = self.protect_days
            if not 0 <= low <= high:
                raise ValueError("protect_days must be (shortest, longest) with 0 <= shortest <= longest")
        if self.advice_level >= Level.URGENT:
            raise ValueError("a same-day or 112 advice needs care first, not a programme")

    @property
    def rest_days(self) -> tuple[int, int]:
        return self.protect_days if self.protect_days is not None else REST_DAYS[self.severity]


def _check_pain(name: str, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"{name} must be a whole number 0-10, not {value!r}")


@dataclass(frozen=True, slots=True)
class SessionLog:
    """What the runner noted about one session. Pain is 0-10; None means not noted (yet)."""

    date: dt.date
    kind: LogKind
    level: int | None = None  # the run level done; None = the level that was planned
    pain_during: int | None = None
    pain_after: int | None = None
    pain_next_morning: int | None = None
    swelling: bool = False
    giving_way: bool = False
    easy_and_pain_free: bool | None = None  # strength: every exercise felt easy and did not hurt
    squat_heels_down: bool | None = None  # squat test: a full squat with the heels on the floor
    signs: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.kind not in LOG_KINDS:
            raise ValueError(f"kind must be one of {LOG_KINDS}, not {self.kind!r}")
        if self.level is not None and not FIRST_LEVEL <= self.level <= TOP_LEVEL:
            raise ValueError(f"level must be {FIRST_LEVEL}-{TOP_LEVEL}")
        for name in ("pain_during", "pain_after", "pain_next_morning"):
            _check_pain(name, getattr(self, name))
        unknown = set(self.signs) - set(RED_FLAG_SIGNS)
        if unknown:
            raise ValueError(f"unknown signs: {sorted(unknown)}")

    @property
    def pains(self) -> tuple[int, ...]:
        return tuple(p for p in (self.pain_during, self.pain_after, self.pain_next_morning) if p is not None)

    @property
    def highest_pain(self) -> int | None:
        return max(self.pains, default=None)

    @property
    def activity_pain(self) -> int | None:
        """The higher of pain during and straight after: the activity pain of Silbernagel's model."""
        return max((p for p in (self.pain_during, self.pain_after) if p is not None), default=None)


@dataclass(frozen=True, slots=True)
class Decision:
    """The ladder's decision after one run."""

    date: dt.date
    verdict: Verdict
    level_before: int
    level_after: int
    reasons: tuple[Because, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source for r in self.reasons))

    def has(self, code: str) -> bool:
        return any(r.code == code for r in self.reasons)


@dataclass(frozen=True, slots=True)
class DayRecord:
    """One day of the programme as the replay ended it: the phase, the walk-run level in force (None while
    the ladder has not started) and the highest knee pain noted that day (None when none was noted). The
    chart and the header read these, so they cannot tell a different level or pain than the decisions."""

    date: dt.date
    phase: Phase
    level: int | None
    pain: int | None


@dataclass(frozen=True, slots=True)
class Escalation:
    """Advice to get care. Physio and GP come with the booking link ("book"); same-day and 112 advice is
    the self-check's own (core.triage), with its reasons."""

    date: dt.date
    level: Level
    code: str
    reasons: tuple[Because, ...]

    @property
    def link(self) -> str | None:
        return "book" if self.level in (Level.PHYSIO, Level.GP) else None

    @property
    def advice(self) -> Text:
        return self.level.action

    @property
    def pauses_running(self) -> bool:
        return self.level >= Level.GP

    @property
    def care_only(self) -> bool:
        return self.level >= Level.URGENT

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source for r in self.reasons))


@dataclass(frozen=True, slots=True)
class Dose:
    sets: int
    amount: int
    unit: Literal["reps", "seconds"]

    def describe(self) -> Text:
        if self.unit == "seconds":
            return Text(f"{self.sets} × {self.amount} seconden", f"{self.sets} × {self.amount} seconds")
        return Text(f"{self.sets} × {self.amount} herhalingen", f"{self.sets} × {self.amount} repetitions")


@dataclass(frozen=True, slots=True)
class ExerciseDose:
    exercise: str  # key of content.exercises
    dose: Dose


@dataclass(frozen=True, slots=True)
class StrengthStep:
    """One change of a strength exercise or its dose."""

    date: dt.date
    before: ExerciseDose
    after: ExerciseDose
    reason: Because


@dataclass(frozen=True, slots=True)
class SquatTrend:
    tests: tuple[tuple[dt.date, bool], ...]  # (date, heels stayed down), oldest first
    trend: Literal["untested", "once", "better", "worse", "still_passing", "still_failing"]
    text: Text


@dataclass(frozen=True, slots=True)
class CoolingAdvice:
    """Optional comfort advice (action "cooling"), with the evidence note "ice_dose" beside it."""

    items: tuple[Text, ...]
    suggested_now: bool
    action: str = "cooling"
    evidence: tuple[str, ...] = ("ice_dose",)


@dataclass(frozen=True, slots=True)
class PlannedSession:
    kind: PlanKind
    title: Text
    what: tuple[Text, ...]
    why: Text
    sources: tuple[str, ...]
    evidence: tuple[str, ...] = ()  # keys of content EvidenceNotes shown beside it
    level: int | None = None  # run level
    minutes: int | None = None
    exercises: tuple[ExerciseDose, ...] = ()  # strength
    activities: tuple[str, ...] = ()  # cross-training or mobility keys
    link: str | None = None  # "book": the booking page
    done: bool = False  # already logged today


@dataclass(frozen=True, slots=True)
class DayPlan:
    date: dt.date
    phase: Phase
    sessions: tuple[PlannedSession, ...]

    @property
    def run(self) -> PlannedSession | None:
        return next((s for s in self.sessions if s.kind == "run"), None)

    @property
    def is_rest_day(self) -> bool:
        """No running today (mobility, cross-training and strength may still be on)."""
        return self.run is None

    def has(self, kind: PlanKind) -> bool:
        return any(s.kind == kind for s in self.sessions)


@dataclass(frozen=True, slots=True)
class PlanBasis:
    """What the planner needs to lay out the coming days; taken from the replay as of `today`."""

    today: dt.date
    severity: str
    rest_days: tuple[int, int]
    phase: Phase
    level: int
    return_from: dt.date | None  # first day running may start; None while the pain has not settled
    last_run: dt.date | None
    min_days_to_next_run: int
    runs_this_week: int
    last_strength: dt.date | None
    strength_this_week: int
    last_squat_test: dt.date | None
    logged_today: frozenset[str]
    strength: tuple[ExerciseDose, ...]
    escalation: Escalation | None


@dataclass(frozen=True, slots=True)
class ProgrammeState:
    programme: Programme
    today: dt.date
    phase: Phase
    level: int
    good_runs_at_level: int
    return_start: dt.date | None
    decisions: tuple[Decision, ...]
    strength: tuple[ExerciseDose, ...]
    strength_steps: tuple[StrengthStep, ...]
    escalation: Escalation | None  # the most urgent one still open
    escalations: tuple[Escalation, ...]  # every one raised, oldest first
    squat: SquatTrend
    cooling: CoolingAdvice
    basis: PlanBasis
    week_ahead: tuple[DayPlan, ...]
    history: tuple[DayRecord, ...] = ()  # every day from the start to today, oldest first
    earliest_return: dt.date | None = None  # first day the rest may end (moves when the rest restarts)

    @property
    def today_plan(self) -> DayPlan:
        return self.week_ahead[0]

    @property
    def on_hold(self) -> bool:
        """A same-day or 112 escalation is open: nothing goes on until a doctor has seen the runner."""
        return self.escalation is not None and self.escalation.care_only
