"""The questions and answers a new clinic starts with, in Dutch and English.

General practical information about booking and paying for physiotherapy in the Netherlands, not medical
advice. The clinic edits, reorders or removes them in the admin; they are only a starting point.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from .models import Clinic, FaqItem


@dataclass(frozen=True, slots=True)
class DefaultQuestion:
    question_nl: str
    answer_nl: str
    question_en: str
    answer_en: str


DEFAULT_FAQ: tuple[DefaultQuestion, ...] = (
    DefaultQuestion(
        "Hoe maak ik een afspraak?",
        "Kies hierboven een tijd die u past en vul uw naam, e-mailadres en telefoonnummer in. U krijgt "
        "meteen een bevestiging per e-mail, met een agendabestand en een link om de afspraak later te "
        "verzetten of af te zeggen. Bellen kan natuurlijk ook.",
        "How do I make an appointment?",
        "Pick a time that suits you above and fill in your name, e-mail address and phone number. A "
        "confirmation arrives by e-mail straight away, with a calendar file and a link to move or cancel "
        "the appointment later. You can also simply phone us.",
    ),
    DefaultQuestion(
        "Heb ik een verwijzing van de huisarts nodig?",
        "Nee. In Nederland mag u zonder verwijzing naar de fysiotherapeut: dat heet directe "
        "toegankelijkheid. Bij het eerste bezoek kijken we samen of fysiotherapie bij uw klacht past. "
        "Is dat niet zo, dan raden we u aan naar de huisarts te gaan.",
        "Do I need a referral from my GP?",
        "No. In the Netherlands you may see a physiotherapist without a referral, which is called direct "
        "access. At the first visit we check together whether physiotherapy suits your complaint. If it "
        "does not, we will advise you to see your GP.",
    ),
    DefaultQuestion(
        "Wordt de behandeling vergoed?",
        "De kniecheck is gratis. Voor behandelingen hebben we contracten met (bijna) alle "
        "zorgverzekeraars. Fysiotherapie zit voor volwassenen meestal niet in de basisverzekering, maar in "
        "de aanvullende verzekering: hoeveel behandelingen die per jaar betaalt, verschilt per polis. Kijk "
        "in uw polis of vraag het ons; we zoeken het graag met u uit.",
        "Will my treatment be covered?",
        "The knee check is free. For treatment we have contracts with (almost) all health insurers. For "
        "adults, physiotherapy is mostly not part of the basic insurance but of the supplementary "
        "insurance; how many sessions a year it pays for depends on your policy. Check your policy or ask "
        "us, and we will gladly work it out with you.",
    ),
    DefaultQuestion(
        "Kunnen jullie ook bij mij thuis komen?",
        "Ja, als u echt niet naar de praktijk kunt komen, bijvoorbeeld omdat u slecht ter been bent. "
        "Bel ons dan om een huisbezoek af te spreken; dat kan niet via de online agenda.",
        "Can you come to my home?",
        "Yes, if you really cannot come to the clinic, for example because walking is too hard for now. "
        "Please phone us to arrange a home visit; the online calendar does not offer those.",
    ),
    DefaultQuestion(
        "Hoe verzet of annuleer ik mijn afspraak?",
        "Gebruik de link in uw bevestigingsmail. Daarmee kiest u online een andere tijd of zegt u af, tot "
        "de termijn die in die mail staat. Is het later, bel de praktijk dan. Zo kan iemand anders uw plek "
        "nog krijgen.",
        "How do I reschedule or cancel my appointment?",
        "Use the link in your confirmation e-mail. With it you choose another time online or cancel, up "
        "to the deadline given in that e-mail. After that, please phone the clinic, so someone else can "
        "still have your place.",
    ),
)


def add_default_faq(clinic: Clinic) -> int:
    """Give a clinic without any questions the default set; the number added (0 if it had some)."""
    with transaction.atomic():
        if FaqItem.objects.filter(clinic=clinic).exists():
            return 0
        FaqItem.objects.bulk_create(
            FaqItem(
                clinic=clinic,
                order=(index + 1) * 10,
                question_nl=item.question_nl,
                answer_nl=item.answer_nl,
                question_en=item.question_en,
                answer_en=item.answer_en,
            )
            for index, item in enumerate(DEFAULT_FAQ)
        )
    return len(DEFAULT_FAQ)
