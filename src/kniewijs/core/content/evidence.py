"""Where research and the clinic page differ: both positions, and what Kniewijs does with them.

Every note names its sources by key (see core.sources.SOURCES). Re-exported by content.knowledge.
"""

from __future__ import annotations

from ..text import T
from .model import EvidenceNote

EVIDENCE: tuple[EvidenceNote, ...] = (
    EvidenceNote(
        key="ten_percent_rule",
        topic=T("De 10%-regel", "The 10% rule"),
        seed_says=T(
            "Loop elke week hoogstens 10% meer kilometers dan de week ervoor.",
            "Run at most 10% more kilometres each week than the week before.",
        ),
        evidence_says=T(
            "Deze regel is maar één keer goed getest (Buist 2008). Van de lopers die volgens de 10%-regel "
            "opbouwden, raakte 20,8% geblesseerd; met een sneller schema was dat 20,3%. De regel maakte dus "
            "geen verschil. Een ander onderzoek (Nielsen 2014) zag mogelijk meer blessures bij meer dan 30% "
            "erbij in twee weken, maar die uitkomst was niet zeker.",
            "This rule has only been properly tested once (Buist 2008). Of the runners who built up by the "
            "10% rule, 20.8% got injured; on a faster schedule it was 20.3%. So the rule made no difference. "
            "Another study (Nielsen 2014) saw possibly more injuries after an increase of more than 30% over "
            "two weeks, but that result was not certain.",
        ),
        what_we_do=T(
            "We houden de 10%-regel aan als eenvoudige vuistregel. Daarnaast letten we op losse lange "
            "lopen, want daarvan is beter bekend dat ze ertoe doen.",
            "We keep the 10% rule as a simple rule of thumb. Alongside it we look at single long runs, "
            "because there is better evidence that those matter.",
        ),
        sources=("buist_2008", "nielsen_2014"),
    ),
    EvidenceNote(
        key="single_run_spikes",
        topic=T("Eén loop die te lang is", "One run that is too long"),
        seed_says=T(
            "De fysiotherapiepraktijk kijkt alleen naar de afstand per week.",
            "The physiotherapy clinic only looks at the distance per week.",
        ),
        evidence_says=T(
            "Een groot onderzoek bij 5.205 hardlopers (Frandsen 2025) vergeleek elke loop met de langste "
            "loop van de 30 dagen ervoor. Was een loop meer dan 10% langer, dan kwamen blessures vaker voor: "
            "ruim anderhalf keer zo vaak bij 10 tot 30% langer, anderhalf keer zo vaak bij 30 tot 100% langer "
            "en ruim twee keer zo vaak bij meer dan het dubbele. De verhouding tussen de belasting van deze week en die van de weken ervoor "
            "zei in dezelfde gegevens niets bruikbaars.",
            "A large study of 5,205 runners (Frandsen 2025) compared every run with the longest run of the "
            "30 days before. When a run was more than 10% longer, injuries were more common: over one and a half times as "
            "often for 10 to 30% longer, one and a half times for 30 to 100% longer and more than twice "
            "as often for more than double. In the same data, the ratio of this week's load to that of earlier weeks "
            "showed no useful link.",
        ),
        what_we_do=T(
            "We laten de 10%-regel staan en zetten er een tweede regel naast: maak geen enkele loop meer dan "
            "10% langer dan uw langste loop van de afgelopen 30 dagen.",
            "We keep the 10% rule and add a second rule beside it: make no single run more than 10% longer "
            "than your longest run of the past 30 days.",
        ),
        sources=("frandsen_2025",),
    ),
    EvidenceNote(
        key="cadence_180",
        topic=T("Een pasfrequentie van 180", "A step rate of 180"),
        seed_says=T(
            "De fysiotherapiepraktijk noemt 180 stappen per minuut als pasfrequentie die de knie vaak ontziet.",
            "The physiotherapy clinic names 180 steps a minute as a step rate that often spares the knee.",
        ),
        evidence_says=T(
            "Onderzoek (Heiderscheit 2011) liet zien dat 5 tot 10% meer stappen per minuut dan u gewend "
            "bent, de knie minder belast. Voor een vast getal als 180 is geen bewijs. Wat past, verschilt "
            "per persoon, lichaamslengte en tempo.",
            "Research (Heiderscheit 2011) showed that taking 5 to 10% more steps a minute than you are used "
            "to puts less load on the knee. There is no evidence for a fixed number such as 180. What suits "
            "you depends on the person, their height and their pace.",
        ),
        what_we_do=T(
            "We noemen geen vast getal. We gaan uit van uw eigen pasfrequentie en raden aan die rustig met "
            "5 tot 10% te verhogen.",
            "We do not give a fixed number. We start from your own step rate and suggest raising it "
            "gradually by 5 to 10%.",
        ),
        sources=("heiderscheit_2011",),
    ),
    EvidenceNote(
        key="ice_dose",
        topic=T("Hoe lang en hoe vaak koelen", "How long and how often to use ice"),
        seed_says=T(
            "Koel 15 tot 20 minuten, hoogstens 3 keer per dag, het liefst meteen na het sporten.",
            "Cool for 15 to 20 minutes, at most 3 times a day, ideally straight after exercise.",
        ),
        evidence_says=T(
            "Een beste duur of aantal keren is nooit aangetoond. De PEACE & LOVE-aanpak (2020) raadt aan "
            "de knie de eerste 1 tot 3 dagen te sparen en daarna weer te gaan belasten, op geleide van de "
            "pijn. Koelen mag, maar vooral omdat het prettig voelt.",
            "No best duration or number of times has ever been shown. The PEACE & LOVE approach (2020) "
            "advises sparing the knee for the first 1 to 3 days and then loading it again, guided by pain. "
            "Cooling is fine, but mainly because it feels good.",
        ),
        what_we_do=T(
            "We geven het schema van de praktijk als veilige richtlijn en zeggen erbij dat koelen een keuze "
            "is. Belangrijker is dat u daarna weer rustig in beweging komt.",
            "We give the clinic's routine as a safe guide and make clear that cooling is optional. What "
            "matters more is that you then start moving again, gently.",
        ),
        sources=("peace_love_2020",),
    ),
    EvidenceNote(
        key="call_112",
        topic=T("112 of de huisarts na een knieblessure", "112 or the GP after a knee injury"),
        seed_says=T(
            "Bel 112 als u plotseling hevige pijn krijgt, een knap hoort en de knie meteen niet meer werkt.",
            "Call 112 if you suddenly get severe pain, hear a pop and the knee stops working straight away.",
        ),
        evidence_says=T(
            "Volgens de huisartsenrichtlijn voor knieletsel (NHG M66) en de Nederlandse Triage Standaard "
            "hoort een knieblessure met een knap, maar zonder levensgevaar, meestal dezelfde dag bekeken te "
            "worden: bij de huisarts, de huisartsenpost of de spoedeisende hulp. 112 is voor situaties "
            "waarin iemands leven in gevaar is.",
            "According to the Dutch GP guideline for knee injuries (NHG M66) and the Dutch Triage Standard, "
            "a knee injury with a pop but no danger to life usually needs to be seen the same day: by the "
            "GP, the out-of-hours GP service or the emergency department. 112 is for situations where "
            "someone's life is at risk.",
        ),
        what_we_do=T(
            "Zolang u na een knap met direct functieverlies het been nog niet kunt belasten, raadt onze "
            "kniecheck 112 aan, net als de fysiotherapiepraktijk. Kunt u weer lopen, dan is er geen levensgevaar "
            "meer en zeggen we: vandaag nog naar de huisarts, de huisartsenpost of de spoedeisende hulp. "
            "Twijfelt u? Bel de huisarts of de huisartsenpost: zij zeggen u hoe snel u moet komen.",
            "As long as you cannot put weight on the leg after a pop with immediate loss of function, our "
            "knee check advises 112, as the physiotherapy clinic does. Once you can walk again there is no danger to "
            "life and we say: today to the GP, the out-of-hours GP service or the emergency department. Not "
            "sure? Phone your GP or the out-of-hours GP service: they will tell you how soon to come.",
        ),
        sources=("nhg_m66", "nts"),
    ),
    EvidenceNote(
        key="protect_then_load",
        topic=T("Hoe lang rusten", "How long to rest"),
        seed_says=T(
            "Rust naar hoe erg het is: bij lichte pijn 3 tot 7 dagen rustiger aan, bij matige pijn 1 tot 2 "
            "weken niet hardlopen, bij hevige pijn 2 tot 4 weken met begeleiding.",
            "Rest according to how bad it is: with mild pain 3 to 7 days of taking it easy, with moderate "
            "pain 1 to 2 weeks without running, with severe pain 2 to 4 weeks with guidance.",
        ),
        evidence_says=T(
            "Nieuwere adviezen (PEACE & LOVE, 2020) houden het korter: spaar de knie 1 tot 3 dagen en ga "
            "daarna weer belasten, waarbij de pijn bepaalt hoeveel. Het pijnmonitoringsmodel (Silbernagel "
            "2007) geeft daarvoor grenzen: pijn tot 3 op 10 is veilig, 4 of 5 mag nog, boven 5 is te veel. "
            "De volgende ochtend hoort de pijn weer gezakt te zijn.",
            "More recent advice (PEACE & LOVE, 2020) is shorter: spare the knee for 1 to 3 days, then load "
            "it again and let the pain decide how much. The pain-monitoring model (Silbernagel 2007) gives "
            "the limits: pain up to 3 out of 10 is safe, 4 or 5 is still acceptable, above 5 is too much. "
            "By the next morning the pain should have settled.",
        ),
        what_we_do=T(
            "We noemen de rustperiodes van de praktijk als bovengrens. Met de pijnschaal ziet u of u al "
            "eerder voorzichtig kunt opbouwen.",
            "We give the clinic's rest periods as an upper limit. The pain scale shows you whether you can "
            "carefully start building up sooner.",
        ),
        sources=("peace_love_2020", "silbernagel_2007"),
    ),
    EvidenceNote(
        key="shoe_km_limit",
        topic=T("Wanneer nieuwe schoenen", "When to get new shoes"),
        seed_says=T(
            "Hardloopschoenen gaan 600 tot 800 kilometer mee; vervang ze rond 700 kilometer.",
            "Running shoes last 600 to 800 kilometres; replace them at about 700 kilometres.",
        ),
        evidence_says=T(
            "Er is geen onderzoek dat laat zien dat een vaste kilometergrens blessures voorkomt. Wel raakten "
            "lopers die afwisselend meer dan één paar gebruikten minder vaak geblesseerd: hun risico was "
            "ongeveer 39% lager (Malisoux 2015).",
            "No research shows that a fixed mileage limit prevents injuries. Runners who switched between "
            "more than one pair did get injured less often: their risk was about 39% lower (Malisoux 2015).",
        ),
        what_we_do=T(
            "We gebruiken 700 kilometer als geheugensteun om uw schoenen na te kijken, en raden aan twee "
            "paar af te wisselen.",
            "We use 700 kilometres as a reminder to check your shoes, and suggest taking turns with two "
            "pairs.",
        ),
        sources=("malisoux_2015",),
    ),
    EvidenceNote(
        key="strength_effect",
        topic=T("Wat krachttraining oplevert", "What strength training achieves"),
        seed_says=T(
            "Krachttraining kan de kans op hardloopblessures ongeveer halveren.",
            "Strength training can roughly halve the chance of running injuries.",
        ),
        evidence_says=T(
            "Een overzicht van onderzoeken (Lauersen 2014) vond dat krachttraining de kans op sportblessures "
            "terugbracht tot ongeveer een derde van het risico zonder krachttraining. Het ging om sporters in het algemeen, niet "
            "alleen om hardlopers. Rekken had bijna geen effect: het risico bleef vrijwel gelijk.",
            "A review of studies (Lauersen 2014) found that strength training cut the risk of sports "
            "injuries to about a third of the risk without strength training. This was in athletes in general, not only runners. "
            "Stretching made almost no difference: the risk stayed nearly the same.",
        ),
        what_we_do=T(
            "We houden de halvering die de fysiotherapiepraktijk noemt aan als voorzichtige schatting. Krachttraining is een "
            "van de best onderbouwde manieren om blessures te voorkomen. Rekken raden we aan voor "
            "soepelheid, niet als bescherming tegen blessures.",
            "We keep the physiotherapy clinic's 'about half' as a cautious estimate. Strength training is one of "
            "the best-supported ways to prevent injuries. We suggest stretching for suppleness, not as "
            "protection against injury.",
        ),
        sources=("lauersen_2014",),
    ),
)

EVIDENCE_BY_KEY: dict[str, EvidenceNote] = {note.key: note for note in EVIDENCE}
