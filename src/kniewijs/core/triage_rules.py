"""The urgency rules of the self-check. Every rule is a small function whose docstring names its source.

How a rule reads a missing answer (the contract: a missing answer is unknown, never "no"):
- A rule fires only on a sign the runner reported: a "yes", a "no" where "no" is the alarm (cannot take
  four steps), or a number past its threshold. An unknown sign never fires a rule; it is listed as an
  open safety question instead (core.triage.unanswered_safety).
- The conditions that narrow a sign down (how long ago, whether it followed an injury, "and still now",
  the runner's age band) read an unknown the safer way: an unknown duration counts as recent, an unknown
  injury as an injury, an unknown "can you walk now" as "not yet".
The level is decided by the most urgent rule that fires; no rule can lower the level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .answers import Answers
from .levels import Level
from .load import PainZone, pain_zone
from .text import T, Text

# The numbers the rules compare with, in one place: core.triage probes an unanswered number on both sides
# of each of them.
OTTAWA_WINDOW_WEEKS = 1.0  # Ottawa knee rule: an injury within 7 days
HOT_JOINT_WEEKS = 2.0  # BSR/BOA: a hot swollen joint that developed over two weeks or less
PERSISTENT_WEEKS = 2.0  # seed: pain for longer than two weeks despite rest
SLOW_RECOVERY_WEEKS = 6.0  # seed: most runners recover within four to six weeks
OLDER_FROM_AGE = 55  # Ottawa knee rule; fracture risk after a fall
CHILD_BELOW_AGE = 18  # JGZ-richtlijn Extremiteiten: a limping child sees the GP within 24 hours
SEVERE_PAIN = 8  # NTS: pain of 8 or more raises the urgency
THRESHOLDS: dict[str, tuple[float, ...]] = {
    "weeks": (OTTAWA_WINDOW_WEEKS, HOT_JOINT_WEEKS, PERSISTENT_WEEKS, SLOW_RECOVERY_WEEKS),
    "age": (CHILD_BELOW_AGE, OLDER_FROM_AGE),
    "pain_now": (6, SEVERE_PAIN),  # 6 = the first figure of Silbernagel's "too much" zone
}


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    level: Level
    text: Text
    source: str  # a key of core.sources.SOURCES
    evidence: str | None = None  # a key of content.EVIDENCE_BY_KEY shown beside the reason


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    level: Level
    source: str
    test: Callable[[Answers], Text | None]
    evidence: str | None = None

    def __call__(self, answers: Answers) -> Reason | None:
        text = self.test(answers)
        if text is None:
            return None
        return Reason(self.code, self.level, text, self.source, self.evidence)


RULES: list[Rule] = []


def rule(
    level: Level, source: str, evidence: str | None = None
) -> Callable[[Callable[[Answers], Text | None]], Rule]:
    def register(fn: Callable[[Answers], Text | None]) -> Rule:
        r = Rule(fn.__name__, level, source, fn, evidence)
        RULES.append(r)
        return r

    return register


# --- readings of a condition that narrows a sign: unknown reads the safer way ------------------------


def recent(a: Answers, weeks: float) -> bool:
    """Unknown duration counts as recent."""
    return a.weeks is None or a.weeks <= weeks


def lasting(a: Answers, weeks: float) -> bool:
    """Unknown duration counts as long enough: for rules about pain that does not go away."""
    return a.weeks is None or a.weeks > weeks


def maybe_injured(a: Answers) -> bool:
    """After a moment of injury, or not known that there was none. A fall is a moment of injury, but an
    explicit 'no injury' wins over a stray 'fall' answer (the wizard never asks about a fall then)."""
    return a.injury is not False


def injured(a: Answers) -> bool:
    """A moment of injury reported (an injury, or a fall when the injury question was not answered)."""
    return a.injury is True or (a.injury is None and a.fall is True)


def fell(a: Answers) -> bool:
    return a.fall is True and maybe_injured(a)


def maybe_older(a: Answers) -> bool:
    return a.age is None or a.age >= OLDER_FROM_AGE


def maybe_child(a: Answers) -> bool:
    return a.age is None or a.age < CHILD_BELOW_AGE


def still_cannot_walk(a: Answers) -> bool:
    """Loss of function at the moment of injury that has not been shown to be over."""
    lost = a.lost_function is True or a.can_take_4_steps is False
    return lost and a.can_take_4_steps is not True


# --- 112 -------------------------------------------------------------------------------------------


@rule(Level.EMERGENCY, "seed", evidence="call_112")
def pop_with_loss_of_function(a: Answers) -> Text | None:
    """Seed: call 112 for sudden severe pain or an audible pop together with immediate loss of function.
    The NTS keeps 112 for the life-threatening, so it holds only while the function is still lost: the
    runner cannot take four steps now, or has not said that they can."""
    if not maybe_injured(a) or not (a.pop or a.sudden_severe_pain) or not still_cannot_walk(a):
        return None
    if a.can_take_4_steps is None:
        return T(
            "U hoorde of voelde een knap, of kreeg plotseling hevige pijn, en kon daarna niet verder. "
            "We weten niet of u nu weer vier stappen kunt zetten; daarom gaan we ervan uit dat dat niet lukt.",
            "You heard or felt a pop, or had sudden severe pain, and could not go on afterwards. We do not "
            "know whether you can take four steps now, so we assume you cannot.",
        )
    return T(
        "U hoorde of voelde een knap, of kreeg plotseling hevige pijn, en u kunt het been nog steeds niet "
        "belasten.",
        "You heard or felt a pop, or had sudden severe pain, and you still cannot put weight on the leg.",
    )


@rule(Level.EMERGENCY, "wells_dvt")
def breathless_or_chest_pain(a: Answers) -> Text | None:
    """Wells/NTS: sudden breathlessness or chest pain, above all with a swollen calf or after a long
    journey, surgery or a cast, can be a clot in the lungs (pulmonary embolism): 112."""
    if a.breathless_or_chest_pain:
        return T(
            "Kortademigheid of pijn op de borst kan betekenen dat er een bloedstolsel in de longen zit "
            "(een longembolie), of dat er iets met uw hart is. Zeg dat aan de telefoon; het gaat dan niet "
            "om uw knie.",
            "Shortness of breath or chest pain can mean a blood clot in the lungs (a pulmonary embolism) or "
            "a problem with your heart. Say so on the phone; it is not about your knee then.",
        )
    return None


# --- same day ----------------------------------------------------------------------------------------


@rule(Level.URGENT, "nhg_m66", evidence="call_112")
def pop_walking_again(a: Answers) -> Text | None:
    """Seed + NTS: a pop with immediate loss of function, where the runner walks again now, is not
    life-threatening; NHG M66 wants such a knee examined (fracture, torn ligament) the same day."""
    if maybe_injured(a) and (a.pop or a.sudden_severe_pain) and a.lost_function and a.can_take_4_steps:
        return T(
            "U hoorde een knap of kreeg plotseling hevige pijn en kon direct daarna niet verder. Nu kunt u "
            "weer lopen: 112 is niet meer nodig, maar laat de knie vandaag nog onderzoeken.",
            "You heard a pop or had sudden severe pain and could not go on straight afterwards. You can walk "
            "again now: 112 is no longer needed, but have the knee examined today.",
        )
    return None


@rule(Level.URGENT, "bsr_hot_joint")
def hot_swollen_knee(a: Answers) -> Text | None:
    """BSR/BOA hot swollen joint guideline (Coakley 2006): a warm (or red), swollen knee that arose within
    two weeks is an infected joint until proven otherwise, with or without fever."""
    if (a.warm or a.red) and a.swollen and recent(a, HOT_JOINT_WEEKS):
        return T(
            "Een knie die binnen twee weken warm of rood en dik is geworden, moet dezelfde dag worden "
            "bekeken: een ontsteking door een bacterie moet worden uitgesloten, ook zonder koorts.",
            "A knee that became warm or red and swollen within two weeks needs to be seen the same day: "
            "a bacterial infection must be ruled out, even without fever.",
        )
    return None


@rule(Level.URGENT, "bsr_hot_joint")
def fever_with_inflamed_knee(a: Answers) -> Text | None:
    """BSR/BOA hot swollen joint guideline: fever together with a warm, red or swollen knee."""
    if a.fever and (a.warm or a.red or a.swollen):
        return T(
            "Koorts samen met een warme, rode of dikke knie kan een gewrichtsinfectie zijn.",
            "Fever together with a warm, red or swollen knee can be a joint infection.",
        )
    return None


@rule(Level.URGENT, "nice_cks_knee")
def fever_with_rest_pain_or_illness(a: Answers) -> Text | None:
    """NICE CKS knee pain: fever with pain at rest or at night, or with feeling ill, can be an infection of
    the joint or the bone; the GP's 'within days' becomes today."""
    if a.fever and (a.night_pain or a.pain_at_rest or a.feeling_ill_or_weight_loss):
        return T(
            "Koorts samen met pijn in rust of 's nachts, of terwijl u zich ziek voelt, kan een infectie van "
            "het gewricht of het bot zijn.",
            "Fever together with pain at rest or at night, or while you feel ill, can be an infection of the "
            "joint or the bone.",
        )
    return None


@rule(Level.URGENT, "wells_dvt")
def swollen_calf(a: Answers) -> Text | None:
    """Wells score: a swollen, tender calf can be a deep vein thrombosis and needs same-day assessment; a
    long journey, surgery, a cast or bed rest in the last weeks makes it more likely."""
    if not a.calf_swelling:
        return None
    if a.dvt_risk:
        return T(
            "Een dikke, pijnlijke kuit kan een trombosebeen zijn: een bloedstolsel in een ader. Na een lange "
            "reis, een operatie, gips of bedrust is die kans groter. Dat moet vandaag worden uitgesloten.",
            "A swollen, painful calf can be a deep vein thrombosis: a blood clot in a vein. After a long "
            "journey, surgery, a cast or bed rest that is more likely. It has to be ruled out today.",
        )
    return T(
        "Een dikke, pijnlijke kuit kan een trombosebeen zijn: een bloedstolsel in een ader. Dat moet vandaag "
        "worden uitgesloten.",
        "A swollen, painful calf can be a deep vein thrombosis: a blood clot in a vein. It has to be ruled out "
        "today.",
    )


@rule(Level.URGENT, "nhg_m66")
def locked_knee(a: Answers) -> Text | None:
    """NHG M66 (2020): a locked knee that cannot be straightened is referred the same day."""
    if a.locking:
        return T(
            "Een knie die vastzit en niet meer gestrekt kan worden, moet dezelfde dag worden onderzocht.",
            "A knee that is stuck and cannot be straightened should be examined the same day.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def visible_deformity(a: Answers) -> Text | None:
    """NHG M66 (2020): a visible deformity or a kneecap out of place suggests a fracture or dislocation."""
    if a.deformity:
        return T(
            "Een knie of knieschijf die zichtbaar verkeerd staat, kan gebroken of uit de kom zijn.",
            "A knee or kneecap that looks out of place may be broken or dislocated.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def kneecap_dislocated(a: Answers) -> Text | None:
    """NHG M66 (2020) and regional referral agreements: after a (suspected) dislocation of the kneecap,
    also one that went back by itself, the knee is examined the same day for a broken-off piece of bone
    or cartilage."""
    if a.kneecap_shifted:
        return T(
            "Uw knieschijf schoot uit de kom. Ook als hij vanzelf terugschoot, moet een arts vandaag kijken "
            "of er een stukje bot of kraakbeen is afgebroken.",
            "Your kneecap slipped out of place. Even if it went back by itself, a doctor should check today "
            "whether a piece of bone or cartilage has broken off.",
        )
    return None


@rule(Level.URGENT, "ottawa")
def ottawa_knee_rule(a: Answers) -> Text | None:
    """Ottawa knee rule (Bachmann 2004): after an injury within 7 days an X-ray is indicated if any of:
    age 55 or over, tenderness of the kneecap only, tenderness at the fibular head, cannot bend to 90
    degrees, cannot take four steps."""
    if not injured(a) or not recent(a, OTTAWA_WINDOW_WEEKS):
        return None
    criteria = [
        a.age is not None and a.age >= OLDER_FROM_AGE,
        a.tender_kneecap_only is True,
        a.tender_fibular_head is True,
        a.can_bend_90 is False,
        still_cannot_walk(a),  # right after the injury and now; "now" unknown reads as "not yet"
    ]
    if any(criteria):
        return T(
            "Volgens de Ottawa-knieregel is na dit letsel een röntgenfoto nodig om een breuk uit te sluiten.",
            "By the Ottawa knee rule, this injury needs an X-ray to rule out a fracture.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def fall_older_cannot_walk_or_bend(a: Answers) -> Text | None:
    """NHG M66 (2020): at 55 or older a fall breaks bone more easily, and a fracture is not ruled out by
    time: still unable to bear weight or bend the knee after a fall, at any time since, is seen today."""
    if fell(a) and maybe_older(a) and (a.can_take_4_steps is False or a.can_bend_90 is False):
        return T(
            "U bent gevallen en kunt het been nog steeds niet belasten of de knie niet goed buigen. Vanaf "
            "uw 55e breekt een bot sneller; ook als de val al langer geleden is, moet vandaag een breuk "
            "worden uitgesloten.",
            "You fell and still cannot put weight on the leg or bend the knee properly. From the age of 55 "
            "bones break more easily; even if the fall was a while ago, a fracture has to be ruled out today.",
        )
    return None


@rule(Level.URGENT, "nice_cks_knee")
def cannot_lift_straight_leg(a: Answers) -> Text | None:
    """NICE CKS knee pain and NHG M66: unable to lift the straight leg after a fall or a blow means the
    tendon above or below the kneecap (the extensor mechanism) may be torn: same-day referral."""
    if a.straight_leg_raise is False and maybe_injured(a):
        return T(
            "U kunt het gestrekte been niet optillen. Na een val of klap kan dat betekenen dat de pees boven "
            "of onder de knieschijf is gescheurd; dat moet vandaag worden onderzocht.",
            "You cannot lift the straight leg. After a fall or a blow that can mean the tendon above or below "
            "the kneecap is torn; that has to be examined today.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def instability_after_injury(a: Answers) -> Text | None:
    """NHG M66 (2020): clear instability after an injury (possible ligament tear) is referred the same day."""
    if a.giving_way and maybe_injured(a):
        return T(
            "De knie zakt weg sinds het letsel. Dat kan wijzen op een gescheurde kruisband of een andere "
            "beschadigde band.",
            "The knee has been giving way since the injury. That can point to a torn cruciate or another "
            "damaged ligament.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def rapid_swelling_after_injury(a: Answers) -> Text | None:
    """NHG M66 (2020): swelling within hours of an injury suggests bleeding in the joint."""
    if a.swelling == "fast" and maybe_injured(a):
        return T(
            "De knie werd binnen enkele uren dik. Na een letsel kan dat een bloeding in het gewricht zijn.",
            "The knee swelled within hours. After an injury that can be bleeding into the joint.",
        )
    return None


@rule(Level.URGENT, "nts")
def severe_pain_after_injury(a: Answers) -> Text | None:
    """NTS: pain of 8 or more out of 10 after an injury raises the urgency."""
    if a.pain_now is not None and a.pain_now >= SEVERE_PAIN and maybe_injured(a):
        return T(
            "U heeft na een letsel heel veel pijn (8 of meer op 10).",
            "You have very severe pain (8 or more out of 10) after an injury.",
        )
    return None


@rule(Level.URGENT, "jgz_extremiteiten")
def growing_runner_with_limp_or_hip_pain(a: Answers) -> Text | None:
    """JGZ-richtlijn Extremiteiten (2019): a limping child sees the GP within 24 hours, and a suspected slip
    of the growth plate at the top of the thigh bone (slipped capital femoral epiphysis, ages about 10-16)
    the same day; its pain is often felt only in the knee (NICE CKS knee pain: referred hip pain)."""
    if (a.limp or a.hip_or_groin_pain) and maybe_child(a):
        return T(
            "Bij kinderen en tieners die mank lopen of ook pijn in heup of lies hebben, zit de oorzaak soms "
            "in de heup, ook als vooral de knie pijn doet. Tussen ongeveer 10 en 16 jaar kan de groeischijf "
            "bovenin het dijbeen verschuiven. Laat dit binnen 24 uur door een arts onderzoeken en loop tot "
            "dan niet hard.",
            "In children and teenagers who limp or also have hip or groin pain, the cause is sometimes in the "
            "hip, even when mainly the knee hurts. Between about 10 and 16 the growth plate at the top of the "
            "thigh bone can slip. Have a doctor examine this within 24 hours and do not run until then.",
        )
    return None


# --- GP within days ----------------------------------------------------------------------------------


@rule(Level.GP, "seed")
def pain_beyond_two_weeks_despite_rest(a: Answers) -> Text | None:
    """Seed: see the GP when pain lasts longer than two weeks despite rest and exercises."""
    if a.improving_with_rest is False and lasting(a, PERSISTENT_WEEKS):
        return T(
            "De pijn duurt al langer dan twee weken en wordt niet beter van rust.",
            "The pain has lasted more than two weeks and does not improve with rest.",
        )
    return None


@rule(Level.GP, "seed")
def swelling_warmth_or_redness(a: Answers) -> Text | None:
    """Seed: see the GP for swelling, warmth or redness around the knee."""
    if a.swollen or a.warm or a.red:
        return T("De knie is dik, warm of rood.", "The knee is swollen, warm or red.")
    return None


@rule(Level.GP, "seed")
def knee_gives_way(a: Answers) -> Text | None:
    """Seed: see the GP when the knee feels unstable or gives way."""
    if a.giving_way:
        return T("De knie voelt instabiel of zakt weg.", "The knee feels unstable or gives way.")
    return None


@rule(Level.GP, "seed")
def fever(a: Answers) -> Text | None:
    """Seed: see the GP for fever or pain without an explanation."""
    if a.fever:
        return T("U heeft koorts.", "You have a fever.")
    return None


@rule(Level.GP, "nts")
def severe_pain(a: Answers) -> Text | None:
    """NTS: pain of 8 or more out of 10 usually raises urgency."""
    if a.pain_now is not None and a.pain_now >= SEVERE_PAIN:
        return T(
            "U heeft nu heel veel pijn (8 of meer op 10).",
            "You are in very severe pain now (8 or more out of 10).",
        )
    return None


@rule(Level.GP, "nhg_m66")
def cannot_bear_weight(a: Answers) -> Text | None:
    """NHG M66 / M107: a knee that cannot carry four steps needs a doctor's examination, however long ago
    an injury was and also without one: Ottawa's 7 days are the window of an X-ray rule, not a sign that
    day 8 is safe."""
    if a.can_take_4_steps is False:
        return T(
            "U kunt nu geen vier stappen zetten. Laat een arts onderzoeken waarom, ook als een letsel al "
            "langer geleden is of als er geen letsel was.",
            "You cannot take four steps now. Have a doctor find out why, also if an injury was a while ago "
            "or if there was no injury.",
        )
    if maybe_injured(a) and still_cannot_walk(a):
        return T(
            "Direct na het letsel kon u niet verder, en we weten niet of u nu weer vier stappen kunt zetten. "
            "Lukt dat niet, laat een arts dan onderzoeken waarom.",
            "Right after the injury you could not go on, and we do not know whether you can take four steps "
            "now. If you cannot, have a doctor find out why.",
        )
    return None


@rule(Level.GP, "nhg_m66")
def cannot_bend_to_right_angle(a: Answers) -> Text | None:
    """NHG M66 / M107: a knee that cannot bend to 90 degrees is restricted in movement and needs an
    examination, at any time since an injury and also without one."""
    if a.can_bend_90 is False:
        return T(
            "U kunt de knie niet tot een rechte hoek buigen. Zo'n beperking moet een arts bekijken.",
            "You cannot bend the knee to a right angle. A doctor should look at a limit like that.",
        )
    return None


@rule(Level.GP, "nice_cks_knee")
def pain_at_rest_or_at_night(a: Answers) -> Text | None:
    """NICE CKS knee pain red flags: pain at rest or pain that wakes at night is not the pattern of
    overload, which hurts with load; the GP rules out inflammation, infection or a tumour."""
    if a.night_pain or a.pain_at_rest:
        return T(
            "De knie doet ook pijn in rust of maakt u 's nachts wakker. Dat past niet bij overbelasting; "
            "laat de huisarts kijken wat het is.",
            "The knee also hurts at rest or wakes you at night. That does not fit overload; have the GP find "
            "out what it is.",
        )
    return None


@rule(Level.GP, "nice_cks_knee")
def lasting_pain_at_rest(a: Answers) -> Text | None:
    """NICE CKS knee pain red flags, with Silbernagel's zones: pain above 5 out of 10 while sitting still,
    for more than two weeks (or for an unknown time), is pain at rest that does not settle."""
    if a.pain_now is not None and pain_zone(a.pain_now) is PainZone.TOO_MUCH and lasting(a, PERSISTENT_WEEKS):
        return T(
            "U heeft nu, in rust, meer dan 5 op 10 pijn, en dat al langer dan twee weken.",
            "You have more than 5 out of 10 pain now, at rest, and have had for more than two weeks.",
        )
    return None


@rule(Level.GP, "nice_cks_knee")
def feeling_ill_or_losing_weight(a: Answers) -> Text | None:
    """NICE CKS knee pain red flags: feeling ill, night sweats or weight loss without a reason alongside
    knee pain are signs the GP wants to check."""
    if a.feeling_ill_or_weight_loss:
        return T(
            "U voelt zich ziek, zweet 's nachts of valt af zonder reden. Samen met kniepijn wil de huisarts "
            "dat onderzoeken.",
            "You feel ill, sweat at night or lose weight without a reason. Together with knee pain, the GP "
            "wants to look into that.",
        )
    return None


@rule(Level.GP, "nhg_m66")
def fall_at_older_age(a: Answers) -> Text | None:
    """NHG M66 (2020): from 55 a fall can break a bone with little force (the Ottawa rule counts the age
    alone); after the Ottawa window the GP still examines the knee within days."""
    if fell(a) and maybe_older(a):
        return T(
            "U bent gevallen en bent 55 of ouder. Laat de huisarts de knie onderzoeken: een breuk valt niet "
            "altijd meteen op.",
            "You fell and are 55 or older. Have the GP examine the knee: a fracture does not always show at "
            "once.",
        )
    return None


@rule(Level.GP, "nice_cks_knee")
def hip_or_groin_pain(a: Answers) -> Text | None:
    """NICE CKS knee pain: pain from the hip is often felt in the knee; in runners a stress fracture of
    the thigh bone's neck gives groin pain. Knee pain with hip or groin pain goes to the GP."""
    if a.hip_or_groin_pain:
        return T(
            "U heeft ook pijn in de heup of lies. Pijn uit de heup voelt u vaak in de knie, en bij lopers kan "
            "het een vermoeiingsbreukje zijn. Laat de huisarts ook de heup onderzoeken en loop tot dan niet "
            "hard.",
            "You also have pain in the hip or groin. Pain from the hip is often felt in the knee, and in "
            "runners it can be a stress fracture. Have the GP examine the hip too and do not run until then.",
        )
    return None


@rule(Level.GP, "nhg_m107")
def walks_with_a_limp(a: Answers) -> Text | None:
    """NHG M107: a limp means the knee does not carry normal walking, which is more than overload from
    running; the GP examines the knee and the hip."""
    if a.limp:
        return T(
            "U loopt mank. Dan draagt de knie gewoon lopen niet goed; laat de huisarts de knie en de heup "
            "onderzoeken.",
            "You walk with a limp. Then the knee does not carry ordinary walking well; have the GP examine the "
            "knee and the hip.",
        )
    return None


@rule(Level.GP, "nhg_m66")
def pop_at_the_injury(a: Answers) -> Text | None:
    """NHG M66 (2020): a pop or sudden severe pain at the moment of injury suggests a torn (cruciate)
    ligament, also when the runner could go on; the GP examines the knee within days and again after one
    to two weeks."""
    sign = a.pop or a.sudden_severe_pain
    if maybe_injured(a) and sign and a.lost_function is not True and not still_cannot_walk(a):
        return T(
            "U hoorde of voelde een knap, of kreeg plotseling hevige pijn, toen het gebeurde. Dat kan een "
            "gescheurde band zijn, ook als u daarna verder kon. Laat de huisarts de knie onderzoeken.",
            "You heard or felt a pop, or had sudden severe pain, when it happened. That can be a torn "
            "ligament, even if you could go on. Have the GP examine the knee.",
        )
    return None


# --- physiotherapist ---------------------------------------------------------------------------------


@rule(Level.PHYSIO, "seed")
def pain_beyond_two_weeks_rest_unknown(a: Answers) -> Text | None:
    """Seed (GP when pain lasts more than two weeks despite rest): when it is not known whether rest helps,
    the pain is at least for a physiotherapist, and the open question is asked (core.triage)."""
    if a.improving_with_rest is None and a.weeks is not None and a.weeks > PERSISTENT_WEEKS:
        return T(
            "De pijn duurt al langer dan twee weken. We weten niet of rust helpt; wordt het niet beter van "
            "rust, dan is de huisarts de juiste stap.",
            "The pain has lasted more than two weeks. We do not know whether rest helps; if it does not get "
            "better with rest, the GP is the right step.",
        )
    return None


@rule(Level.PHYSIO, "silbernagel_2007")
def too_much_pain_while_running(a: Answers) -> Text | None:
    """Silbernagel 2007 pain-monitoring model: pain above 5/10 during activity is too much."""
    if a.pain_running is not None and pain_zone(a.pain_running) is PainZone.TOO_MUCH:
        return T(
            "Tijdens het hardlopen heeft u meer pijn dan 5 op 10. Dat is te veel om zo door te gaan.",
            "While running your pain goes above 5 out of 10. That is too much to carry on like this.",
        )
    return None


@rule(Level.PHYSIO, "silbernagel_2007")
def pain_not_settled_next_morning(a: Answers) -> Text | None:
    """Silbernagel 2007: pain after running should have settled by the next morning; we call 4 or more
    'not settled', the top of the model's safe zone being 3."""
    if a.pain_next_morning is not None and pain_zone(a.pain_next_morning) is not PainZone.SAFE:
        return T(
            "De ochtend na het hardlopen is de pijn nog niet gezakt.",
            "The morning after running, the pain has not settled.",
        )
    return None


@rule(Level.PHYSIO, "seed")
def warning_signs_for_weeks(a: Answers) -> Text | None:
    """Seed: pain on stairs, running downhill or after sitting still is an early warning sign; when it has
    lasted two weeks or more it deserves a closer look."""
    if a.worse("stairs", "downhill", "sitting") and a.weeks is not None and a.weeks >= PERSISTENT_WEEKS:
        return T(
            "U heeft al een paar weken pijn bij traplopen, heuvelaf of na stilzitten. Dat zijn vroege "
            "waarschuwingssignalen van overbelasting.",
            "For a few weeks you have had pain on stairs, downhill or after sitting. Those are early "
            "warning signs of overload.",
        )
    return None


@rule(Level.PHYSIO, "seed")
def slower_than_usual_recovery(a: Answers) -> Text | None:
    """Seed: most runners recover within four to six weeks; longer than six weeks deserves an examination."""
    if a.weeks is not None and a.weeks > SLOW_RECOVERY_WEEKS:
        return T(
            "De klachten duren langer dan de vier tot zes weken waarin de meeste lopers herstellen.",
            "The complaints have lasted longer than the four to six weeks in which most runners recover.",
        )
    return None


NO_ALARM = Reason(
    "no_warning_signs",
    Level.SELF_CARE,
    T(
        "Uw antwoorden bevatten geen alarmsignalen. U kunt zelf beginnen met het plan hieronder.",
        "Your answers contain no warning signs. You can start on your own with the plan below.",
    ),
    "seed",
)
