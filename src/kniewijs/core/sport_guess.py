"""Which sport a recording was, from its data, when the file does not say.

Rationale and sources of the bounds (all speeds are average moving speeds):
- Running: recreational runners mostly run 8-15 km/h; elite road runners race at about 20-21 km/h
  (a 2:01 marathon is 20.8 km/h), so a sustained average above 20 km/h is no run.
- Walking: walking speed is about 4-6 km/h (Bohannon 1997, comfortable gait speed 1.3-1.5 m/s); the
  walk-to-run transition lies near 7 km/h (Hreljac 1993: 2.0 m/s). A walk's step rate is about
  100-130 steps/min, a run's 150-190 (Heiderscheit 2011); Garmin and many GPX/TCX writers give a run's
  cadence per foot (75-95).
- Cycling: a pedalling cadence of about 60-100 rpm (Lucia 2001, pro cyclists 70-90 rpm) at
  15-40 km/h average.
- Over about 45 km/h sustained is no human-powered sport in a runners' app: a car, a train, a lift.

The cadence is as the file records it (per foot or both feet); it only decides in the speed bands where
speed alone is ambiguous. A sport the device names is never second-guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .activity import Sport
from .text import T, Text

WALKING_MAX_KMH = 7.0  # walk-to-run transition
RUNNING_MAX_KMH = 20.0  # above elite road-race pace
RUNNING_FAST_KMH = 15.0  # above this a run is rare; a step rate must confirm it
HUMAN_MAX_KMH = 45.0  # above this: a vehicle
RUN_STEPS_MIN = 140.0  # both feet, running
RUN_PER_FOOT = (70.0, 100.0)  # one foot, running (Garmin 'cad')


@dataclass(frozen=True, slots=True)
class SportGuess:
    """The sport and, when it was guessed, the evidence in the runner's words (None: the file said)."""

    sport: Sport
    evidence: Text | None


def _km_h(speed_mps: float | None) -> float | None:
    if speed_mps is None or not math.isfinite(speed_mps) or speed_mps <= 0:
        return None
    return speed_mps * 3.6


def _runs_by_cadence(cadence: float | None) -> bool:
    if cadence is None:
        return False
    return cadence >= RUN_STEPS_MIN or RUN_PER_FOOT[0] <= cadence < RUN_PER_FOOT[1]


def guess_sport(
    avg_moving_speed_mps: float | None,
    cadence: float | None = None,
    device_sport: Sport | None = None,
    default: Sport = "running",
) -> SportGuess:
    """The sport of a recording: the device's own when it names one, else guessed from speed and cadence.

    Without a usable speed the guess is `default` (the app's assumption), with evidence saying so.
    """
    if device_sport is not None:
        return SportGuess(device_sport, None)
    speed = _km_h(avg_moving_speed_mps)
    if cadence is not None and (not math.isfinite(cadence) or cadence <= 0):
        cadence = None
    if speed is None:
        return SportGuess(
            default,
            T(
                "aangenomen: het bestand noemt geen sport en heeft geen snelheid",
                "assumed: the file names no sport and has no speed",
            ),
        )
    sport: Sport
    used_cadence = False
    if speed > HUMAN_MAX_KMH:
        sport = "other"
    elif speed > RUNNING_MAX_KMH:
        sport = "cycling"
    elif speed > RUNNING_FAST_KMH:
        used_cadence = cadence is not None
        # A per-foot run cadence and a pedalling cadence overlap; only a whole-step rate proves a run.
        sport = "running" if cadence is not None and cadence >= RUN_STEPS_MIN else "cycling"
    elif speed >= WALKING_MAX_KMH:
        sport = "running"
    else:
        used_cadence = cadence is not None
        sport = "running" if _runs_by_cadence(cadence) else "walking"
    if used_cadence and cadence is not None:
        evidence = T(
            "geraden uit {speed} km/u en een cadans van {cadence} per minuut",
            "guessed from {speed} km/h and a cadence of {cadence} per minute",
        ).format(speed=round(speed, 1), cadence=round(cadence))
    else:
        evidence = T("geraden uit {speed} km/u", "guessed from {speed} km/h").format(speed=round(speed, 1))
    return SportGuess(sport, evidence)
