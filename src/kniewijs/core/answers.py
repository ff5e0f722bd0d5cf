"""The self-check's answers: the field catalogue, validation and the typed answer set.

The names and meanings follow shared/contracts/selfcheck-answers.schema.json; a missing answer means
'not asked / unknown', never 'no'. Two fields are our own additions for the Ottawa knee rule (tenderness
spots). Yes/no signs that the wizard asks as 'tick what applies' are worded as statements.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from .text import T, Text

Kind = Literal["bool", "int", "number", "choice", "multi"]


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind
    label: Text
    help: Text | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Choice, ...] = ()
    unit: Text | None = None


LOCATION_CHOICES = (
    Choice("front", T("Voorkant van de knie", "Front of the knee")),
    Choice("kneecap", T("Rond of achter de knieschijf", "Around or behind the kneecap")),
    Choice("outside", T("Buitenkant", "Outside")),
    Choice("inside", T("Binnenkant", "Inside")),
    Choice("back", T("Achterkant (knieholte)", "Back (hollow of the knee)")),
    Choice(
        "diffuse", T("De hele knie, niet precies aan te wijzen", "The whole knee, hard to point to one spot")
    ),
)
WORSE_WITH_CHOICES = (
    Choice("stairs", T("Traplopen", "Stairs")),
    Choice("downhill", T("Heuvelaf lopen of rennen", "Running or walking downhill")),
    Choice("sitting", T("Na lang stilzitten", "After sitting still for a long time")),
    Choice("squatting", T("Hurken of diep door de knieën gaan", "Squatting or bending the knees deeply")),
    Choice("running", T("Hardlopen zelf", "Running itself")),
    Choice("jumping", T("Springen", "Jumping")),
)
SWELLING_CHOICES = (
    Choice("none", T("Geen zwelling", "No swelling")),
    Choice("slow", T("Langzaam ontstaan (na een dag of later)", "Came on slowly (after a day or later)")),
    Choice("fast", T("Snel ontstaan (binnen enkele uren)", "Came on quickly (within a few hours)")),
)

KM = T("km", "km")

FIELDS: tuple[Field, ...] = (
    Field(
        "age",
        "int",
        T("Hoe oud bent u?", "How old are you?"),
        minimum=5,
        maximum=110,
        unit=T("jaar", "years"),
    ),
    Field(
        "injury",
        "bool",
        T(
            "Begon het op één moment, door verdraaien, een klap of een val?",
            "Did it start at one moment, through a twist, a blow or a fall?",
        ),
        help=T(
            "Kies 'nee' als de pijn geleidelijk is gekomen.", "Choose 'no' if the pain came on gradually."
        ),
    ),
    Field(
        "fall",
        "bool",
        T("Kwam het door een val?", "Did it happen in a fall?"),
    ),
    Field(
        "pop", "bool", T("Hoorde of voelde u toen een knap?", "Did you hear or feel a pop at that moment?")
    ),
    Field(
        "sudden_severe_pain", "bool", T("Kreeg u plotseling hevige pijn?", "Did you get sudden, severe pain?")
    ),
    Field(
        "lost_function",
        "bool",
        T(
            "Kon u direct daarna niet meer verder of uw been niet meer gebruiken?",
            "Right afterwards, could you not go on or use your leg?",
        ),
    ),
    Field(
        "can_take_4_steps",
        "bool",
        T(
            "Kunt u nu vier stappen zetten, ook al is het met pijn?",
            "Can you take four steps now, even if it hurts?",
        ),
    ),
    Field(
        "can_bend_90",
        "bool",
        T("Kunt u de knie tot een rechte hoek buigen?", "Can you bend the knee to a right angle?"),
    ),
    Field(
        "deformity",
        "bool",
        T(
            "De knie of knieschijf staat zichtbaar scheef of op een verkeerde plek",
            "The knee or kneecap looks out of place or misshapen",
        ),
    ),
    Field(
        "straight_leg_raise",
        "bool",
        T(
            "Ga op uw rug liggen. Kunt u het been met gestrekte knie een stukje optillen?",
            "Lie on your back. Can you lift the leg a little with the knee kept straight?",
        ),
        help=T(
            "Lukt dat niet na een val of een klap, dan kan de pees boven of onder de knieschijf gescheurd zijn.",
            "If you cannot after a fall or a blow, the tendon above or below the kneecap may be torn.",
        ),
    ),
    Field(
        "tender_kneecap_only",
        "bool",
        T(
            "Doet alleen de knieschijf pijn als u erop drukt?",
            "Is the kneecap the only spot that hurts when you press on it?",
        ),
    ),
    Field(
        "tender_fibular_head",
        "bool",
        T(
            "Doet het knobbeltje aan de buitenkant, net onder de knie, pijn bij drukken?",
            "Does the bony bump on the outside, just below the knee, hurt when pressed?",
        ),
    ),
    Field(
        "kneecap_shifted",
        "bool",
        T(
            "Mijn knieschijf schoot uit de kom (ook als hij vanzelf terugschoot)",
            "My kneecap slipped out of place (even if it went back by itself)",
        ),
    ),
    Field(
        "swelling",
        "choice",
        T("Is de knie dik geworden?", "Has the knee swollen up?"),
        choices=SWELLING_CHOICES,
    ),
    Field("warm", "bool", T("De knie voelt warm aan", "The knee feels warm")),
    Field("red", "bool", T("De huid rond de knie is rood", "The skin around the knee is red")),
    Field("fever", "bool", T("Ik heb koorts (38 °C of hoger)", "I have a fever (38 °C or higher)")),
    Field(
        "locking",
        "bool",
        T(
            "De knie schiet vast en ik kan hem niet meer strekken",
            "The knee gets stuck and I cannot straighten it",
        ),
    ),
    Field(
        "giving_way",
        "bool",
        T("De knie zakt soms weg of voelt instabiel", "The knee sometimes gives way or feels unstable"),
    ),
    Field(
        "calf_swelling",
        "bool",
        T("Mijn kuit is dik, pijnlijk of gespannen", "My calf is swollen, painful or tight"),
    ),
    Field(
        "breathless_or_chest_pain",
        "bool",
        T(
            "Ik ben kortademig of heb pijn op de borst",
            "I am short of breath or have chest pain",
        ),
    ),
    Field(
        "limp",
        "bool",
        T("Ik loop nu mank", "I walk with a limp now"),
    ),
    Field(
        "hip_or_groin_pain",
        "bool",
        T("Ik heb ook pijn in mijn heup of lies", "I also have pain in my hip or groin"),
    ),
    Field(
        "night_pain",
        "bool",
        T("Ik word 's nachts wakker van de pijn", "The pain wakes me up at night"),
    ),
    Field(
        "pain_at_rest",
        "bool",
        T(
            "De knie doet ook pijn als ik stil zit of lig, niet alleen als ik beweeg",
            "The knee also hurts when I sit or lie still, not only when I move",
        ),
    ),
    Field(
        "feeling_ill_or_weight_loss",
        "bool",
        T(
            "Ik voel me ziek, zweet 's nachts of val af zonder dat ik weet waarom",
            "I feel ill, sweat at night or lose weight without knowing why",
        ),
    ),
    Field(
        "dvt_risk",
        "bool",
        T(
            "Heeft u in de afgelopen 4 weken een lange reis gemaakt (meer dan 4 uur zitten), een operatie "
            "gehad, in het gips gezeten of dagen in bed gelegen?",
            "In the past 4 weeks, have you made a long journey (more than 4 hours sitting), had surgery, "
            "worn a plaster cast or spent days in bed?",
        ),
    ),
    Field(
        "weeks",
        "number",
        T("Hoeveel weken heeft u de klachten al?", "How many weeks have you had the complaints?"),
        help=T(
            "Na een letsel: hoe lang geleden het gebeurde. Minder dan een week? Vul dan bijvoorbeeld 0,5 in.",
            "After an injury: how long ago it happened. Less than a week? Enter, say, 0.5.",
        ),
        minimum=0,
        unit=T("weken", "weeks"),
    ),
    Field(
        "pain_now",
        "int",
        T("Hoeveel pijn heeft u nu, in rust?", "How much pain do you have now, at rest?"),
        help=T(
            "0 is geen pijn, 10 is de ergste pijn die u zich kunt voorstellen.",
            "0 is no pain, 10 is the worst pain you can imagine.",
        ),
        minimum=0,
        maximum=10,
    ),
    Field(
        "pain_running",
        "int",
        T("Hoeveel pijn had u tijdens het hardlopen?", "How much pain did you have while running?"),
        minimum=0,
        maximum=10,
    ),
    Field(
        "pain_next_morning",
        "int",
        T(
            "Hoeveel pijn had u de ochtend na het hardlopen?",
            "How much pain did you have the morning after running?",
        ),
        minimum=0,
        maximum=10,
    ),
    Field(
        "improving_with_rest",
        "bool",
        T("Wordt het beter als u rust neemt?", "Does it get better when you rest?"),
    ),
    Field(
        "location",
        "choice",
        T("Waar zit de pijn vooral?", "Where is the pain mostly?"),
        choices=LOCATION_CHOICES,
    ),
    Field(
        "worse_with",
        "multi",
        T("Wanneer is de pijn erger?", "When is the pain worse?"),
        help=T("Kies alles wat past.", "Choose everything that applies."),
        choices=WORSE_WITH_CHOICES,
    ),
    Field(
        "weekly_km_now",
        "number",
        T("Hoeveel kilometer loopt u nu per week?", "How many kilometres a week do you run now?"),
        minimum=0,
        unit=KM,
    ),
    Field(
        "weekly_km_4_weeks_ago",
        "number",
        T(
            "En hoeveel kilometer per week was dat vier weken geleden?",
            "And how many kilometres a week was it four weeks ago?",
        ),
        minimum=0,
        unit=KM,
    ),
    # The last long run first: the question after it counts back from that run.
    Field(
        "last_long_run_km",
        "number",
        T("Hoe lang was uw laatste lange loop?", "How long was your last long run?"),
        minimum=0,
        unit=KM,
    ),
    Field(
        "longest_run_km_30d",
        "number",
        T(
            "Wat was uw langste loop in de 30 dagen vóór die loop?",
            "What was your longest run in the 30 days before that run?",
        ),
        minimum=0,
        unit=KM,
    ),
    Field(
        "rest_days_per_week",
        "int",
        T(
            "Hoeveel dagen per week loopt u niet en traint u niet zwaar?",
            "How many days a week do you neither run nor train hard?",
        ),
        minimum=0,
        maximum=7,
    ),
    Field(
        "sleep_hours",
        "number",
        T("Hoeveel uur slaapt u gemiddeld per nacht?", "How many hours do you sleep a night?"),
        minimum=0,
        maximum=24,
        unit=T("uur", "hours"),
    ),
    Field(
        "shoe_km",
        "number",
        T(
            "Hoeveel kilometer hebben uw hardloopschoenen ongeveer gelopen?",
            "About how many kilometres have your running shoes done?",
        ),
        minimum=0,
        unit=KM,
    ),
    Field(
        "strength_sessions_per_week",
        "int",
        T("Hoe vaak per week doet u krachtoefeningen?", "How often a week do you do strength exercises?"),
        minimum=0,
        maximum=14,
    ),
    Field(
        "deep_squat_heels_down",
        "bool",
        T(
            "Kunt u diep hurken terwijl uw hielen op de grond blijven?",
            "Can you squat all the way down with your heels on the floor?",
        ),
    ),
    Field(
        "cadence_spm",
        "number",
        T(
            "Wat is uw pasfrequentie bij rustig lopen, als u die weet?",
            "What is your step rate on easy runs, if you know it?",
        ),
        help=T(
            "Uw horloge noemt dit cadans, in stappen per minuut.",
            "Your watch calls this cadence, in steps per minute.",
        ),
        minimum=100,
        maximum=250,
        unit=T("stappen per minuut", "steps per minute"),
    ),
)

FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}


@dataclass(frozen=True, slots=True)
class Answers:
    """One runner's answers. None means not asked or not known."""

    age: int | None = None
    injury: bool | None = None
    fall: bool | None = None
    pop: bool | None = None
    sudden_severe_pain: bool | None = None
    lost_function: bool | None = None
    can_take_4_steps: bool | None = None
    can_bend_90: bool | None = None
    deformity: bool | None = None
    straight_leg_raise: bool | None = None
    kneecap_shifted: bool | None = None
    tender_kneecap_only: bool | None = None
    tender_fibular_head: bool | None = None
    swelling: str | None = None
    warm: bool | None = None
    red: bool | None = None
    fever: bool | None = None
    locking: bool | None = None
    giving_way: bool | None = None
    calf_swelling: bool | None = None
    breathless_or_chest_pain: bool | None = None
    limp: bool | None = None
    hip_or_groin_pain: bool | None = None
    night_pain: bool | None = None
    pain_at_rest: bool | None = None
    feeling_ill_or_weight_loss: bool | None = None
    dvt_risk: bool | None = None
    weeks: float | None = None
    pain_now: int | None = None
    pain_running: int | None = None
    pain_next_morning: int | None = None
    improving_with_rest: bool | None = None
    location: str | None = None
    worse_with: frozenset[str] = field(default_factory=frozenset)
    weekly_km_now: float | None = None
    weekly_km_4_weeks_ago: float | None = None
    longest_run_km_30d: float | None = None
    last_long_run_km: float | None = None
    rest_days_per_week: int | None = None
    sleep_hours: float | None = None
    shoe_km: float | None = None
    strength_sessions_per_week: int | None = None
    deep_squat_heels_down: bool | None = None
    cadence_spm: float | None = None

    @property
    def swollen(self) -> bool:
        return self.swelling in ("slow", "fast")

    def worse(self, *activities: str) -> bool:
        return any(a in self.worse_with for a in activities)

    def to_dict(self) -> dict[str, Any]:
        """The answers in contract form, leaving out what was not answered."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "worse_with":
                if value:
                    out[f.name] = sorted(value)
            elif value is not None:
                out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: Text


class InvalidAnswers(ValueError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message.en}" for e in errors))


def _check_bounds(spec: Field, value: float) -> Text | None:
    if spec.minimum is not None and value < spec.minimum:
        return T("Dit getal moet minstens {m} zijn.", "This number must be at least {m}.").format(
            m=spec.minimum
        )
    if spec.maximum is not None and value > spec.maximum:
        return T("Dit getal mag hoogstens {m} zijn.", "This number must be at most {m}.").format(
            m=spec.maximum
        )
    return None


def check_value(spec: Field, value: Any) -> Text | None:
    """Return why a single value is wrong for its field, or None when it is fine."""
    if spec.kind == "bool":
        if not isinstance(value, bool):
            return T("Kies ja of nee.", "Choose yes or no.")
        return None
    if spec.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                return _check_bounds(spec, value)
            return T("Vul een heel getal in.", "Enter a whole number.")
        return _check_bounds(spec, value)
    if spec.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return T("Vul een getal in.", "Enter a number.")
        return _check_bounds(spec, float(value))
    allowed = {c.value for c in spec.choices}
    if spec.kind == "choice":
        if not isinstance(value, str) or value not in allowed:
            return T("Kies een van de mogelijkheden.", "Choose one of the options.")
        return None
    if not isinstance(value, list | tuple) or any(not isinstance(v, str) or v not in allowed for v in value):
        return T("Kies uit de mogelijkheden.", "Choose from the options.")
    return None


def parse_answers(raw: Mapping[str, Any]) -> Answers:
    """Validate raw answers (from JSON or a form) and build an Answers. Unknown extra fields are ignored,
    as the contract allows; every bad field is reported at once."""
    if not isinstance(raw, Mapping):
        raise InvalidAnswers(
            [
                FieldError(
                    "(answers)",
                    T("De antwoorden moeten een JSON-object zijn.", "The answers must be a JSON object."),
                )
            ]
        )
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    for name, value in raw.items():
        spec = FIELD_BY_NAME.get(name)
        if spec is None or value is None:
            continue
        problem = check_value(spec, value)
        if problem is not None:
            errors.append(FieldError(name, problem))
            continue
        if spec.kind == "int":
            clean[name] = int(value)
        elif spec.kind == "number":
            clean[name] = float(value)
        elif spec.kind == "multi":
            clean[name] = frozenset(value)
        else:
            clean[name] = value
    if errors:
        raise InvalidAnswers(errors)
    return Answers(**clean)
