"""The deep-squat self-test, repeated weekly, and its trend.

Seed: can you squat deeply with your heels on the floor? If not, hips or ankles are stiff and 5-10 minutes
of mobility work a day helps. The test is repeated every 7 days (plan.py: 'repeat the squat test every
week'); the trend compares the latest result with the one before it.
"""

from __future__ import annotations

import datetime as dt

from ..text import T
from .model import SquatTrend

TEST_EVERY_DAYS = 7


def squat_test_due(last_test: dt.date | None, day: dt.date) -> bool:
    """Due on the first day of the programme and then 7 days after the last test (seed; weekly)."""
    return last_test is None or (day - last_test).days >= TEST_EVERY_DAYS


def squat_trend(tests: tuple[tuple[dt.date, bool], ...]) -> SquatTrend:
    """Latest against the previous result: better, worse, still passing or still failing."""
    if not tests:
        return SquatTrend(
            tests,
            "untested",
            T(
                "U heeft de hurktest nog niet gedaan.",
                "You have not done the squat test yet.",
            ),
        )
    latest = tests[-1][1]
    if len(tests) == 1:
        text = (
            T(
                "Uw hielen bleven op de grond. Herhaal de test elke week.",
                "Your heels stayed down. Repeat the test every week.",
            )
            if latest
            else T(
                "Uw hielen kwamen los. Met dagelijks 5 tot 10 minuten soepelheidsoefeningen gaat dat vaak "
                "beter; test het elke week opnieuw.",
                "Your heels came up. Daily mobility work of 5 to 10 minutes often helps; test it again "
                "every week.",
            )
        )
        return SquatTrend(tests, "once", text)
    previous = tests[-2][1]
    if latest and not previous:
        return SquatTrend(
            tests,
            "better",
            T(
                "Vooruitgang: deze keer bleven uw hielen op de grond.",
                "Progress: this time your heels stayed down.",
            ),
        )
    if previous and not latest:
        return SquatTrend(
            tests,
            "worse",
            T(
                "Deze keer kwamen uw hielen los, vorige keer niet. Blijf de soepelheidsoefeningen doen.",
                "This time your heels came up, last time they did not. Keep up the mobility work.",
            ),
        )
    if latest:
        return SquatTrend(
            tests,
            "still_passing",
            T(
                "Uw hielen blijven op de grond. Blijf in beweging om dat zo te houden.",
                "Your heels keep staying down. Keep moving to keep it that way.",
            ),
        )
    return SquatTrend(
        tests,
        "still_failing",
        T(
            "Uw hielen komen nog los. Blijf elke dag 5 tot 10 minuten oefenen; dit gaat geleidelijk.",
            "Your heels still come up. Keep practising 5 to 10 minutes a day; this comes gradually.",
        ),
    )
