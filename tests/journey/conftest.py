"""The demo that `make run` shows, loaded once per test: the journey tests walk what a new user would see."""

import pytest
from django.core.management import call_command

SEEDS_ANONYMOUS = [
    "/",
    "/kennis/",
    "/kniecheck/",
    "/kniecheck/vragen/",
    "/kniecheck-afspraak/",
    "/afspraak/",
    "/afspraak/hardloopknie/",
    "/afspraak/hardloopknie/tijden/",
    "/account/inloggen/",
    "/account/aanmelden/",
    "/account/wachtwoord-vergeten/",
]
SEEDS_RUNNER = [
    "/log/",
    "/log/trainingen/",
    "/log/schoenen/",
    "/log/importeren/",
    "/log/dag/",
    "/log/trainingen/nieuw/",
    "/herstel/",
    "/herstel/loggen/",
    "/herstel/vragenlijsten/",
    "/afspraak/mijn/",
    "/account/",
    "/account/api/",
    "/account/privacy/toestemming/",
    "/account/privacy/inzage/",
    "/account/privacy/export/",
    "/account/privacy/verwijderen/",
    "/account/privacy/zones/",
    "/kniecheck/",
]
SEEDS_PHYSIO = ["/praktijk/"]


def example_paths() -> list[str]:
    from django.urls import reverse

    from kniewijs.selfcheck.examples import EXAMPLES

    return [reverse("selfcheck:example", args=[slug]) for slug in EXAMPLES]


@pytest.fixture
def demo(db, settings, tmp_path):
    """The demo runner, and the demo clinic's first physio with a confirmed TOTP device."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", stdout=_Null())
    from django.contrib.auth import get_user_model

    from kniewijs.clinic.demo import PHYSIOS
    from kniewijs.training.demo import DEMO_EMAIL

    users = get_user_model().objects
    return users.get(email=DEMO_EMAIL), users.get(email=PHYSIOS[0][0])


class _Null:
    def write(self, *_args, **_kwargs):
        return None

    def flush(self):
        return None
