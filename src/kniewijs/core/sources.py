"""The sources every rule names. One entry per source; rules refer to them by key."""

from __future__ import annotations

from dataclasses import dataclass

from .text import T, Text


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    citation: str
    note: Text


SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source(
            "seed",
            "Fysio Barendrecht: Pijn in knie na hardlopen?",
            T("De voorlichtingspagina van de fysiotherapiepraktijk.", "The clinic's information page."),
        ),
        Source(
            "ottawa",
            "Ottawa knee rule; Bachmann et al. 2004, Ann Intern Med 140:121",
            T(
                "Beslisregel voor een foto na een knieblessure.",
                "Decision rule for an X-ray after a knee injury.",
            ),
        ),
        Source(
            "bsr_hot_joint",
            "BSR/BOA guideline on the hot swollen joint; Coakley et al. 2006",
            T("Richtlijn voor een warm, gezwollen gewricht.", "Guideline for a hot, swollen joint."),
        ),
        Source(
            "wells_dvt",
            "Wells score for deep vein thrombosis",
            T("Inschatting van de kans op trombose.", "Estimate of the chance of a deep vein thrombosis."),
        ),
        Source(
            "nhg_m66",
            "NHG-Standaard Traumatische knieklachten (M66), 2020",
            T(
                "Richtlijn van huisartsen voor knieklachten na een ongeval.",
                "Dutch GP guideline for knee injuries.",
            ),
        ),
        Source(
            "nhg_m107",
            "NHG-Standaard Niet-traumatische knieklachten (M107), 2016",
            T(
                "Richtlijn van huisartsen voor knieklachten zonder ongeval.",
                "Dutch GP guideline for knee complaints without an injury.",
            ),
        ),
        Source(
            "jgz_extremiteiten",
            "JGZ-richtlijn Extremiteiten (NCJ, 2019)",
            T(
                "Richtlijn van de jeugdgezondheidszorg over armen, benen en heupen van kinderen.",
                "Dutch youth health care guideline on children's limbs and hips.",
            ),
        ),
        Source(
            "nice_ng226",
            "NICE NG226 Osteoarthritis in over 16s: diagnosis and management, 2022",
            T("Britse richtlijn over artrose.", "British guideline on osteoarthritis."),
        ),
        Source(
            "nice_cks_knee",
            "NICE CKS Knee pain - assessment",
            T(
                "Britse handleiding voor artsen over het beoordelen van kniepijn.",
                "British guidance for doctors on assessing knee pain.",
            ),
        ),
        Source(
            "nts",
            "Nederlandse Triage Standaard (NTS)",
            T("De Nederlandse triagestandaard voor spoed.", "The Dutch triage standard for urgency."),
        ),
        Source(
            "silbernagel_2007",
            "Silbernagel et al. 2007, pain-monitoring model, Am J Sports Med 35:897",
            T("Model om training op pijn af te stemmen.", "Model for guiding training by pain."),
        ),
        Source(
            "frandsen_2025",
            "Frandsen et al. 2025, single-run spikes, BJSM 59:1203",
            T(
                "Onderzoek bij 5.205 hardlopers naar te lange losse trainingen.",
                "Study of single-run spikes in 5,205 runners.",
            ),
        ),
        Source(
            "buist_2008",
            "Buist et al. 2008, GRONORUN trial of the 10% rule, Am J Sports Med 36:33",
            T("Proef waarin de 10%-regel werd getest.", "Trial that tested the 10% rule."),
        ),
        Source(
            "crossley_2016",
            "Crossley et al. 2016, patellofemoral pain consensus, BJSM 50:839",
            T(
                "Internationale consensus over pijn rond de knieschijf.",
                "International consensus on patellofemoral pain.",
            ),
        ),
        Source(
            "heiderscheit_2011",
            "Heiderscheit et al. 2011, step rate and joint loading, Med Sci Sports Exerc 43:296",
            T(
                "Onderzoek naar pasfrequentie en belasting van de knie.",
                "Study of step rate and knee loading.",
            ),
        ),
        Source(
            "lauersen_2014",
            "Lauersen et al. 2014, exercise to prevent sports injuries, BJSM 48:871",
            T(
                "Overzicht van oefenprogramma's tegen blessures.",
                "Review of exercise programmes against injury.",
            ),
        ),
        Source(
            "malisoux_2015",
            "Malisoux et al. 2015, parallel use of running shoes, Scand J Med Sci Sports 25:110",
            T("Onderzoek naar afwisselen van hardloopschoenen.", "Study of rotating running shoes."),
        ),
        Source(
            "peace_love_2020",
            "Dubois & Esculier 2020, PEACE & LOVE, BJSM 54:72",
            T("Advies voor de eerste dagen na een blessure.", "Advice for the first days after an injury."),
        ),
        Source(
            "nielsen_2014",
            "Nielsen et al. 2014, weekly progression and injury, JOSPT 44:739",
            T("Onderzoek naar weekopbouw en blessures.", "Study of weekly progression and injury."),
        ),
        Source(
            "van_gent_2007",
            "van Gent et al. 2007, incidence of running injuries, BJSM 41:469",
            T(
                "Overzicht van hoe vaak hardloopblessures voorkomen.",
                "Review of how often running injuries occur.",
            ),
        ),
        Source(
            "gabbett_2016",
            "Gabbett 2016, the training-injury prevention paradox, BJSM 50:273",
            T(
                "Onderzoek in teamsporten naar de verhouding tussen recente en gewende belasting.",
                "Team-sport research on the ratio of recent to usual training load.",
            ),
        ),
        Source(
            "impellizzeri_2020",
            "Impellizzeri et al. 2020, acute:chronic workload ratio: conceptual issues, IJSPP 15:907",
            T(
                "Kritiek op de verhouding tussen recente en gewende belasting.",
                "A critique of the acute:chronic workload ratio.",
            ),
        ),
        Source(
            "lolli_2019",
            "Lolli et al. 2019, mathematical coupling in the acute:chronic workload ratio, BJSM 53:921",
            T(
                "Laat zien dat een gekoppelde verhouding deels vanzelf met blessures samenhangt.",
                "Shows that the coupled ratio correlates with injury partly by construction.",
            ),
        ),
        Source(
            "williams_2017",
            "Williams et al. 2017, exponentially weighted acute:chronic workload ratio, BJSM 51:209",
            T(
                "Stelt een gewogen gemiddelde voor in plaats van een gewoon gemiddelde.",
                "Proposes exponentially weighted averages instead of rolling averages.",
            ),
        ),
        Source(
            "foster_1998",
            "Foster 1998, monitoring training with reference to overtraining, Med Sci Sports Exerc 30:1164",
            T(
                "Bedacht eentonigheid en trainingsspanning (monotony en strain).",
                "Introduced training monotony and strain.",
            ),
        ),
        Source(
            "runalyze",
            "Runalyze documentation: monotony and training strain; fitness and fatigue with 2/(N+1)",
            T(
                "Trainingsplatform; waarschuwt bij eentonigheid vanaf 1,5 en noemt 2,0 kritiek.",
                "Training platform; warns at a monotony of 1.5 and calls 2.0 critical.",
            ),
        ),
        Source(
            "goldencheetah",
            "GoldenCheetah Performance Manager Chart: fitness and fatigue with 1 - e^(-1/N)",
            T("Open trainingssoftware met het fitheid-vermoeidheidmodel.", "Open training software."),
        ),
        Source(
            "delaware_2018",
            # Its rules (walk-jog levels, each done at least twice, no two running days in a row, at most
            # 4 runs and 2 levels a week, on level ground) live in core.recovery.ladder.
            "University of Delaware return-to-running progression and soreness rules, Ann Jt 2018",
            T(
                "Stappenplan van de Universiteit van Delaware om na een knieblessure weer te gaan hardlopen.",
                "The University of Delaware's step-by-step plan for running again after a knee injury.",
            ),
        ),
    )
}


def citation(key: str) -> str:
    return SOURCES[key].citation
