"""Frequently asked questions: about knee pain, and about seeing a physiotherapist.

The practical questions are answered in general terms; they say nothing about a particular practice.
Re-exported by content.knowledge.
"""

from __future__ import annotations

from ..text import T
from .model import Question

FAQ: tuple[Question, ...] = (
    Question(
        question=T("Maakt hardlopen mijn knieën kapot?", "Does running wear out my knees?"),
        answer=(
            T(
                "Nee. Als u rustig opbouwt en goed traint, is hardlopen juist gezond. Uw botten worden er "
                "steviger van en uw spieren sterker.",
                "No. If you build up gradually and train well, running is good for you. It makes your bones "
                "denser and your muscles stronger.",
            ),
            T(
                "Kniepijn bij hardlopers komt meestal door overbelasting. Daar kunt u zelf veel aan doen.",
                "Knee pain in runners usually comes from overload, and there is a lot you can do about that "
                "yourself.",
            ),
        ),
    ),
    Question(
        question=T("Hoe lang duurt het voordat de pijn over is?", "How long until the pain goes away?"),
        answer=(
            T(
                "Dat hangt af van de oorzaak. Bij de meeste mensen is het gemiddeld binnen 4 tot 6 weken "
                "over.",
                "That depends on the cause. On average, most people are better within 4 to 6 weeks.",
            ),
            T(
                "Pijn rond de knieschijf vraagt vaak meer geduld: een oefenprogramma duurt dan meestal 6 tot "
                "12 weken.",
                "Pain around the kneecap often takes more patience: an exercise programme then usually "
                "lasts 6 to 12 weeks.",
            ),
        ),
    ),
    Question(
        question=T(
            "Mag ik doorlopen als het een beetje pijn doet?", "Can I keep running if it hurts a little?"
        ),
        answer=(
            T(
                "Een beetje stijfheid kan bij trainen horen. Is de pijn scherp, of blijft hij langer dan een "
                "paar dagen? Stop dan even en vraag advies aan een fysiotherapeut of huisarts.",
                "A little stiffness can be part of training. Is the pain sharp, or does it last more than a "
                "few days? Then stop for a while and ask a physiotherapist or GP for advice.",
            ),
            T(
                "Een handige maatstaf is een pijnschaal van 0 tot 10. Pijn tijdens het lopen van 0 tot 3 is "
                "veilig, 4 of 5 is nog acceptabel en boven 5 is te veel. De volgende ochtend hoort de pijn "
                "weer gezakt te zijn, en van week tot week mag hij niet toenemen.",
                "A useful guide is a pain scale from 0 to 10. Pain of 0 to 3 while running is safe, 4 or 5 "
                "is still acceptable and above 5 is too much. By the next morning the pain should have "
                "settled, and it should not build up from week to week.",
            ),
        ),
    ),
    Question(
        question=T("Hoe plan ik een gratis kniecheck?", "How do I book a free knee check?"),
        answer=(
            T(
                "Een kniecheck bij de fysiotherapeut online inplannen kan binnenkort via Kniewijs. Tot die "
                "tijd belt u uw fysiotherapiepraktijk.",
                "You will soon be able to book a knee check with a physiotherapist online through Kniewijs. "
                "Until then, please phone your physiotherapy practice.",
            ),
            T(
                "Doe gerust eerst de online kniecheck op deze site. Dan heeft u meteen advies en weet u wat "
                "u wilt vragen.",
                "Feel free to do the online knee check on this site first. You get advice straight away and "
                "will know what you want to ask.",
            ),
        ),
    ),
    Question(
        question=T("Heb ik een verwijzing van de huisarts nodig?", "Do I need a referral from my GP?"),
        answer=(
            T(
                "Nee. Sinds 2006 kunt u in Nederland zonder verwijzing naar de fysiotherapeut. Bij het "
                "eerste bezoek kijkt de fysiotherapeut of uw klacht bij hem of haar past. Is dat niet zo, "
                "dan stuurt hij of zij u naar de huisarts.",
                "No. Since 2006 you can go to a physiotherapist in the Netherlands without a referral. At "
                "the first visit the physiotherapist checks whether your problem is one they can treat. If "
                "not, they will send you to your GP.",
            ),
            T(
                "Kijk voor de vergoeding wel even in de voorwaarden van uw zorgverzekering.",
                "Do check the terms of your health insurance to see what is covered.",
            ),
        ),
    ),
    Question(
        question=T(
            "Heeft de praktijk een contract met mijn zorgverzekeraar?",
            "Does the practice have a contract with my health insurer?",
        ),
        answer=(
            T(
                "Dat verschilt per praktijk en per verzekeraar. Vraag het na bij de praktijk of bij uw "
                "zorgverzekeraar.",
                "That differs from practice to practice and from insurer to insurer. Ask the practice or "
                "your health insurer.",
            ),
            T(
                "Of u de behandeling vergoed krijgt, hangt af van uw polis. Voor volwassenen valt "
                "fysiotherapie meestal onder de aanvullende verzekering.",
                "Whether your treatment is covered depends on your policy. For adults, physiotherapy is "
                "usually covered by supplementary insurance.",
            ),
        ),
    ),
    Question(
        question=T("Kan een fysiotherapeut bij mij thuis komen?", "Can a physiotherapist visit me at home?"),
        answer=(
            T(
                "Soms wel, bijvoorbeeld als u door uw klachten niet naar de praktijk kunt komen. Vraag uw "
                "praktijk of zij aan huis behandelen.",
                "Sometimes, for example if your symptoms keep you from getting to the practice. Ask your "
                "practice whether they offer home visits.",
            ),
        ),
    ),
    Question(
        question=T("Kan ik mijn afspraak verzetten of afzeggen?", "Can I move or cancel my appointment?"),
        answer=(
            T(
                "Ja. Laat het de praktijk zo vroeg mogelijk weten. Veel praktijken vragen u minstens 24 uur "
                "van tevoren af te zeggen; anders kunnen ze de afspraak in rekening brengen.",
                "Yes. Let the practice know as early as you can. Many practices ask you to cancel at least "
                "24 hours ahead; otherwise they may charge for the appointment.",
            ),
            T(
                "Zodra u online kunt plannen, verzet of annuleert u de afspraak via de link in uw "
                "bevestiging.",
                "Once online booking is available, you can move or cancel the appointment through the link "
                "in your confirmation.",
            ),
        ),
    ),
)
