"""Example answer sets shown in the demo, one per kind of outcome, so a visitor can see every level."""

from __future__ import annotations

from typing import Any

from kniewijs.core.text import T, Text

# Every red-flag question answered "no": an example then states only what makes it its own case.
NO_WARNING_SIGNS: dict[str, Any] = {
    "injury": False,
    "swelling": "none",
    "warm": False,
    "red": False,
    "fever": False,
    "locking": False,
    "giving_way": False,
    "calf_swelling": False,
    "can_take_4_steps": True,
    "can_bend_90": True,
    "deformity": False,
    "kneecap_shifted": False,
    "limp": False,
    "hip_or_groin_pain": False,
    "feeling_ill_or_weight_loss": False,
    "night_pain": False,
    "pain_at_rest": False,
    "breathless_or_chest_pain": False,
}

EXAMPLES: dict[str, tuple[Text, dict[str, Any]]] = {
    "knieschijf": (
        T(
            "Drie weken pijn rond de knieschijf bij traplopen",
            "Three weeks of pain around the kneecap on stairs",
        ),
        {
            "age": 34,
            **NO_WARNING_SIGNS,
            "weeks": 3,
            "pain_now": 1,
            "pain_running": 3,
            "pain_next_morning": 0,
            "improving_with_rest": True,
            "location": "kneecap",
            "worse_with": ["stairs", "squatting"],
            "weekly_km_now": 30,
            "weekly_km_4_weeks_ago": 18,
            "longest_run_km_30d": 10,
            "last_long_run_km": 15,
            "rest_days_per_week": 1,
            "sleep_hours": 6.5,
            "shoe_km": 750,
            "strength_sessions_per_week": 0,
            "deep_squat_heels_down": False,
            "cadence_spm": 158,
        },
    ),
    "buitenkant": (
        T("Pijn aan de buitenkant na een snelle opbouw", "Pain on the outside after a fast build-up"),
        {
            "age": 41,
            **NO_WARNING_SIGNS,
            "weeks": 1,
            "pain_now": 2,
            "pain_running": 5,
            "pain_next_morning": 2,
            "improving_with_rest": True,
            "location": "outside",
            "worse_with": ["downhill", "running"],
            "weekly_km_now": 40,
            "weekly_km_4_weeks_ago": 35,
            "longest_run_km_30d": 14,
            "last_long_run_km": 21,
            "rest_days_per_week": 2,
            "sleep_hours": 8,
            "shoe_km": 300,
            "strength_sessions_per_week": 2,
            "deep_squat_heels_down": True,
        },
    ),
    "blijft-pijn": (
        T(
            "Vijf weken pijn aan de binnenkant die niet zakt met rust",
            "Five weeks of pain on the inside that rest does not ease",
        ),
        {
            "age": 47,
            **NO_WARNING_SIGNS,
            "weeks": 5,
            "pain_now": 3,
            "pain_running": 5,
            "pain_next_morning": 3,
            "improving_with_rest": False,
            "location": "inside",
            "worse_with": ["running", "stairs"],
            "weekly_km_now": 20,
            "weekly_km_4_weeks_ago": 25,
            "rest_days_per_week": 3,
            "sleep_hours": 7.5,
            "shoe_km": 400,
            "strength_sessions_per_week": 1,
        },
    ),
    "warme-knie": (
        T("Een warme, rode, dikke knie met koorts", "A hot, red, swollen knee with fever"),
        {
            "age": 52,
            **NO_WARNING_SIGNS,
            "swelling": "slow",
            "warm": True,
            "red": True,
            "fever": True,
            "weeks": 0.3,
            "pain_now": 6,
        },
    ),
    "knap": (
        T(
            "Een knap bij het verdraaien, daarna niet meer kunnen lopen",
            "A pop on twisting, then unable to walk",
        ),
        {
            "age": 29,
            "injury": True,
            "pop": True,
            "sudden_severe_pain": True,
            "lost_function": True,
            "can_take_4_steps": False,
            "can_bend_90": False,
            "deformity": False,
            "swelling": "fast",
        },
    ),
}
