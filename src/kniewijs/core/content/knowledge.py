"""What Kniewijs tells runners about knee pain: the knowledge pages, in Dutch and English.

The clinic page in shared/seed is the specification of what is covered; every sentence here is our own.
Where research disagrees with the clinic page, an EvidenceNote (see evidence.py) shows both sides.
The longer lists live in their own modules and are re-exported here, so other code imports from one place:
causes.py (CAUSES), actions.py (ACTIONS, CROSS_TRAINING), exercises.py (EXERCISES), faq.py (FAQ) and
evidence.py (EVIDENCE).
"""

from __future__ import annotations

from ..text import T, Text
from .actions import ACTION_BY_KEY, ACTIONS, CROSS_TRAINING
from .causes import CAUSE_BY_KEY, CAUSES
from .evidence import EVIDENCE, EVIDENCE_BY_KEY
from .exercises import EXERCISE_BY_KEY, EXERCISES
from .faq import FAQ
from .model import Figure, Section

__all__ = [
    "ACTIONS",
    "ACTION_BY_KEY",
    "CALL_112",
    "CAUSES",
    "CAUSE_BY_KEY",
    "CLINIC",
    "CROSS_TRAINING",
    "DISCLAIMER",
    "EVIDENCE",
    "EVIDENCE_BY_KEY",
    "EXERCISES",
    "EXERCISE_BY_KEY",
    "FAQ",
    "FIGURES",
    "HOME_INTRO",
    "KNEE_LOAD",
    "PREVENTION",
    "SECTIONS",
    "SECTION_LEADS",
    "SECTION_TITLES",
    "SEE_GP",
    "WARNING_SIGNS",
]

DISCLAIMER: Text = T(
    "Kniewijs geeft algemene informatie en geen persoonlijk medisch advies. Twijfelt u, of worden de "
    "klachten niet minder of juist erger? Neem dan contact op met uw fysiotherapeut of huisarts.",
    "Kniewijs gives general information, not personal medical advice. If you are unsure, or your symptoms "
    "do not ease or get worse, contact your physiotherapist or GP.",
)

HOME_INTRO: tuple[Text, ...] = (
    T(
        "Pijn in uw knie na het hardlopen is vervelend, maar meestal niet ernstig. Vaak heeft de knie "
        "gewoon even te veel te verwerken gehad, zonder dat er iets kapot is. Wie er op tijd iets aan "
        "doet, is er meestal helemaal van af.",
        "Knee pain after running is annoying, but usually not serious. Often the knee has simply had "
        "more to cope with than it could handle, without anything being damaged. If you deal with it in "
        "time, you will usually recover fully.",
    ),
    T(
        "Hier leest u waar de pijn vandaan komt en wat u er zelf aan kunt doen. Met de kniecheck krijgt u "
        "in een paar minuten advies dat past bij uw klachten.",
        "Here you can read where the pain comes from and what you can do about it yourself. The knee "
        "check gives you advice that fits your symptoms in a few minutes.",
    ),
)

KNEE_LOAD = Section(
    key="knie",
    title=T("Zo werkt uw knie bij het hardlopen", "How your knee works when you run"),
    intro=(
        T(
            "Bij elke pas vangt uw knie veel kracht op: tot ongeveer drie keer uw lichaamsgewicht. Hoeveel "
            "precies, hangt af van uw tempo en van de manier waarop u loopt.",
            "With every stride your knee absorbs a lot of force: up to about three times your body weight. "
            "How much exactly depends on your pace and the way you run.",
        ),
        T(
            "De knie werkt als een scharnier. Botten, kraakbeen, pezen en spieren werken er nauw samen om "
            "die kracht op te vangen en door te geven.",
            "The knee works like a hinge. Bones, cartilage, tendons and muscles work closely together to "
            "absorb that force and pass it on.",
        ),
        T(
            "Zijn uw spieren moe, veren uw schoenen minder of verandert uw loopstijl, dan komt de kracht op "
            "een andere plek terecht. De knie moet dan meer doen dan hij gewend is.",
            "When your muscles are tired, your shoes have lost their cushioning or your running style "
            "changes, the force lands somewhere else. The knee then has to do more than it is used to.",
        ),
        T(
            "Pijn betekent daarom meestal dat de knie een tijdje te zwaar belast is, niet dat er iets kapot "
            "is. Pakt u de oorzaak op tijd aan, dan herstellen de meeste mensen helemaal.",
            "So pain usually means the knee has been overloaded for a while, not that something is damaged. "
            "If you tackle the cause in time, most people recover fully.",
        ),
    ),
    points=(
        T(
            "Tempo: hoe harder u loopt, hoe meer kracht er per pas op de knie komt.",
            "Pace: the faster you run, the more force reaches the knee with each stride.",
        ),
        T(
            "Loopstijl: grote passen en veel op en neer maken de klap groter.",
            "Running style: long strides and a lot of bounce make the impact bigger.",
        ),
        T(
            "Vermoeidheid: moe geworden spieren vangen minder op, dus de knie moet meer doen.",
            "Fatigue: tired muscles absorb less, so the knee has to do more.",
        ),
        T(
            "Schoenen: een uitgewerkte zool geeft meer van de klap door.",
            "Shoes: a worn-out sole passes on more of the impact.",
        ),
        T(
            "Heup en enkel: zijn die stijf, dan vangt de knie op wat zij laten liggen.",
            "Hip and ankle: if they are stiff, the knee picks up what they leave undone.",
        ),
    ),
)

WARNING_SIGNS = Section(
    key="waarschuwingssignalen",
    title=T("Signalen om op te letten", "Signs to watch for"),
    intro=(
        T(
            "Na een training mogen uw spieren wat moe aanvoelen. Dat is normaal. Sommige klachten wijzen "
            "echter op overbelasting of op een blessure die aan het ontstaan is.",
            "It is normal for your muscles to feel a bit tired after training. Some symptoms, though, point "
            "to overload or to an injury that is starting.",
        ),
        T(
            "Merkt u een of meer van de signalen hieronder? Stop dan een tijdje met hardlopen. Meestal gaan "
            "de klachten met rust vanzelf over. Blijft de pijn, laat uw knie dan onderzoeken door een "
            "fysiotherapeut of huisarts.",
            "Do you notice one or more of the signs below? Then stop running for a while. Most symptoms "
            "settle with rest. If the pain does not go away, have your knee examined by a physiotherapist "
            "or GP.",
        ),
    ),
    points=(
        T("Pijn die blijft, of die steekt of brandt", "Pain that lingers, or that stabs or burns"),
        T(
            "Pijn als u de trap op of af gaat, of als u heuvelaf loopt",
            "Pain on the stairs, or when you run downhill",
        ),
        T(
            "Pijn die erger wordt nadat u een tijd hebt stilgezeten",
            "Pain that gets worse after sitting still",
        ),
        T("Een knie die blijft haken, op slot schiet of knakt", "A knee that catches, locks or clicks"),
        T("Zwelling rond de knie die u kunt zien", "Swelling around the knee that you can see"),
        T("Een knie die onbetrouwbaar voelt of door zakt", "A knee that feels unstable or gives way"),
    ),
)

CLINIC = Section(
    key="behandeling",
    title=T("Behandeling bij de fysiotherapeut", "Treatment by a physiotherapist"),
    intro=(
        T(
            "Kniepijn betekent vaak dat er meer op de knie afkomt dan hij op dit moment aankan. Een "
            "fysiotherapeut zoekt uit waar dat verschil vandaan komt, en pakt dat aan.",
            "Knee pain often means the knee is being asked to do more than it can handle at the moment. A "
            "physiotherapist finds out where that gap comes from, and deals with it.",
        ),
        T(
            "In Nederland kunt u zonder verwijzing van de huisarts naar een fysiotherapeut. Die kijkt eerst "
            "of uw klacht bij hem of haar past, en stuurt u zo nodig naar de huisarts.",
            "In the Netherlands you can see a physiotherapist without a referral from your GP. They first "
            "check whether your problem is one for them, and send you to your GP if needed.",
        ),
    ),
    points=(
        T(
            "Onderzoek van uw hele lichaam, niet alleen van de knie: kracht, houding en coördinatie.",
            "An examination of your whole body, not just the knee: strength, posture and coordination.",
        ),
        T(
            "Oefentherapie: oefeningen op maat die de knie en de spieren eromheen sterker maken.",
            "Exercise therapy: exercises tailored to you that strengthen the knee and the muscles around it.",
        ),
        T(
            "Mobiliserende technieken, waarmee stijve gewrichten weer soepeler gaan bewegen.",
            "Mobilisation techniques that help stiff joints move more freely again.",
        ),
        T(
            "Als het nodig is: een aanvullende behandeling, zoals shockwave of dry needling.",
            "If needed: an extra treatment such as shockwave therapy or dry needling.",
        ),
        T(
            "Het doel is de oorzaak weg te nemen, en niet alleen de pijn te onderdrukken.",
            "The aim is to remove the cause, not just to dampen the pain.",
        ),
    ),
)

PREVENTION = Section(
    key="voorkomen",
    title=T("Kniepijn voorkomen", "Preventing knee pain"),
    intro=(
        T(
            "Hardlopen beschadigt uw knieën niet. Zolang u verstandig traint en op uw lichaam let, worden "
            "uw botten er juist steviger van en uw spieren sterker.",
            "Running is not bad for your knees. It makes your bones denser and your muscles stronger, as "
            "long as you train sensibly and pay attention to your body.",
        ),
        T(
            "Met deze gewoonten bent u kniepijn vaak een stap voor:",
            "These habits often keep you a step ahead of knee pain:",
        ),
    ),
    points=(
        T(
            "Bouw rustig op: per week hoogstens 10% meer kilometers. Maak ook geen enkele loop meer dan 10% "
            "langer dan uw langste van de afgelopen 30 dagen.",
            "Build up gradually: at most 10% more kilometres a week. And make no single run more than 10% "
            "longer than your longest of the past 30 days.",
        ),
        T(
            "Doe naast het lopen ook kracht- en stabiliteitsoefeningen.",
            "Do strength and stability exercises alongside your running.",
        ),
        T(
            "Neem beginnende pijn serieus en las op tijd een rustdag in.",
            "Take early pain seriously and fit in a rest day in good time.",
        ),
        T(
            "Slaap genoeg en plan rustdagen tussen de trainingen.",
            "Get enough sleep and plan rest days between sessions.",
        ),
        T(
            "Vervang uw schoenen voordat ze op zijn.",
            "Replace your shoes before they are worn out.",
        ),
    ),
    evidence=("ten_percent_rule", "single_run_spikes"),
)

SEE_GP = Section(
    key="huisarts",
    title=T("Wanneer naar de huisarts", "When to see your GP"),
    intro=(
        T(
            "Meestal kunt u kniepijn goed zelf aanpakken. Blijven de klachten, dan kan de huisarts "
            "beoordelen of u verder onderzocht moet worden. Soms stuurt de huisarts u door, bijvoorbeeld "
            "naar een fysiotherapeut of een orthopeed.",
            "Usually you can deal with knee pain well yourself. If the symptoms persist, your GP can judge "
            "whether you need further tests. Sometimes your GP will refer you on, for example to a "
            "physiotherapist or an orthopaedic surgeon.",
        ),
        T(
            "Is uw knie heet, rood en dik en kunt u hem slecht bewegen? Bel dan nog dezelfde dag uw "
            "huisarts, ook als u geen koorts heeft. Buiten kantoortijd belt u de huisartsenpost.",
            "Is your knee hot, red and swollen, and hard to move? Then phone your GP the same day, even if "
            "you have no fever. Outside office hours, call the out-of-hours GP service.",
        ),
        T("Neem in deze gevallen contact op met uw huisarts:", "Contact your GP in these cases:"),
    ),
    points=(
        T(
            "U heeft na twee weken rust en oefenen nog steeds pijn.",
            "You still have pain after two weeks of rest and exercises.",
        ),
        T("Uw knie is dik, warm of rood.", "Your knee is swollen, warm or red."),
        T("Uw knie voelt instabiel of zakt door.", "Your knee feels unstable or gives way."),
        T(
            "U heeft koorts, of pijn die u niet kunt verklaren.",
            "You have a fever, or pain you cannot explain.",
        ),
    ),
)

CALL_112 = Section(
    key="112",
    title=T("Wanneer 112 bellen", "When to call 112"),
    intro=(T("Bel meteen 112 in deze gevallen:", "Call 112 straight away in these cases:"),),
    points=(
        T(
            "U krijgt plotseling hevige pijn, u hoorde een knap en de knie doet het meteen niet meer.",
            "You suddenly get severe pain, you heard a pop and the knee stops working at once.",
        ),
        T(
            "U wordt plotseling benauwd of krijgt pijn op de borst, zeker als uw been dik en pijnlijk is.",
            "You suddenly feel short of breath or get chest pain, especially if your leg is swollen and "
            "painful.",
        ),
    ),
    evidence=("call_112",),
)

FIGURES: tuple[Figure, ...] = (
    Figure(
        "3x",
        T("uw lichaamsgewicht", "your body weight"),
        T(
            "zoveel vangt uw knie op bij elke pas, afhankelijk van tempo en loopstijl",
            "is what your knee absorbs with every stride, depending on pace and style",
        ),
    ),
    Figure(
        "4-6",
        T("weken", "weeks"),
        T(
            "duurt herstel gemiddeld bij de meeste lopers; dat hangt af van de oorzaak",
            "is how long most runners take to recover on average, depending on the cause",
        ),
    ),
    Figure(
        "10%",
        T("per week", "a week"),
        T(
            "meer kilometers is de grens die de fysiotherapiepraktijk aanhoudt",
            "more kilometres is the limit the physiotherapy clinic recommends",
        ),
    ),
    Figure(
        "600-800",
        T("kilometer", "kilometres"),
        T("gaat een hardloopschoen meestal mee", "is how long a running shoe usually lasts"),
    ),
    Figure(
        "7-9",
        T("uur slaap", "hours of sleep"),
        T("per nacht helpt uw lichaam herstellen", "a night helps your body recover"),
    ),
    Figure(
        "2-3x",
        T("per week", "a week"),
        T("krachttraining voor heup, billen en benen", "strength training for hips, glutes and legs"),
    ),
    Figure(
        "~50%",
        T("minder blessures", "fewer injuries"),
        T(
            "met krachttraining, volgens de fysiotherapiepraktijk; onderzoek bij sporters vond zelfs ongeveer twee "
            "derde minder",
            "with strength training, according to the physiotherapy clinic; research in athletes even found about "
            "two thirds fewer",
        ),
    ),
)

SECTIONS: dict[str, object] = {
    "knie": KNEE_LOAD,
    "oorzaken": CAUSES,
    "waarschuwingssignalen": WARNING_SIGNS,
    "zelf-doen": ACTIONS,
    "oefeningen": EXERCISES,
    "behandeling": CLINIC,
    "voorkomen": PREVENTION,
    "wanneer-naar-de-dokter": (SEE_GP, CALL_112),
    "veelgestelde-vragen": FAQ,
    "bewijs": EVIDENCE,
}

SECTION_TITLES: dict[str, Text] = {
    "knie": T("Uw knie bij het hardlopen", "Your knee when you run"),
    "oorzaken": T("Zes oorzaken van kniepijn", "Six causes of knee pain"),
    "waarschuwingssignalen": WARNING_SIGNS.title,
    "zelf-doen": T("Zelf aan de slag", "What you can do yourself"),
    "oefeningen": T("Oefeningen", "Exercises"),
    "behandeling": CLINIC.title,
    "voorkomen": PREVENTION.title,
    "wanneer-naar-de-dokter": T("Wanneer naar de huisarts of 112", "When to see your GP or call 112"),
    "veelgestelde-vragen": T("Vragen en antwoorden", "Questions and answers"),
    "bewijs": T("Wat het onderzoek zegt", "What research says"),
}

SECTION_LEADS: dict[str, Text] = {
    "knie": T(
        "Wat er bij elke pas in uw knie gebeurt, en waarom pijn meestal geen schade betekent.",
        "What happens in your knee with every stride, and why pain usually does not mean damage.",
    ),
    "oorzaken": T(
        "De zes oorzaken die het vaakst achter kniepijn bij hardlopers zitten. Open er een om meer te lezen.",
        "The six causes most often behind knee pain in runners. Open one to read more.",
    ),
    "waarschuwingssignalen": T(
        "Welke klachten betekenen dat u beter even kunt stoppen.",
        "Which symptoms mean you had better stop for a while.",
    ),
    "zelf-doen": T(
        "Zes dingen die u zelf kunt doen om uw knie te laten herstellen.",
        "Six things you can do yourself to help your knee recover.",
    ),
    "oefeningen": T(
        "Krachtoefeningen voor heup, bil en been, en oefeningen voor soepele heupen en enkels.",
        "Strength exercises for your hips, glutes and legs, and exercises for supple hips and ankles.",
    ),
    "behandeling": T(
        "Wat een fysiotherapeut onderzoekt en hoe de behandeling eruit kan zien.",
        "What a physiotherapist examines and what treatment can look like.",
    ),
    "voorkomen": T(
        "Slim trainen, zodat uw knieën het hardlopen blijven volhouden.",
        "Train smart, so your knees keep enjoying your running.",
    ),
    "wanneer-naar-de-dokter": T(
        "Wanneer u de huisarts belt, en wanneer meteen 112.",
        "When to phone your GP, and when to call 112 straight away.",
    ),
    "veelgestelde-vragen": T(
        "Korte antwoorden op vragen die lopers vaak stellen.",
        "Short answers to questions runners often ask.",
    ),
    "bewijs": T(
        "Waar onderzoek iets anders zegt dan de fysiotherapiepraktijk, en wat wij daarmee doen.",
        "Where research differs from the physiotherapy clinic, and what we do about it.",
    ),
}
