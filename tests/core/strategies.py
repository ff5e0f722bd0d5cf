"""Hypothesis strategies for answer sets, built from the core's own field catalogue."""

from hypothesis import strategies as st

from kniewijs.core.answers import FIELDS, Field


def value_strategy(spec: Field):
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "int":
        return st.integers(int(spec.minimum), int(spec.maximum))
    if spec.kind == "number":
        return st.floats(spec.minimum, spec.maximum, allow_nan=False, allow_infinity=False)
    values = [c.value for c in spec.choices]
    if spec.kind == "choice":
        return st.sampled_from(values)
    return st.lists(st.sampled_from(values), unique=True).map(sorted)


raw_answers = st.fixed_dictionaries({}, optional={f.name: value_strategy(f) for f in FIELDS})

# Each red flag, as (field, value) that states the sign is present.
RED_FLAGS = [
    ("pop", True),
    ("sudden_severe_pain", True),
    ("lost_function", True),
    ("can_take_4_steps", False),
    ("can_bend_90", False),
    ("deformity", True),
    ("tender_kneecap_only", True),
    ("tender_fibular_head", True),
    ("swelling", "slow"),
    ("swelling", "fast"),
    ("warm", True),
    ("red", True),
    ("fever", True),
    ("locking", True),
    ("giving_way", True),
    ("calf_swelling", True),
    ("breathless_or_chest_pain", True),
    ("injury", True),
    ("fall", True),
    ("straight_leg_raise", False),
    ("kneecap_shifted", True),
    ("night_pain", True),
    ("pain_at_rest", True),
    ("feeling_ill_or_weight_loss", True),
    ("limp", True),
    ("hip_or_groin_pain", True),
    ("dvt_risk", True),
    ("improving_with_rest", False),
]
