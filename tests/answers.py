"""Self-check answers the tests share: one runner's story, told once."""

# Three weeks of pain around the kneecap on stairs, no warning signs: the physio level, and a recovery
# programme may start from it.
KNEECAP = {
    "age": 34,
    "injury": False,
    "swelling": "none",
    "weeks": 3,
    "pain_now": 1,
    "pain_running": 3,
    "pain_next_morning": 0,
    "improving_with_rest": True,
    "location": "kneecap",
    "worse_with": ["stairs"],
}
