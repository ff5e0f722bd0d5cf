"""The first lines of a physio's record: who, red flags, pain, load, the programme, and what disagrees.

Written for a clinician, in the third person, with each figure's method named. Built only from what the
caller passes, which is the shared data alone (core.sharing): a category not shared gives a line saying
so, never a number. Sources: the red flags of core.triage_rules (core.red_flags); pain as Silbernagel's
pain-monitoring model scores it (highest of during, after and next morning, 0-10, per ISO week); weekly
distance and the 10% rule (Nielsen 2014, as core.metrics.weekly); single-run spikes against the longest run
of the 30 days before (Nielsen et al. 2025, core.metrics.spikes); the acute:chronic ratio as a 7-day sum
over the 28-day weekly average (Hulin 2016, core.metrics.load_ratio); the walk-run ladder's levels and its
duration tolerance (core.recovery.ladder, docs/recovery.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .metrics.localtime import day_date, day_number, mondays_of
from .metrics.model import History
from .metrics.overview import Snapshot
from .metrics.pain import weekly_highest_pain
from .recovery.ladder import DURATION_MARGIN_MIN, DURATION_TOLERANCE, run_level
from .recovery.model import ProgrammeState
from .red_flags import RedFlags
from .sharing import Sharing
from .text import Language, T, Text, format_day, format_number

PAIN_WEEKS = 4
LOAD_WEEKS = 4
RECENT_DAYS = 28
DISAGREEING_PAIN = 2  # two records of one day's pain this far apart are flagged


@dataclass(frozen=True, slots=True)
class Line:
    key: str  # red_flags | pain | load | spike | programme | disagreement
    label: Text
    text: Text
    anchor: str  # the section below that holds the detail
    alert: bool = False


@dataclass(frozen=True, slots=True)
class LoggedSession:
    """A programme session as logged (kind, level) with the pain noted in the programme that day."""

    date: date
    kind: str
    level: int | None
    pain: int | None = None


def age_in_years(born: date, on: date) -> int:
    """Completed years on `on` (a birthday on 29 February counts from 1 March in other years)."""
    before_birthday = (on.month, on.day) < (born.month, born.day)
    return on.year - born.year - int(before_birthday)


def _both(make: Callable[[Language], str]) -> Text:
    return Text(nl=make("nl"), en=make("en"))


def _day(day: date | int, lang: Language) -> str:
    return format_day(day_date(day) if isinstance(day, int) else day, lang, "short")


NOT_SHARED = T("niet gedeeld door de loper", "not shared by the runner")
LABEL = {
    "red_flags": T("Rode vlaggen", "Red flags"),
    "pain": T("Pijn", "Pain"),
    "load": T("Belasting", "Load"),
    "spike": T("Piek", "Spike"),
    "programme": T("Programma", "Programme"),
    "disagreement": T("Tegenstrijdig", "Contradiction"),
}


def _line(key: str, text: Text, anchor: str, alert: bool = False) -> Line:
    return Line(key, LABEL[key], text, anchor, alert)


def red_flag_line(sharing: Sharing, flags: RedFlags | None) -> Line:
    if not sharing.selfcheck:
        return _line("red_flags", NOT_SHARED, "#selfcheck")
    if flags is None:
        return _line("red_flags", T("geen zelfcheck ingevuld", "no self-check filled in"), "#selfcheck")

    def words(lang: Language) -> str:
        when = format_day(flags.on, lang, "short_year")
        if flags.flags:
            found = "; ".join(f.get(lang) for f in flags.flags)
            text = (
                f"ja: {found} (zelfcheck van {when})"
                if lang == "nl"
                else f"yes: {found} (self-check of {when})"
            )
        else:
            text = (
                f"geen gemeld (zelfcheck van {when})"
                if lang == "nl"
                else f"none reported (self-check of {when})"
            )
        if flags.unanswered:
            count = len(flags.unanswered)
            if lang == "nl":
                text += f"; {count} {'vraag' if count == 1 else 'vragen'} over alarmsignalen onbeantwoord"
            else:
                text += f"; {count} warning-sign question{'' if count == 1 else 's'} left unanswered"
        return text

    return _line("red_flags", _both(words), "#selfcheck", alert=bool(flags.flags))


def pain_line(sharing: Sharing, history: History | None, today: date) -> Line:
    if not sharing.pain or history is None:
        return _line("pain", NOT_SHARED, "#pain")
    days = history.days
    last = day_number(today)
    this_monday = int(mondays_of(np.asarray([last], dtype=np.int64))[0])
    mondays = this_monday - 7 * np.arange(PAIN_WEEKS - 1, -1, -1, dtype=np.int64)
    weekly = weekly_highest_pain(days, mondays, last)
    recent = days.between(last - RECENT_DAYS + 1, last)
    swollen = [int(d) for d in recent.day[recent.swelling]]
    if not np.isfinite(weekly).any() and not swollen:
        return _line(
            "pain",
            T("geen pijn genoteerd in de laatste 4 weken", "no pain noted in the last 4 weeks"),
            "#pain",
        )
    scores = [None if not np.isfinite(v) else int(v) for v in weekly]
    known = [s for s in scores if s is not None]
    rising = len(known) >= 2 and all(a < b for a, b in zip(known, known[1:], strict=False))

    def words(lang: Language) -> str:
        cells = " · ".join("–" if s is None else str(s) for s in scores)
        first = format_day(day_date(int(mondays[0])), lang, "short")
        if lang == "nl":
            text = f"hoogste per week (0-10, tijdens/na/volgende ochtend), vanaf {first}: {cells}"
            text += ", stijgend" if rising else ""
            text += f"; knie dik op {', '.join(_day(d, lang) for d in swollen)}" if swollen else ""
        else:
            text = f"highest per week (0-10, during/after/next morning), from {first}: {cells}"
            text += ", rising" if rising else ""
            text += f"; knee swollen on {', '.join(_day(d, lang) for d in swollen)}" if swollen else ""
        return text

    alert = bool(swollen) or (bool(known) and known[-1] >= 5) or rising
    return _line("pain", _both(words), "#pain", alert=alert)


def load_line(sharing: Sharing, snapshot: Snapshot | None) -> Line:
    if not sharing.training or snapshot is None:
        return _line("load", NOT_SHARED, "#training")
    weeks = snapshot.weeks
    rows = list(range(max(len(weeks) - LOAD_WEEKS, 0), len(weeks)))
    if not rows:
        return _line("load", T("geen trainingen in het log", "no training in the log"), "#training")
    km = [float(weeks.running_km[r]) for r in rows]
    going = not bool(weeks.complete[rows[-1]])
    # The 10% rule is about a whole week: the one going on now counts once it is over.
    judged = rows[-2] if going and len(rows) >= 2 else rows[-1] if not going else None
    growth = float(weeks.growth[judged]) if judged is not None else float("nan")
    broke = bool(weeks.breaks_ten_percent[judged]) if judged is not None else False
    ratio_series = snapshot.ratios.uncoupled
    ratio = float(ratio_series[-1]) if len(ratio_series) else float("nan")

    def words(lang: Language) -> str:
        cells = " → ".join(format_number(round(k, 1), lang) for k in km)
        first = format_day(day_date(int(weeks.monday[rows[0]])), lang, "short")
        if lang == "nl":
            text = f"km per week vanaf {first}{' (deze week loopt nog)' if going else ''}: {cells}"
            if np.isfinite(growth):
                sign = "+" if growth >= 0 else ""
                text += f"; {'vorige week' if going else 'laatste week'} {sign}{format_number(round(growth * 100), lang)}%"
                text += " (boven de 10%-regel)" if broke else ""
            if np.isfinite(ratio):
                text += f"; acute:chronische ratio {format_number(round(ratio, 2), lang)} (7-daagse som / gemiddelde week van 28 dagen)"
        else:
            text = f"km per week from {first}{' (this week is still going)' if going else ''}: {cells}"
            if np.isfinite(growth):
                text += f"; {'the week before' if going else 'last week'} {'+' if growth >= 0 else ''}{format_number(round(growth * 100), lang)}%"
                text += " (above the 10% rule)" if broke else ""
            if np.isfinite(ratio):
                text += f"; acute:chronic ratio {format_number(round(ratio, 2), lang)} (7-day sum / average week of 28 days)"
        return text

    alert = broke or (np.isfinite(ratio) and ratio > 1.5)
    return _line("load", _both(words), "#training", alert=bool(alert))


def spike_line(sharing: Sharing, snapshot: Snapshot | None) -> Line | None:
    """The largest single-run spike of the last 28 days, or None when there was none."""
    if not sharing.training or snapshot is None:
        return None
    spikes = snapshot.spikes
    recent = (
        (spikes.local_day > snapshot.today - RECENT_DAYS) & np.isfinite(spikes.excess) & (spikes.excess > 0.1)
    )
    if not recent.any():
        return None
    at = int(np.flatnonzero(recent)[np.argmax(spikes.excess[recent])])
    km, before, excess = (
        float(spikes.run_km[at]),
        float(spikes.longest_previous_km[at]),
        float(spikes.excess[at]),
    )
    day = int(spikes.local_day[at])

    def words(lang: Language) -> str:
        if lang == "nl":
            return (
                f"{format_number(round(km, 1), lang)} km op {_day(day, lang)}: {format_number(round(excess * 100), lang)}% "
                f"langer dan de langste loop van de 30 dagen ervoor ({format_number(round(before, 1), lang)} km)"
            )
        return (
            f"{format_number(round(km, 1), lang)} km on {_day(day, lang)}: {format_number(round(excess * 100), lang)}% "
            f"longer than the longest run of the 30 days before ({format_number(round(before, 1), lang)} km)"
        )

    return _line("spike", _both(words), "#training", alert=excess > 0.3)


def programme_line(
    sharing: Sharing, state: ProgrammeState | None, sessions: Sequence[LoggedSession], running: bool
) -> Line:
    if not sharing.recovery:
        return _line("programme", NOT_SHARED, "#recovery")
    if not running:
        return _line(
            "programme", T("geen herstelprogramma actief", "no recovery programme running"), "#recovery"
        )
    last = sessions[-1] if sessions else None

    def words(lang: Language) -> str:
        parts = []
        if state is not None:
            if state.phase == "protect":
                parts.append("rustfase, nog niet hardlopen" if lang == "nl" else "rest phase, no running yet")
            elif state.phase == "done":
                parts.append(
                    "wandel-hardloopschema klaar (8 van 8)"
                    if lang == "nl"
                    else "walk-run ladder done (8 of 8)"
                )
            else:
                parts.append(
                    f"wandel-hardloopniveau {state.level} van 8"
                    if lang == "nl"
                    else f"walk-run level {state.level} of 8"
                )
        else:
            parts.append(
                "niveau en fase: het pijnlog wordt niet gedeeld"
                if lang == "nl"
                else "level and phase: the pain log is not shared"
            )
        if last is None:
            parts.append("nog geen sessie gelogd" if lang == "nl" else "no session logged yet")
        else:
            level = (
                ""
                if last.level is None
                else (f", niveau {last.level}" if lang == "nl" else f", level {last.level}")
            )
            label = SESSION_KINDS.get(last.kind, Text(last.kind, last.kind)).get(lang)
            parts.append(
                f"laatste sessie {_day(last.date, lang)}: {label}{level}"
                if lang == "nl"
                else f"last session {_day(last.date, lang)}: {label}{level}"
            )
        return "; ".join(parts)

    alert = state is not None and state.escalation is not None
    return _line("programme", _both(words), "#recovery", alert=alert)


SESSION_KINDS = {
    "run": T("wandel-hardloopsessie", "walk-run session"),
    "strength": T("krachtoefeningen", "strength exercises"),
    "mobility": T("mobiliteit", "mobility"),
    "squat_test": T("diepe-squattest", "deep-squat test"),
}


def disagreements(
    sharing: Sharing,
    history: History | None,
    state: ProgrammeState | None,
    sessions: Sequence[LoggedSession],
    today: date,
) -> list[Line]:
    """Where two shared sources tell different stories, flagged rather than smoothed over:
    - one day's pain in the pain log and in a programme session 2 or more points apart (needs pain and
      the programme);
    - a run in the training log longer than the programme allows that day: any run in the rest phase, or
      one longer than the level's session with the ladder's own tolerance (needs training, pain and the
      programme, since the level is worked out from the pain)."""
    found: list[Line] = []
    if history is None:
        return found
    first = day_number(today) - RECENT_DAYS + 1
    if sharing.pain and sharing.recovery:
        days = history.days.between(first, day_number(today))
        for session in sessions:
            if session.pain is None or day_number(session.date) < first:
                continue
            row = np.flatnonzero(days.day == day_number(session.date))
            if not row.size:
                continue
            values = [days.pain_during[row[0]], days.pain_after[row[0]], days.pain_next_morning[row[0]]]
            logged = [int(v) for v in values if np.isfinite(v)]
            if logged and abs(max(logged) - session.pain) >= DISAGREEING_PAIN:
                found.append(_pain_disagreement(session, logged))
    if sharing.training and state is not None:
        found += _runs_beyond_the_programme(history, state, first)
    return found


def _pain_disagreement(session: LoggedSession, logged: list[int]) -> Line:
    def words(lang: Language) -> str:
        scores = "/".join(str(v) for v in logged)
        label = SESSION_KINDS.get(session.kind, Text(session.kind, session.kind)).get(lang)
        if lang == "nl":
            return f"{_day(session.date, lang)}: pijnlog {scores} van 10, programma ({label}) {session.pain} van 10"
        return (
            f"{_day(session.date, lang)}: pain log {scores} of 10, programme ({label}) {session.pain} of 10"
        )

    return _line("disagreement", _both(words), "#pain", alert=True)


def _runs_beyond_the_programme(history: History, state: ProgrammeState, first: int) -> list[Line]:
    """One line for all runs beyond what the programme allowed in the last 28 days, naming the longest."""
    by_day = {day_number(record.date): record for record in state.history}
    acts = history.activities
    beyond: list[tuple[float, int, float, int | None, float | None]] = []
    for i in np.flatnonzero(acts.running & (acts.local_day >= first)):
        record = by_day.get(int(acts.local_day[i]))
        if record is None or record.phase == "done" or (record.phase != "protect" and record.level is None):
            continue
        minutes = float(acts.minutes[i])
        allowed = None
        if record.phase != "protect" and record.level is not None:
            session = run_level(record.level)
            allowed = session.total_minutes + max(
                DURATION_MARGIN_MIN, DURATION_TOLERANCE * session.total_minutes
            )
            if minutes <= allowed:
                continue
        beyond.append((minutes, int(acts.local_day[i]), float(acts.km[i]), record.level, allowed))
    if not beyond:
        return []
    minutes, day, km, level, allowed = max(beyond)

    def words(lang: Language) -> str:
        run = f"{format_number(round(km, 1), lang)} km in {format_number(round(minutes), lang)} min"
        count = len(beyond)
        if lang == "nl":
            where = (
                "in de rustfase"
                if allowed is None
                else f"op niveau {level} (een sessie tot {format_number(round(allowed), lang)} min)"
            )
            runs = "1 loop" if count == 1 else f"{count} lopen"
            return (
                f"het trainingslog heeft {runs} in de laatste 4 weken die het programma niet toeliet; de langste: "
                f"{_day(day, lang)}, {run}, terwijl het programma {where} stond"
            )
        where = (
            "in the rest phase"
            if allowed is None
            else f"at level {level} (a session of up to {format_number(round(allowed), lang)} min)"
        )
        runs = "1 run" if count == 1 else f"{count} runs"
        return (
            f"the training log has {runs} in the last 4 weeks that the programme did not allow; the longest: "
            f"{_day(day, lang)}, {run}, while the programme was {where}"
        )

    return [_line("disagreement", _both(words), "#recovery", alert=True)]
