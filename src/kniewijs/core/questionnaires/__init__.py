"""Knee questionnaires scored exactly: the Kujala Anterior Knee Pain Scale and the KOOS-PF.

    from kniewijs.core.questionnaires import KUJALA, score
    result = score(KUJALA, {"limp": "none", ...})   # Score(value, answered, missing, reason)

Rules and sources: docs/questionnaires.md.
"""

from __future__ import annotations

from .koos_pf import KOOS_PF, KOOS_PF_MIC
from .kujala import KUJALA, KUJALA_MIC
from .model import (
    Change,
    Item,
    Option,
    Questionnaire,
    Score,
    Scoring,
    TrendPoint,
    judge_change,
    score,
    trend,
)

QUESTIONNAIRES: dict[str, Questionnaire] = {q.key: q for q in (KUJALA, KOOS_PF)}

__all__ = [
    "KOOS_PF",
    "KOOS_PF_MIC",
    "KUJALA",
    "KUJALA_MIC",
    "QUESTIONNAIRES",
    "Change",
    "Item",
    "Option",
    "Questionnaire",
    "Score",
    "Scoring",
    "TrendPoint",
    "judge_change",
    "score",
    "trend",
]
