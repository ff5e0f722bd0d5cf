"""The six things a runner can do about knee pain, and the activities that keep them fit meanwhile.

Re-exported by content.knowledge; the self-check's plan reads the protocols from here.
"""

from __future__ import annotations

from ..text import T, Text
from .model import Action

ACTIONS: tuple[Action, ...] = (
    Action(
        key="rest",
        title=T("Gas terug en rust", "Ease off and rest"),
        summary=T(
            "Doe minder, zodat uw knie tot rust kan komen.",
            "Do less, so your knee can settle down.",
        ),
        why=(
            T(
                "Bij kniepijn is het weefsel meestal geprikkeld. Loopt u door, dan wordt die prikkeling erger "
                "en duurt het herstel langer. Door even te stoppen of minder te doen, doorbreekt u dat.",
                "With knee pain the tissue is usually irritated. If you keep running, the irritation gets "
                "worse and recovery takes longer. Stopping for a while or doing less breaks that cycle.",
            ),
        ),
        protocol=(
            T(
                "Lichte pijn: doe 3 tot 7 dagen rustiger aan. Loop korter en langzamer, of kies even een "
                "andere sport.",
                "Mild pain: take it easy for 3 to 7 days. Run shorter and slower, or switch to another "
                "activity for a while.",
            ),
            T(
                "Matige pijn: loop 1 tot 2 weken helemaal niet hard.",
                "Moderate pain: do not run at all for 1 to 2 weeks.",
            ),
            T(
                "Hevige pijn: loop 2 tot 4 weken niet hard en laat u begeleiden door een fysiotherapeut "
                "of huisarts.",
                "Severe pain: do not run for 2 to 4 weeks, and get guidance from a physiotherapist or GP.",
            ),
        ),
        tip=T(
            "Rust is iets anders dan stilzitten. Blijf bewegen met alles wat geen pijn doet.",
            "Rest is not the same as sitting still. Keep moving with anything that does not hurt.",
        ),
        evidence=("protect_then_load",),
    ),
    Action(
        key="cooling",
        title=T("Koel de knie", "Cool the knee"),
        summary=T(
            "Kou kan zwelling en pijn wat verminderen.",
            "Cold can ease swelling and pain a little.",
        ),
        why=(
            T(
                "Kou knijpt de bloedvaten een beetje dicht, zodat er minder bloed naar de plek stroomt. Dat "
                "remt zwelling. Ook maakt kou de zenuwen tijdelijk minder gevoelig, zodat u minder pijn "
                "voelt.",
                "Cold narrows the blood vessels a little, so less blood flows to the area. That limits "
                "swelling. Cold also makes the nerves less sensitive for a while, so you feel less pain.",
            ),
        ),
        protocol=(
            T(
                "Gebruik een ijszak of coldpack. Leg die nooit direct op de huid: doe er een dunne handdoek "
                "omheen.",
                "Use an ice pack or cold pack. Never put it straight on your skin: wrap it in a thin towel.",
            ),
            T(
                "Koel 15 tot 20 minuten per keer, hoogstens 3 keer per dag.",
                "Cool for 15 to 20 minutes at a time, at most 3 times a day.",
            ),
            T(
                "Het beste moment is direct na het sporten.",
                "The best moment is straight after exercise.",
            ),
            T(
                "Stop als uw huid rood of wit wordt, of als u er niets meer voelt.",
                "Stop if your skin turns red or white, or goes numb.",
            ),
        ),
        tip=T(
            "Leg tijdens het koelen uw been omhoog, bijvoorbeeld op een kussen.",
            "Raise your leg while you cool it, for example on a cushion.",
        ),
        evidence=("ice_dose",),
    ),
    Action(
        key="cross_training",
        title=T("Anders bewegen", "Other ways to move"),
        summary=T(
            "Blijf fit met sporten die uw knie weinig belasten.",
            "Stay fit with activities that are easy on your knee.",
        ),
        why=(
            T(
                "Zo houdt u uw conditie op peil terwijl uw knie herstelt. U verliest minder conditie en "
                "kunt daardoor sneller weer hardlopen.",
                "This keeps your fitness up while your knee recovers. You lose less fitness, so you can get "
                "back to running sooner.",
            ),
        ),
        protocol=(
            T(
                "Kies iets wat geen pijn doet. Zwemmen en aquajoggen kunnen zelfs als de pijn net begonnen is.",
                "Choose something that does not hurt. Swimming and aqua jogging are fine even when the pain "
                "has only just started.",
            ),
            T(
                "Doet een activiteit toch pijn? Stop er dan mee en zoek iets anders.",
                "Does an activity hurt after all? Then stop it and find something else.",
            ),
        ),
    ),
    Action(
        key="strength",
        title=T("Sterker worden", "Build strength"),
        summary=T(
            "Sterke bil- en beenspieren geven uw knie steun.",
            "Strong glute and leg muscles support your knee.",
        ),
        why=(
            T(
                "Sterke spieren houden de knie stabiel en nemen een deel van de klap over. Zo hoeven de "
                "gewrichten minder op te vangen.",
                "Strong muscles keep the knee stable and take some of the impact, so the joints have less "
                "to absorb.",
            ),
            T(
                "Volgens de fysiotherapiepraktijk kan krachttraining de kans op hardloopblessures ongeveer halveren.",
                "According to the physiotherapy clinic, strength training can roughly halve the chance of running "
                "injuries.",
            ),
        ),
        protocol=(
            T("Train 2 tot 3 keer per week.", "Train 2 to 3 times a week."),
            T(
                "Doe per oefening 3 series van 10 tot 15 herhalingen.",
                "Do 3 sets of 10 to 15 repetitions of each exercise.",
            ),
            T(
                "Beweeg rustig en gecontroleerd. Snelheid is niet belangrijk.",
                "Move slowly and with control. Speed does not matter.",
            ),
            T(
                "Begin met deze vijf: de squat op één been, het bruggetje, zijwaarts been heffen, de "
                "Bulgaarse split squat en op de tenen staan.",
                "Start with these five: the single-leg squat, the glute bridge, the side-lying leg raise, "
                "the Bulgarian split squat and the calf raise.",
            ),
        ),
        tip=T(
            "Pijn tijdens een oefening mag hoogstens 3 op 10 zijn.",
            "Pain during an exercise should stay at 3 out of 10 or less.",
        ),
        evidence=("strength_effect",),
    ),
    Action(
        key="shoes",
        title=T("Schoenen nakijken", "Check your shoes"),
        summary=T(
            "Vervang hardloopschoenen na 600 tot 800 kilometer.",
            "Replace running shoes after 600 to 800 kilometres.",
        ),
        why=(
            T(
                "Ook schoenen die er nog goed uitzien, dempen vaak al minder. Het schuim in de tussenzool "
                "verliest zijn veerkracht, terwijl de onderkant nog prima lijkt.",
                "Even shoes that still look fine often cushion less. The foam in the midsole loses its "
                "bounce while the outsole still looks good.",
            ),
        ),
        protocol=(
            T(
                "Zet de schoenen op een vlakke vloer. Kantelen ze naar binnen of naar buiten?",
                "Put the shoes on a flat floor. Do they tilt inwards or outwards?",
            ),
            T(
                "Buig de schoen dubbel. Gaat dat heel makkelijk, dan is hij op.",
                "Fold the shoe in half. If that is very easy, it is worn out.",
            ),
            T(
                "Kijk of de zool ongelijk is afgesleten.",
                "Look for uneven wear on the sole.",
            ),
            T(
                "Zoek naar scheuren in het bovenwerk of de tussenzool.",
                "Look for cracks in the upper or the midsole.",
            ),
            T(
                "Houd in een hardloopapp bij hoeveel kilometer elk paar heeft gelopen.",
                "Keep track in a running app of how many kilometres each pair has done.",
            ),
        ),
        tip=T(
            "Loop afwisselend op twee paar. Ze gaan dan langer mee en uw voeten krijgen steeds net wat "
            "andere steun.",
            "Take turns with two pairs. They last longer, and your feet get slightly different support "
            "each time.",
        ),
        evidence=("shoe_km_limit",),
    ),
    Action(
        key="gait_analysis",
        title=T("Uw loopstijl laten bekijken", "Have your running style checked"),
        summary=T(
            "Een fysiotherapeut kijkt hoe u loopt en wat beter kan.",
            "A physiotherapist looks at how you run and what could be better.",
        ),
        why=(
            T(
                "Bij een loopanalyse filmt een fysiotherapeut u terwijl u loopt. Daarna bekijkt hij of zij "
                "de beelden stap voor stap. Zo wordt zichtbaar welke gewoonten uw knie extra belasten.",
                "In a gait analysis a physiotherapist films you while you run and then goes through the "
                "footage step by step. This shows which habits put extra load on your knee.",
            ),
        ),
        protocol=(
            T("Hoe uw voet neerkomt en afrolt", "How your foot lands and rolls off"),
            T("Hoe uw knie staat op het moment dat u landt", "How your knee is lined up as you land"),
            T("Hoe stabiel uw heup en bekken blijven", "How stable your hip and pelvis stay"),
            T("Uw armzwaai en hoe u uw romp houdt", "Your arm swing and how you hold your upper body"),
            T(
                "Uw pasfrequentie: hoeveel stappen u per minuut zet",
                "Your cadence: how many steps you take a minute",
            ),
            T(
                "Hoeveel u bij elke pas op en neer gaat (verticale oscillatie)",
                "How much you move up and down with each stride (vertical oscillation)",
            ),
        ),
        tip=T(
            "U krijgt concrete oefeningen en aanwijzingen mee, afgestemd op uw loopstijl en uw doelen.",
            "You leave with concrete exercises and cues, matched to the way you run and what you want to "
            "achieve.",
        ),
    ),
)

ACTION_BY_KEY: dict[str, Action] = {action.key: action for action in ACTIONS}

CROSS_TRAINING: tuple[tuple[str, Text, Text], ...] = (
    (
        "swimming",
        T("Zwemmen", "Swimming"),
        T(
            "Geen enkele schok voor de knie. Kan ook als de pijn nog vers en flink is.",
            "No impact on the knee at all. Fine even when the pain is recent and strong.",
        ),
    ),
    (
        "aqua_jogging",
        T("Aquajoggen", "Aqua jogging"),
        T(
            "U maakt de hardloopbeweging in diep water, zonder klap op de knie.",
            "You make the running movement in deep water, with no impact on the knee.",
        ),
    ),
    (
        "cycling",
        T("Fietsen", "Cycling"),
        T(
            "Weinig schokken, en goed voor de kracht in uw bovenbenen.",
            "Little impact, and good for the strength in your thighs.",
        ),
    ),
    (
        "cross_trainer",
        T("Crosstrainer", "Cross-trainer"),
        T(
            "Een vloeiende beweging die de knie weinig belast.",
            "A smooth movement that puts little load on the knee.",
        ),
    ),
    (
        "walking",
        T("Wandelen", "Walking"),
        T(
            "Goed bij lichte klachten. Houd de afstanden wat korter dan u gewend bent.",
            "Good for mild symptoms. Keep the distances a bit shorter than usual.",
        ),
    ),
)
