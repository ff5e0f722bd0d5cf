"""A cut-off recording and the whole one of the same run: stored once, as the whole one.

A watch that died mid-run leaves a file that stops early (the reader keeps what was recorded, with a note),
and the same run may come in whole later (from a phone app, or synced again). The usual duplicate test asks
for distances within 10%, which a run cut at 65% fails, so it would be counted twice. Here:
- a cut-off recording that lies inside a stored activity's time (a minute's margin) and is not longer is
  that activity: a duplicate;
- a whole recording that covers a stored cut-off one takes its place in the same row, so the runner's
  effort, shoe, name and chosen sport stay, and whatever points to the row (a programme session) too.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Activity

MARGIN_S = 60.0
# Fields the runner may have set on the cut-off activity, kept when the whole recording replaces it.
RUNNER_FIELDS = ("rpe", "shoe_id", "name")
NOT_COPIED = {"id", "user", "created_at"}


def _within(inner: tuple[float, float], outer: tuple[float, float]) -> bool:
    return inner[0] >= outer[0] - MARGIN_S and inner[1] <= outer[1] + MARGIN_S


def _not_longer(shorter: float | None, longer: float | None) -> bool:
    if shorter is None or longer is None:
        return True
    return shorter <= longer + max(200.0, 0.10 * longer)


def _span(activity: Activity) -> tuple[float, float]:
    return activity.start.timestamp(), activity.end_epoch


def covered(existing: Activity, new_span: tuple[float, float], new_distance: float | None) -> bool:
    """A cut-off recording (new) lies inside an activity already stored: the same run."""
    return _within(new_span, _span(existing)) and _not_longer(new_distance, existing.distance_m)


def take_over(new: Iterable[Activity], cut_offs: list[Activity]) -> tuple[list[Activity], list[Activity]]:
    """Whole recordings that cover one of the stored cut-off activities (those met near the new ones) are
    saved into its row; (those rows, the rest). Called inside the import's transaction."""
    upgraded: list[Activity] = []
    rest: list[Activity] = []
    free = {old.pk: old for old in cut_offs}  # each cut-off row is taken over once
    for activity in new:
        old = None if activity.is_partial else _cut_off_inside(activity, free)
        if old is None:
            rest.append(activity)
            continue
        kept = {name: getattr(old, name) for name in RUNNER_FIELDS}
        by_runner = (old.sport, old.sport_source) if old.sport_source == "runner" else None
        for field in Activity._meta.concrete_fields:
            if field.name not in NOT_COPIED:
                setattr(old, field.attname, getattr(activity, field.attname))
        old.rpe = kept["rpe"] if kept["rpe"] is not None else activity.rpe
        old.shoe_id = kept["shoe_id"] if kept["shoe_id"] is not None else activity.shoe_id
        old.name = kept["name"] or activity.name
        if by_runner is not None:
            old.sport, old.sport_source = by_runner
        old.save()
        upgraded.append(old)
    return upgraded, rest


def _cut_off_inside(whole: Activity, free: dict[int, Activity]) -> Activity | None:
    span = _span(whole)
    for pk, old in free.items():
        if _within(_span(old), span) and _not_longer(old.distance_m, whole.distance_m):
            return free.pop(pk)
    return None
