"""Warnings about recovery, the knee, shoes and running form: resting heart rate, sleep, pain by
Silbernagel's model, swelling, shoes near or at their limit, rotation and a low cadence."""

from __future__ import annotations

from ..text import T
from .overview import Snapshot
from .shoes import ShoeState
from .warning import Warning, as_percent, date_text, km_shown


def resting_hr_warnings(snap: Snapshot) -> list[Warning]:
    """A raised resting heart rate against the own baseline (seed; threshold in wellness.py)."""
    reading = snap.resting_hr
    if reading is None or not reading.raised or reading.baseline_mean is None:
        return []
    above = reading.value - reading.baseline_mean
    return [
        Warning(
            code="resting_hr_raised",
            severity="warn",
            title=T(
                "Uw rusthartslag is {delta} slagen hoger dan normaal",
                "Your resting heart rate is {delta} beats above normal",
            ).format(delta=round(above)),
            explanation=T(
                "Op {date} was uw rusthartslag {value} slagen per minuut, terwijl uw gemiddelde over de "
                "28 dagen daarvoor {mean} was. Een hogere rusthartslag dan normaal kan betekenen dat u "
                "te weinig herstelt. Ook ziekte, stress of een slechte nacht kunnen hem verhogen. Doe "
                "het rustig aan en kijk of hij de komende dagen weer zakt.",
                "On {date} your resting heart rate was {value} beats per minute, while your average over "
                "the 28 days before was {mean}. A resting heart rate above normal can mean you are not "
                "recovering enough. Illness, stress or a bad night can raise it too. Take it easy and "
                "see whether it comes down over the next few days.",
            ).format(
                date=date_text(reading.day), value=round(reading.value), mean=round(reading.baseline_mean, 1)
            ),
            source="seed",
            link="oorzaken#recovery",
            numbers={
                "resting_hr": reading.value,
                "baseline_mean": round(reading.baseline_mean, 1),
                "baseline_sd": round(reading.baseline_sd or 0.0, 1),
                "above_baseline": round(above, 1),
            },
        )
    ]


def short_sleep_warnings(snap: Snapshot) -> list[Warning]:
    """Three or more of the last 7 nights under 7 h (seed: 7-9 h)."""
    sleep = snap.sleep
    if not sleep.too_short or sleep.mean_hours is None:
        return []
    return [
        Warning(
            code="short_sleep",
            severity="warn",
            title=T(
                "{n} van de laatste 7 nachten korter dan 7 uur geslapen",
                "{n} of the last 7 nights under 7 hours of sleep",
            ).format(n=sleep.short_nights),
            explanation=T(
                "U sliep gemiddeld {mean} uur in de {noted} nachten die u invulde. Het advies is 7 tot 9 "
                "uur per nacht: tijdens uw slaap herstelt uw lichaam van het trainen.",
                "You slept {mean} hours on average over the {noted} nights you noted. The advice is 7 to "
                "9 hours a night: your body recovers from training while you sleep.",
            ).format(mean=round(sleep.mean_hours, 1), noted=sleep.nights_noted),
            source="seed",
            link="oorzaken#recovery",
            numbers={
                "short_nights": sleep.short_nights,
                "nights_noted": sleep.nights_noted,
                "mean_hours": round(sleep.mean_hours, 1),
            },
        )
    ]


def pain_warnings(snap: Snapshot) -> list[Warning]:
    """Silbernagel 2007: too much, not settled, rising; and a swollen knee (seed: a warning sign)."""
    pain = snap.pain
    found: list[Warning] = []
    if pain.too_much and pain.worst_day is not None and pain.worst_pain is not None:
        found.append(
            Warning(
                code="pain_too_much",
                severity="alert",
                title=T("Te veel kniepijn: {pain} op 10", "Too much knee pain: {pain} out of 10").format(
                    pain=pain.worst_pain
                ),
                explanation=T(
                    "Op {date} had u tijdens of na het lopen {pain} op 10 pijn. Tot en met 3 is veilig, "
                    "4 en 5 zijn nog aanvaardbaar, boven de 5 is te veel. Loop korter of rustiger, of neem "
                    "een paar dagen rust. Blijft de pijn, of wordt hij erger, laat uw knie dan nakijken "
                    "door een fysiotherapeut of huisarts.",
                    "On {date} you had {pain} out of 10 pain during or after running. Up to 3 is safe, 4 "
                    "and 5 are still acceptable, above 5 is too much. Run shorter or easier, or rest for "
                    "a few days. If the pain stays or gets worse, have your knee checked by a "
                    "physiotherapist or GP.",
                ).format(date=date_text(pain.worst_day), pain=pain.worst_pain),
                source="silbernagel_2007",
                link="waarschuwingssignalen",
                numbers={"pain": pain.worst_pain},
            )
        )
    if pain.not_settled and pain.unsettled_day is not None and pain.unsettled_pain is not None:
        found.append(
            Warning(
                code="pain_not_settled",
                severity="warn",
                title=T(
                    "Uw knie deed de ochtend na het lopen nog pijn ({pain} op 10)",
                    "Your knee still hurt the morning after running ({pain} out of 10)",
                ).format(pain=pain.unsettled_pain),
                explanation=T(
                    "De ochtend na {date} had u nog {pain} op 10 pijn. Pijn die door het lopen opkomt, "
                    "hoort de volgende ochtend weer gezakt te zijn. Is dat niet zo, dan was de training "
                    "te zwaar. Maak uw volgende loop korter of rustiger.",
                    "The morning after {date} you still had {pain} out of 10 pain. Pain brought on by "
                    "running should have settled by the next morning. If it has not, the session was "
                    "too much. Make your next run shorter or easier.",
                ).format(date=date_text(pain.unsettled_day), pain=pain.unsettled_pain),
                source="silbernagel_2007",
                link="waarschuwingssignalen",
                numbers={"next_morning_pain": pain.unsettled_pain},
            )
        )
    if pain.rising:
        a, b, c = (float(v or 0.0) for v in pain.weekly_highest)
        found.append(
            Warning(
                code="pain_rising",
                severity="warn",
                title=T("Uw kniepijn neemt week na week toe", "Your knee pain is rising week after week"),
                explanation=T(
                    "De hoogste pijn die u noteerde was {a} op 10 twee weken geleden, {b} vorige week en "
                    "{c} deze week. Pijn mag bij het trainen even opspelen, maar hoort niet van week tot "
                    "week toe te nemen. Ga terug naar een belasting die goed voelde. Blijft de pijn "
                    "stijgen, laat uw knie dan nakijken.",
                    "The highest pain you noted was {a} out of 10 two weeks ago, {b} last week and {c} "
                    "this week. Pain may flare up a little with training, but it should not rise from "
                    "week to week. Go back to a load that felt fine. If the pain keeps rising, have your "
                    "knee checked.",
                ).format(a=a, b=b, c=c),
                source="silbernagel_2007",
                link="waarschuwingssignalen",
                numbers={"two_weeks_ago": a, "last_week": b, "this_week": c},
            )
        )
    if pain.swelling_day is not None:
        found.append(
            Warning(
                code="knee_swelling",
                severity="alert",
                title=T("U noteerde een gezwollen knie", "You noted a swollen knee"),
                explanation=T(
                    "Op {date} was uw knie gezwollen. Zichtbare zwelling is een teken om een tijdje niet "
                    "hard te lopen. Is de zwelling na een paar dagen niet gezakt, neem dan contact op met "
                    "uw huisarts. Is de knie ook warm en rood, of heeft u koorts, bel dan dezelfde dag.",
                    "On {date} your knee was swollen. Visible swelling is a sign to stop running for a "
                    "while. If the swelling has not gone down after a few days, contact your GP. If the "
                    "knee is also hot and red, or you have a fever, call the same day.",
                ).format(date=date_text(pain.swelling_day)),
                source="seed",
                link="waarschuwingssignalen",
                numbers={"days_ago": snap.today - pain.swelling_day},
            )
        )
    return found


def shoes_warnings(snap: Snapshot) -> list[Warning]:
    """Pairs at or near their limit (seed) and the second-pair suggestion (Malisoux 2015)."""
    found: list[Warning] = []
    for status in snap.shoes:
        shoe = status.shoe
        values = {
            "km": km_shown(status.km),
            "limit_km": shoe.limit_km,
            "share_percent": as_percent(status.share_of_limit),
        }
        if status.state is ShoeState.AT_LIMIT:
            found.append(
                Warning(
                    code="shoe_at_limit",
                    severity="warn",
                    title=T(
                        "Op uw schoenen '{name}' staat nu {km} km",
                        "Your shoes '{name}' now have {km} km on them",
                    ).format(name=shoe.name, km=km_shown(status.km)),
                    explanation=T(
                        "U heeft voor dit paar een grens van {limit} km ingesteld. Hardloopschoenen gaan "
                        "meestal 600 tot 800 km mee; daarna dempt het schuim minder, ook als de schoen er "
                        "nog goed uitziet. Dat een vaste grens blessures voorkomt, is niet bewezen. Kijk ze "
                        "dus goed na en vervang ze als ze plat aanvoelen of scheef zijn afgesleten.",
                        "You set a limit of {limit} km for this pair. Running shoes usually last 600 to "
                        "800 km; after that the foam cushions less, even if the shoe still looks fine. "
                        "That a fixed limit prevents injuries is not proven, so check them carefully and "
                        "replace them if they feel flat or have worn unevenly.",
                    ).format(limit=shoe.limit_km),
                    source="seed",
                    link="oorzaken#worn_shoes",
                    numbers={"shoe": shoe.id, **values},
                )
            )
        elif status.state is ShoeState.APPROACHING:
            found.append(
                Warning(
                    code="shoe_near_limit",
                    severity="info",
                    title=T(
                        "Uw schoenen '{name}' naderen hun grens: {km} van {limit} km",
                        "Your shoes '{name}' are nearing their limit: {km} of {limit} km",
                    ).format(name=shoe.name, km=km_shown(status.km), limit=shoe.limit_km),
                    explanation=T(
                        "Dat is {pct}% van de grens die u voor dit paar instelde. Denk alvast aan een "
                        "nieuw paar, en loop dat in terwijl u het oude nog gebruikt.",
                        "That is {pct}% of the limit you set for this pair. Start thinking about a new "
                        "pair, and break it in while you still use the old one.",
                    ).format(pct=as_percent(status.share_of_limit)),
                    source="seed",
                    link="oorzaken#worn_shoes",
                    numbers={"shoe": shoe.id, **values},
                )
            )
    if snap.rotation:
        per_week = round(snap.runs_per_week, 1)
        found.append(
            Warning(
                code="shoe_rotation",
                severity="info",
                title=T(
                    "Overweeg een tweede paar hardloopschoenen", "Consider a second pair of running shoes"
                ),
                explanation=T(
                    "U loopt gemiddeld {n} keer per week, steeds op hetzelfde paar. In een onderzoek "
                    "raakten lopers die afwisselend meer dan één paar gebruikten ongeveer 39% minder vaak "
                    "geblesseerd. Een tweede paar om mee af te wisselen is het overwegen waard.",
                    "You run {n} times a week on average, always in the same pair. In one study, runners "
                    "who took turns with more than one pair were injured about 39% less often. A second "
                    "pair to alternate with is worth considering.",
                ).format(n=per_week),
                source="malisoux_2015",
                link="voorkomen",
                numbers={"runs_per_week": per_week},
            )
        )
    return found


def low_cadence_warnings(snap: Snapshot) -> list[Warning]:
    """Recent cadence 5% or more below the own baseline, with the +5-10% target (Heiderscheit 2011)."""
    cadence = snap.cadence
    if cadence is None or not cadence.low or cadence.recent_spm is None or cadence.drop is None:
        return []
    low, high = cadence.target_spm
    return [
        Warning(
            code="low_cadence",
            severity="info",
            title=T(
                "Uw pasfrequentie is {pct}% lager dan normaal", "Your cadence is {pct}% lower than usual"
            ).format(pct=as_percent(cadence.drop)),
            explanation=T(
                "De afgelopen 7 dagen liep u met rond de {recent} passen per minuut, tegen normaal {base} "
                "bij uw rustige lopen van de laatste 8 weken. Kleinere, snellere passen belasten de knie "
                "minder, dus ga eerst terug naar uw gewone ritme. Wilt u uw knie verder ontlasten, dan is "
                "{low} tot {high} passen per minuut een goed doel: 5 tot 10% boven uw eigen normaal. Een "
                "vast getal als 180 is niet onderbouwd; het gaat om uw eigen ritme.",
                "In the last 7 days you ran at around {recent} steps per minute, against your usual {base} "
                "on easy runs over the last 8 weeks. Shorter, quicker steps put less load on the knee, so "
                "first get back to your usual rhythm. To ease your knee further, {low} to {high} steps per "
                "minute is a good aim: 5 to 10% above your own usual. A fixed figure such as 180 has no "
                "evidence behind it; what matters is your own rhythm.",
            ).format(
                recent=round(cadence.recent_spm),
                base=round(cadence.baseline_spm),
                low=round(low),
                high=round(high),
            ),
            source="heiderscheit_2011",
            link="oorzaken#technique",
            numbers={
                "recent_spm": round(cadence.recent_spm, 1),
                "baseline_spm": round(cadence.baseline_spm, 1),
                "target_low_spm": round(low, 1),
                "target_high_spm": round(high, 1),
            },
        )
    ]
