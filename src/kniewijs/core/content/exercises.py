"""Strength and mobility exercises: the clinic page's five, the hip- and knee-focused ones of the
patellofemoral consensus (Crossley 2016), and the hip and ankle mobility work. Re-exported by content.knowledge.
"""

from __future__ import annotations

from ..text import T
from .model import Exercise

_STRENGTH_DOSE = T(
    "3 series van 10 tot 15 herhalingen, 2 tot 3 keer per week.",
    "3 sets of 10 to 15 repetitions, 2 to 3 times a week.",
)
_STRENGTH_DOSE_PER_LEG = T(
    "3 series van 10 tot 15 herhalingen per been, 2 tot 3 keer per week.",
    "3 sets of 10 to 15 repetitions on each leg, 2 to 3 times a week.",
)
_STRENGTH_DOSE_PER_SIDE = T(
    "3 series van 10 tot 15 herhalingen per kant, 2 tot 3 keer per week.",
    "3 sets of 10 to 15 repetitions on each side, 2 to 3 times a week.",
)
_STRETCH_DOSE = T(
    "2 tot 3 keer 30 seconden per kant, elke dag.",
    "2 to 3 times 30 seconds on each side, every day.",
)

EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        key="single_leg_squat",
        name=T("Squat op één been", "Single-leg squat"),
        purpose=T(
            "Maakt uw knie stabieler en verbetert uw balans.",
            "Makes your knee steadier and improves your balance.",
        ),
        how=(
            T(
                "Ga op één been staan. Houd u zo nodig met één hand vast aan een muur of stoel.",
                "Stand on one leg. Hold on to a wall or chair with one hand if you need to.",
            ),
            T(
                "Buig de knie langzaam, alsof u wilt gaan zitten. Ga niet dieper dan u zonder pijn kunt "
                "volhouden.",
                "Slowly bend the knee as if you were about to sit down. Go no deeper than you can manage "
                "without pain.",
            ),
            T(
                "Houd uw knie recht boven uw voet. Laat hem niet naar binnen zakken.",
                "Keep your knee straight over your foot. Do not let it drop inwards.",
            ),
            T("Kom rustig weer omhoog.", "Come back up slowly."),
        ),
        dose=_STRENGTH_DOSE_PER_LEG,
    ),
    Exercise(
        key="glute_bridge",
        name=T("Bruggetje", "Glute bridge"),
        purpose=T("Zet uw bilspieren aan het werk.", "Gets your glute muscles working."),
        how=(
            T(
                "Ga op uw rug liggen met uw knieën gebogen en uw voeten plat op de grond, op heupbreedte.",
                "Lie on your back with your knees bent and your feet flat on the floor, hip-width apart.",
            ),
            T(
                "Span uw billen aan en til uw bekken op tot schouders, heupen en knieën op één lijn liggen.",
                "Squeeze your buttocks and lift your hips until your shoulders, hips and knees form a "
                "straight line.",
            ),
            T("Houd dit 2 tellen vast.", "Hold for a count of 2."),
            T("Laat uw bekken langzaam weer zakken.", "Lower your hips slowly."),
        ),
        dose=_STRENGTH_DOSE,
    ),
    Exercise(
        key="side_lying_leg_raise",
        name=T("Zijwaarts been heffen", "Side-lying leg raise"),
        purpose=T(
            "Versterkt de spieren aan de zijkant van uw heup, die het been naar buiten bewegen.",
            "Strengthens the muscles on the side of your hip that move the leg outwards.",
        ),
        how=(
            T(
                "Ga op uw zij liggen. Buig het onderste been een beetje.",
                "Lie on your side. Bend your bottom leg slightly.",
            ),
            T(
                "Strek het bovenste been, met uw tenen naar voren.",
                "Straighten your top leg, with your toes pointing forwards.",
            ),
            T(
                "Til het bovenste been langzaam op tot ongeveer heuphoogte. Laat uw bekken niet naar "
                "achteren kantelen.",
                "Slowly lift the top leg to about hip height. Do not let your pelvis roll backwards.",
            ),
            T("Laat het been gecontroleerd zakken.", "Lower the leg with control."),
        ),
        dose=_STRENGTH_DOSE_PER_SIDE,
    ),
    Exercise(
        key="bulgarian_split_squat",
        name=T("Bulgaarse split squat", "Bulgarian split squat"),
        purpose=T("Traint de kracht van het hele been.", "Builds strength in the whole leg."),
        how=(
            T(
                "Ga met uw rug naar een bank of stoel staan en leg de wreef van uw achterste voet erop.",
                "Stand with your back to a bench or chair and rest the top of your back foot on it.",
            ),
            T(
                "Zet de voorste voet zo ver naar voren dat uw knie boven de voet blijft als u zakt.",
                "Place your front foot far enough forward that your knee stays above it as you lower.",
            ),
            T(
                "Zak recht naar beneden door de voorste knie te buigen, tot uw dij bijna horizontaal is of "
                "zo ver als zonder pijn gaat.",
                "Lower straight down by bending the front knee, until your thigh is nearly level or as far "
                "as you can go without pain.",
            ),
            T(
                "Duw uzelf via de hiel van de voorste voet weer omhoog.",
                "Push yourself back up through the heel of your front foot.",
            ),
        ),
        dose=_STRENGTH_DOSE_PER_LEG,
    ),
    Exercise(
        key="calf_raise",
        name=T("Op de tenen staan", "Calf raise"),
        purpose=T(
            "Maakt uw kuiten sterker en uw enkels stabieler.",
            "Strengthens your calves and steadies your ankles.",
        ),
        how=(
            T(
                "Ga met uw voorvoeten op de rand van een traptrede staan en houd de leuning vast.",
                "Stand with the balls of your feet on the edge of a stair and hold the rail.",
            ),
            T("Kom langzaam zo hoog mogelijk op uw tenen.", "Slowly rise as high as you can onto your toes."),
            T(
                "Zak gecontroleerd terug tot uw hielen net onder de rand komen.",
                "Lower with control until your heels are just below the edge.",
            ),
            T(
                "Gaat het makkelijk? Doe de oefening dan op één been.",
                "Is it easy? Then do the exercise on one leg.",
            ),
        ),
        dose=_STRENGTH_DOSE,
    ),
    Exercise(
        key="clamshell",
        name=T("Schelpje", "Clamshell"),
        purpose=T(
            "Versterkt de bilspieren die voorkomen dat uw knie naar binnen zakt.",
            "Strengthens the glute muscles that stop your knee from dropping inwards.",
        ),
        how=(
            T(
                "Ga op uw zij liggen met heupen en knieën licht gebogen en uw voeten op elkaar.",
                "Lie on your side with your hips and knees slightly bent and your feet together.",
            ),
            T(
                "Houd de voeten tegen elkaar en til de bovenste knie op, zoals een schelp die opengaat.",
                "Keep your feet touching and lift your top knee, like a shell opening.",
            ),
            T("Laat uw bekken niet naar achteren rollen.", "Do not let your pelvis roll backwards."),
            T(
                "Breng de knie langzaam terug. Zwaarder maken kan met een elastische band om de knieën.",
                "Lower the knee slowly. To make it harder, put a resistance band around your knees.",
            ),
        ),
        dose=_STRENGTH_DOSE_PER_SIDE,
    ),
    Exercise(
        key="side_plank",
        name=T("Zijplank", "Side plank"),
        purpose=T(
            "Versterkt uw romp en de zijkant van uw heup.",
            "Strengthens your core and the side of your hip.",
        ),
        how=(
            T(
                "Ga op uw zij liggen en steun op uw onderarm, met de elleboog onder uw schouder.",
                "Lie on your side and prop yourself up on your forearm, elbow under your shoulder.",
            ),
            T(
                "Begin met gebogen knieën. Met gestrekte benen wordt het zwaarder.",
                "Start with your knees bent. Straight legs make it harder.",
            ),
            T(
                "Til uw heup op tot uw lichaam een rechte lijn vormt.",
                "Lift your hip until your body forms a straight line.",
            ),
            T("Houd dit vast en blijf rustig ademen.", "Hold the position and keep breathing calmly."),
        ),
        dose=T(
            "3 keer 20 tot 30 seconden per kant, 2 tot 3 keer per week.",
            "3 times 20 to 30 seconds on each side, 2 to 3 times a week.",
        ),
    ),
    Exercise(
        key="step_down",
        name=T("Afstappen van een trede", "Step-down"),
        purpose=T(
            "Oefent de controle over uw knie bij het landen en bij de trap af.",
            "Trains control of your knee when landing and going down stairs.",
        ),
        how=(
            T(
                "Ga met één been op de onderste traptrede of een stevig kistje staan.",
                "Stand on one leg on the bottom stair or a sturdy box.",
            ),
            T(
                "Buig de standknie en laat de hiel van het andere been langzaam naar de grond zakken.",
                "Bend the standing knee and slowly lower the heel of your other leg towards the floor.",
            ),
            T(
                "Tik de grond licht aan. Houd de knie boven uw voet.",
                "Touch the floor lightly. Keep your knee above your foot.",
            ),
            T("Duw uzelf weer omhoog.", "Push yourself back up."),
        ),
        dose=_STRENGTH_DOSE_PER_LEG,
    ),
    Exercise(
        key="wall_squat",
        name=T("Squat tegen de muur", "Wall squat"),
        purpose=T(
            "Versterkt de voorkant van uw bovenbeen op een rustige manier.",
            "Strengthens the front of your thigh in a gentle way.",
        ),
        how=(
            T(
                "Ga met uw rug tegen een muur staan, de voeten op heupbreedte en een halve meter van de muur.",
                "Stand with your back against a wall, feet hip-width apart and about half a metre from it.",
            ),
            T(
                "Laat uzelf langs de muur zakken. Blijf eerst ondiep en ga pas later dieper, zolang het "
                "zonder pijn gaat.",
                "Slide down the wall. Stay shallow at first and only go deeper later, as long as it does "
                "not hurt.",
            ),
            T("Houd uw knieën boven uw voeten.", "Keep your knees above your feet."),
            T("Blijf even zo staan en kom dan weer omhoog.", "Hold briefly, then come back up."),
        ),
        dose=T(
            "3 series van 10 tot 15, of 3 keer 30 seconden vasthouden; 2 tot 3 keer per week.",
            "3 sets of 10 to 15, or 3 holds of 30 seconds; 2 to 3 times a week.",
        ),
    ),
    Exercise(
        key="calf_stretch",
        name=T("Kuit rekken tegen de muur", "Calf stretch against a wall"),
        purpose=T(
            "Maakt uw kuitspieren langer en uw enkel soepeler.",
            "Lengthens your calf muscles and loosens your ankle.",
        ),
        how=(
            T(
                "Zet uw handen tegen een muur en zet één been een grote stap naar achteren.",
                "Put your hands on a wall and take a big step back with one leg.",
            ),
            T(
                "Houd de achterste hiel op de grond en de voet recht naar voren.",
                "Keep the back heel on the floor and the foot pointing straight ahead.",
            ),
            T(
                "Buig de voorste knie tot u rek voelt in de kuit van het achterste been.",
                "Bend the front knee until you feel a stretch in the calf of your back leg.",
            ),
            T(
                "Herhaal met de achterste knie licht gebogen. Zo rekt u het diepere deel van de kuit.",
                "Repeat with the back knee slightly bent. This stretches the deeper part of the calf.",
            ),
        ),
        dose=_STRETCH_DOSE,
        kind="mobility",
    ),
    Exercise(
        key="knee_to_wall",
        name=T("Knie naar de muur", "Knee to wall"),
        purpose=T(
            "Test en vergroot hoe ver uw enkel kan buigen.",
            "Tests and improves how far your ankle can bend.",
        ),
        how=(
            T(
                "Zet één voet een paar centimeter voor een muur, met de tenen recht naar voren.",
                "Place one foot a few centimetres from a wall, toes pointing straight at it.",
            ),
            T(
                "Buig uw knie naar de muur zonder dat uw hiel van de grond komt.",
                "Bend your knee towards the wall without lifting your heel.",
            ),
            T(
                "Raakt de knie de muur? Zet de voet dan een stukje verder naar achteren en probeer opnieuw.",
                "Does the knee touch the wall? Move your foot back a little and try again.",
            ),
            T(
                "Vergelijk links en rechts. De kant die minder ver komt, is stijver.",
                "Compare left and right. The side that reaches less far is stiffer.",
            ),
        ),
        dose=T("10 tot 15 keer per been, elke dag.", "10 to 15 times on each leg, every day."),
        kind="mobility",
    ),
    Exercise(
        key="hip_flexor_stretch",
        name=T("Heupbuiger rekken", "Hip flexor stretch"),
        purpose=T(
            "Maakt de voorkant van uw heup (de iliopsoas) soepeler.",
            "Loosens the front of your hip (the iliopsoas).",
        ),
        how=(
            T(
                "Zet één knie op de grond, op een kussen, en de andere voet voor u.",
                "Kneel on one knee on a cushion, with the other foot in front of you.",
            ),
            T(
                "Span uw billen aan, zodat uw bekken iets naar achteren kantelt.",
                "Squeeze your buttocks so your pelvis tips back slightly.",
            ),
            T(
                "Schuif uw heup langzaam naar voren tot u rek voelt aan de voorkant van de heup.",
                "Slowly move your hips forward until you feel a stretch at the front of the hip.",
            ),
            T(
                "Houd uw romp rechtop en trek uw rug niet hol.",
                "Keep your upper body upright and do not arch your back.",
            ),
        ),
        dose=_STRETCH_DOSE,
        kind="mobility",
    ),
    Exercise(
        key="deep_squat_hold",
        name=T("Diep hurken", "Deep squat hold"),
        purpose=T(
            "Maakt heupen en enkels tegelijk soepeler. Het is ook de hurktest.",
            "Loosens your hips and ankles together. It is also the squat test.",
        ),
        how=(
            T(
                "Zet uw voeten iets breder dan uw heupen, de tenen een beetje naar buiten.",
                "Stand with your feet slightly wider than your hips, toes turned out a little.",
            ),
            T(
                "Zak zo diep als u kunt, met uw hielen op de grond.",
                "Sink down as low as you can, keeping your heels on the floor.",
            ),
            T(
                "Houd u zo nodig vast aan een deurpost of tafel.",
                "Hold on to a door frame or table if you need to.",
            ),
            T("Blijf rustig zitten en adem door.", "Stay there calmly and keep breathing."),
        ),
        dose=T("3 keer 20 tot 30 seconden, elke dag.", "3 times 20 to 30 seconds, every day."),
        kind="mobility",
    ),
)

EXERCISE_BY_KEY: dict[str, Exercise] = {exercise.key: exercise for exercise in EXERCISES}
