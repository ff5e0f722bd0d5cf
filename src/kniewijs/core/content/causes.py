"""The clinic page's six causes of knee pain in runners, in its order. Re-exported by content.knowledge.

The keys match core.causes.CAUSE_ORDER, the self-check's ranking of the same six causes.
"""

from __future__ import annotations

from ..text import T
from .model import Cause

CAUSES: tuple[Cause, ...] = (
    Cause(
        key="overload",
        title=T("Overbelasting: te snel te veel", "Overload: too much, too soon"),
        summary=T(
            "U loopt meer of harder dan uw lichaam op dit moment aankan.",
            "You run further or harder than your body can handle right now.",
        ),
        why=(
            T(
                "Spieren, pezen, botten en kraakbeen worden sterker van training, maar dat gaat langzaam. "
                "Voert u afstand of tempo sneller op dan ze kunnen bijhouden, dan krijgen ze te weinig tijd "
                "om te herstellen.",
                "Muscles, tendons, bones and cartilage get stronger with training, but slowly. If you add "
                "distance or speed faster than they can keep up, they get too little time to recover.",
            ),
            T(
                "De knie krijgt dan meer te verwerken dan hij op dat moment aankan. Dit is de oorzaak die "
                "het vaakst voorkomt.",
                "The knee then has more to deal with than it can take at that moment. This is the most "
                "common cause.",
            ),
        ),
        signals=(
            T("De pijn wordt erger tijdens of na het lopen.", "The pain gets worse during or after a run."),
            T(
                "U traint meer, maar uw prestaties gaan achteruit.",
                "You train more, but your performance drops.",
            ),
            T("U bent vaak moe en slaapt slecht.", "You are often tired and sleep badly."),
            T("Uw hartslag in rust is hoger dan normaal.", "Your resting heart rate is higher than usual."),
        ),
        what_to_do=(
            T(
                "Maak uw weekafstand hoogstens 10% groter dan die van de week ervoor.",
                "Keep your weekly distance to at most 10% more than the week before.",
            ),
            T(
                "Maak ook een losse loop hoogstens 10% langer dan uw langste loop van de afgelopen 30 dagen.",
                "Keep any single run to at most 10% longer than your longest run of the past 30 days.",
            ),
            T(
                "Voer afstand en tempo niet tegelijk op.",
                "Do not increase distance and speed at the same time.",
            ),
            T(
                "Doet het pijn? Ga dan terug naar een afstand die goed voelde en bouw van daaruit weer op.",
                "Does it hurt? Go back to a distance that felt fine and build up again from there.",
            ),
        ),
        evidence=("ten_percent_rule", "single_run_spikes"),
    ),
    Cause(
        key="weak_muscles",
        title=T("Zwakke bil- en heupspieren", "Weak glute and hip muscles"),
        summary=T(
            "Uw heup en bekken krijgen te weinig steun, dus vangt de knie meer op.",
            "Your hip and pelvis get too little support, so the knee takes more of the load.",
        ),
        why=(
            T(
                "Uw bilspieren, vooral de gluteus medius en de gluteus maximus, houden bekken en heup stil "
                "terwijl uw voet op de grond staat. Zijn ze te zwak, dan wordt het been onrustig en moet de "
                "knie harder werken.",
                "Your glute muscles, especially gluteus medius and gluteus maximus, keep your pelvis and hip "
                "steady while your foot is on the ground. If they are too weak, the leg wobbles and the knee "
                "has to work harder.",
            ),
            T(
                "Ook de balans tussen spieren telt. Is de voorkant van het bovenbeen (de quadriceps) veel "
                "sterker dan de achterkant (de hamstrings), of zijn uw rompspieren zwak, dan is het been "
                "minder stabiel.",
                "The balance between muscles matters too. If the front of the thigh (the quadriceps) is much "
                "stronger than the back (the hamstrings), or your core muscles are weak, the leg is less "
                "stable.",
            ),
        ),
        signals=(
            T(
                "Een zwakke gluteus medius: uw knie zakt bij het landen naar binnen.",
                "A weak gluteus medius: your knee drops inwards as you land.",
            ),
            T(
                "Een quadriceps die veel sterker is dan de hamstrings, waardoor het bovenbeen uit balans is.",
                "A quadriceps that is much stronger than the hamstrings, so the thigh is out of balance.",
            ),
            T(
                "Zwakke rompspieren: u houdt romp en bekken minder goed stil.",
                "A weak core: you hold your upper body and pelvis less steady.",
            ),
            T(
                "Bij een squat op één been zakt uw knie naar binnen of kantelt uw bekken.",
                "In a single-leg squat your knee drops inwards or your pelvis tilts.",
            ),
        ),
        what_to_do=(
            T("Doe 2 tot 3 keer per week krachtoefeningen.", "Do strength exercises 2 to 3 times a week."),
            T(
                "Kies vooral oefeningen op één been, squats en lunges.",
                "Focus on single-leg exercises, squats and lunges.",
            ),
            T(
                "Voeg oefeningen toe waarbij u het been zijwaarts van u af beweegt, zoals zijwaarts been "
                "heffen en het schelpje.",
                "Add exercises that move the leg out to the side, such as the side-lying leg raise and the "
                "clamshell.",
            ),
        ),
        evidence=("strength_effect",),
    ),
    Cause(
        key="technique",
        title=T("Een loopstijl die de knie zwaar belast", "A running style that loads the knee"),
        summary=T(
            "De manier waarop u loopt, zet meer druk op de knie dan nodig is.",
            "The way you run puts more pressure on your knee than it needs to.",
        ),
        why=(
            T(
                "Iedereen loopt anders, en dat is prima. Maar sommige gewoonten zetten extra druk op de knie, "
                "vooral op het moment dat u neerkomt.",
                "Everyone runs differently, and that is fine. But some habits put extra pressure on the knee, "
                "especially at the moment you land.",
            ),
            T(
                "Het gunstigst is om te landen met uw voet ongeveer onder uw lichaam, dicht bij uw "
                "zwaartepunt, met de knie een beetje gebogen. Iets kortere, snellere passen helpen daarbij.",
                "It is best to land with your foot roughly under your body, close to your centre of mass, "
                "with the knee slightly bent. Slightly shorter, quicker steps help with that.",
            ),
        ),
        signals=(
            T(
                "Te grote passen (overstriding): uw hiel raakt de grond ver voor uw lichaam.",
                "Overstriding: your heel strikes the ground far in front of your body.",
            ),
            T(
                "Veel op en neer: u veert bij elke pas flink omhoog.",
                "A lot of bounce: you spring upwards with every stride.",
            ),
            T(
                "Uw knie zakt bij het landen naar binnen (valgus).",
                "Your knee drops inwards as you land (valgus).",
            ),
            T("U landt stijf, met een bijna gestrekt been.", "You land stiffly, on an almost straight leg."),
        ),
        what_to_do=(
            T(
                "Probeer te landen met uw voet onder uw lichaam en een licht gebogen knie.",
                "Try to land with your foot under your body and your knee slightly bent.",
            ),
            T(
                "Zet iets kortere, snellere passen. Verhoog uw pasfrequentie met 5 tot 10% van wat u nu "
                "loopt, in plaats van meteen naar een vast getal te gaan.",
                "Take slightly shorter, quicker steps. Raise your step rate by 5 to 10% of what it is now, "
                "rather than jumping to a fixed number.",
            ),
            T(
                "Laat een fysiotherapeut een loopanalyse doen. Die ziet precies wat u kunt verbeteren.",
                "Have a physiotherapist do a gait analysis. They can see exactly what you could improve.",
            ),
        ),
        evidence=("cadence_180",),
    ),
    Cause(
        key="worn_shoes",
        title=T("Uitgelopen schoenen", "Worn-out shoes"),
        summary=T(
            "Uw hardloopschoenen dempen en steunen minder dan toen ze nieuw waren.",
            "Your running shoes cushion and support you less than when they were new.",
        ),
        why=(
            T(
                "De meeste hardloopschoenen gaan zo'n 600 tot 800 kilometer mee. Daarna dempen en steunen ze "
                "duidelijk minder.",
                "Most running shoes last about 600 to 800 kilometres. After that they cushion and support "
                "noticeably less.",
            ),
            T(
                "Aan de buitenkant ziet u dat vaak niet. Het schuim in de zool wordt stug, terwijl de schoen "
                "er nog prima uitziet.",
                "You often cannot see it from the outside. The foam in the sole hardens while the shoe still "
                "looks fine.",
            ),
        ),
        signals=(
            T("De zool is scheef of ongelijk afgesleten.", "The sole has worn down unevenly."),
            T("Lopen voelt minder prettig dan vroeger.", "Running feels less comfortable than it used to."),
            T(
                "Na het lopen heeft u meer pijn of bent u stijver.",
                "After a run you have more pain or feel stiffer.",
            ),
            T("De schoenen voelen plat en hard aan.", "The shoes feel flat and hard."),
        ),
        what_to_do=(
            T(
                "Houd per paar bij hoeveel kilometer u erop loopt, bijvoorbeeld in uw hardloopapp.",
                "Keep a log of how many kilometres you run in each pair, for example in your running app.",
            ),
            T(
                "Vervang ze rond 700 kilometer, en wacht daar niet mee tot u pijn krijgt.",
                "Replace them at about 700 kilometres, and do not wait until you are in pain.",
            ),
            T("Loop afwisselend op twee paar schoenen.", "Take turns with two pairs of shoes."),
        ),
        evidence=("shoe_km_limit",),
    ),
    Cause(
        key="stiffness",
        title=T("Een stijve heup of enkel", "A stiff hip or ankle"),
        summary=T(
            "Beweegt uw heup of enkel te weinig, dan blijft er meer werk over voor de knie.",
            "If your hip or ankle moves too little, more of the work is left to the knee.",
        ),
        why=(
            T(
                "Uw been werkt als een keten. Beweegt één gewricht te weinig, dan moeten de andere dat "
                "goedmaken. De knie zit tussen heup en enkel in en krijgt daardoor vaak het extra werk.",
                "Your leg works as a chain. If one joint moves too little, the others have to make up for "
                "it. The knee sits between the hip and the ankle, so it often ends up with the extra work.",
            ),
        ),
        signals=(
            T(
                "Uw heup buigt of strekt minder ver dan normaal.",
                "Your hip bends or straightens less far than normal.",
            ),
            T(
                "Uw enkel is stijf: u krijgt uw knie moeilijk ver over uw tenen naar voren (beperkte "
                "dorsiflexie).",
                "Your ankle is stiff: you find it hard to bring your knee far forward over your toes "
                "(limited dorsiflexion).",
            ),
            T("Uw kuitspieren zijn kort en strak.", "Your calf muscles are short and tight."),
            T(
                "Uw heupbuiger (de iliopsoas), aan de voorkant van uw heup, voelt strak.",
                "Your hip flexor (the iliopsoas), at the front of your hip, feels tight.",
            ),
        ),
        what_to_do=(
            T(
                "Doe de hurktest: zak zo diep als u kunt met uw hielen op de grond. Komen uw hielen omhoog, "
                "dan zijn uw enkels of heupen waarschijnlijk stijf.",
                "Do the squat test: sink as low as you can with your heels on the floor. If your heels lift, "
                "your ankles or hips are probably stiff.",
            ),
            T(
                "Besteed elke dag 5 tot 10 minuten aan de soepelheid van heup en enkel.",
                "Spend 5 to 10 minutes every day on hip and ankle mobility.",
            ),
            T(
                "Rek uw kuit en heupbuiger, en oefen met knie-naar-de-muur en diep hurken.",
                "Stretch your calf and hip flexor, and practise the knee-to-wall and the deep squat hold.",
            ),
        ),
    ),
    Cause(
        key="recovery",
        title=T("Te weinig rust", "Not enough rest"),
        summary=T(
            "U gunt uw lichaam te weinig tijd tussen de trainingen.",
            "You give your body too little time between sessions.",
        ),
        why=(
            T(
                "Training belast spieren, pezen en botten en veroorzaakt kleine beschadigingen. Pas in de "
                "rust daarna herstelt het weefsel, en wordt het sterker dan het was.",
                "Training strains muscles, tendons and bones and causes tiny amounts of damage. Only in the "
                "rest afterwards does the tissue repair, and it comes back stronger than before.",
            ),
            T(
                "Krijgt uw lichaam die tijd niet, dan stapelen die kleine beschadigingen zich op. Zo ligt "
                "een blessure op de loer.",
                "If your body does not get that time, the small amounts of damage add up, and an injury is "
                "waiting to happen.",
            ),
        ),
        signals=(
            T("Spierpijn die maar niet weggaat.", "Muscle soreness that will not go away."),
            T("U gaat achteruit, terwijl u wel traint.", "You get worse even though you keep training."),
            T("U raakt sneller geblesseerd.", "You get injured more easily."),
            T("U bent snel geprikkeld en slaapt slecht.", "You are easily irritated and sleep badly."),
            T("Uw hartslag in rust is hoger dan normaal.", "Your resting heart rate is higher than usual."),
        ),
        what_to_do=(
            T(
                "Neem elke week minstens 1 tot 2 dagen helemaal rust.",
                "Take at least 1 to 2 full rest days every week.",
            ),
            T("Slaap 7 tot 9 uur per nacht.", "Sleep 7 to 9 hours a night."),
            T("Wissel zware en lichte trainingen af.", "Alternate hard and easy sessions."),
        ),
    ),
)

CAUSE_BY_KEY: dict[str, Cause] = {cause.key: cause for cause in CAUSES}
