"""Every URL pattern the resolver knows x every role: a 2xx answer that this table does not allow fails.

The patterns come from Django's resolver, so a new view is in the matrix the moment it is routed. A pattern
whose arguments the matrix cannot fill fails too: add it to ARGUMENTS (and, if someone may see it, to
ALLOWED). Each pattern is asked with GET and with an empty POST.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from kniewijs.api.models import ApiToken
from kniewijs.clinic.links import make_token
from kniewijs.clinic.models import Booking, Consent
from kniewijs.privacy.models import DataExport
from kniewijs.recovery.models import Programme
from kniewijs.training.models import Activity, DailyEntry, ImportJob, Shoe
from tests.clinic.conftest import make_clinic_admin
from tests.conftest import grant, make_booking, make_clinic, make_physio, make_runner, verified_client

OWNER = "owner"
OTHER_RUNNER = "other_runner"
CONSENTED_PHYSIO = "consented_physio"
# Works at the consented clinic beside CONSENTED_PHYSIO: opens the practice's appointments, not their own.
COLLEAGUE = "colleague"
NON_CONSENTING_PHYSIO = "non_consenting_physio"
OTHER_CLINIC_PHYSIO = "other_clinic_physio"
REVOKED_PHYSIO = "revoked_physio"
ANONYMOUS = "anonymous"
# The consented clinic's physio signed in with a password, without the TOTP step: nothing of the clinic yet.
UNVERIFIED_PHYSIO = "unverified_physio"
# Administrator of the consented clinic (A) in the admin; the admin pages of objects are asked with the objects
# of clinic B (ARGUMENTS below), so any 2xx there is one clinic's administrator seeing another's.
CLINIC_ADMIN = "clinic_admin"
ROLES = (
    OWNER,
    OTHER_RUNNER,
    CONSENTED_PHYSIO,
    COLLEAGUE,
    NON_CONSENTING_PHYSIO,
    OTHER_CLINIC_PHYSIO,
    REVOKED_PHYSIO,
    ANONYMOUS,
    UNVERIFIED_PHYSIO,
    CLINIC_ADMIN,
)
RUNNERS = {OWNER, OTHER_RUNNER}
PHYSIOS = {CONSENTED_PHYSIO, COLLEAGUE, NON_CONSENTING_PHYSIO, OTHER_CLINIC_PHYSIO, REVOKED_PHYSIO}
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {ANONYMOUS}

# Who may get a 2xx from each named pattern. Missing name = nobody.
ALLOWED: dict[str, set[str]] = {
    # public pages
    "healthz": EVERYONE,  # ok or failing for the load balancer; nothing else
    "pages:home": EVERYONE,
    "pages:knowledge": EVERYONE,
    "pages:knowledge_section": EVERYONE,
    "pages:book": EVERYONE,
    "selfcheck:start": EVERYONE,
    "selfcheck:questions": EVERYONE,
    "selfcheck:example": EVERYONE,
    "selfcheck:pdf": EVERYONE,  # prints only the answers posted with it; nothing is stored
    "accounts:signup": {ANONYMOUS},
    "accounts:signup_sent": EVERYONE,  # "check your e-mail"; names only the address this browser just typed
    "accounts:signup_confirm": {ANONYMOUS},  # the signed link from the e-mail; signed-in accounts are sent on
    "accounts:login": {ANONYMOUS},
    "accounts:password_reset": EVERYONE,
    "accounts:password_reset_done": EVERYONE,
    "accounts:password_reset_confirm": EVERYONE,  # the page says the link is not valid
    "accounts:password_reset_complete": EVERYONE,
    "admin:login": EVERYONE,  # the admin's own login form; everything behind it needs staff + TOTP
    "admin_login": EVERYONE,  # the same form, rate-limited: it shadows admin:login
    "booking:start": EVERYONE,
    "booking:clinic": EVERYONE,
    "booking:slots": EVERYONE,
    # the mailed link's page: its key is after the # (never sent); posting it lets this browser see the booking
    "booking:link": EVERYONE,
    # the booking's pages, by its public id: for the browser that posted its key (nobody in this walk) and for
    # the account that booked it; the old-style key address only redirects
    "booking:done": {OWNER},
    "booking:manage": {OWNER},
    "booking:ics": {OWNER},
    "booking:reschedule": {OWNER},
    "booking:cancel": {OWNER},
    "physio:invitation_link": EVERYONE,  # the same for an invitation; its page needs the key posted first
    "privacy:erased": EVERYONE,
    # any signed-in account's own pages
    "booking:mine": SIGNED_IN,
    "privacy:consent": SIGNED_IN,
    "privacy:access_log": SIGNED_IN,
    "privacy:export": SIGNED_IN,
    "privacy:erase": SIGNED_IN,
    "privacy:zones": SIGNED_IN,
    "api_tokens:list": SIGNED_IN,
    "api_tokens:create": SIGNED_IN,
    "api_tokens:revoke": {OWNER},
    # the API: a schema and the self-check (stores nothing) are public; everything else needs a bearer token,
    # so a session gets 401
    "api_v1:openapi-json": EVERYONE,
    "api_v1:openapi-view": EVERYONE,
    "api_v1:selfcheck": EVERYONE,
    "accounts:account": SIGNED_IN,
    "accounts:logout": EVERYONE,  # a GET shows the log-out button; nothing else
    "accounts:password_change": SIGNED_IN,
    "accounts:password_change_done": SIGNED_IN,
    "training:dashboard": SIGNED_IN,
    "training:upload": SIGNED_IN,
    "training:activities": SIGNED_IN,
    "training:manual_run": SIGNED_IN,
    "training:daily_entry": SIGNED_IN,
    "training:shoes": SIGNED_IN,
    "recovery:programme": SIGNED_IN,
    "recovery:start": SIGNED_IN,
    "recovery:questionnaires": SIGNED_IN,
    "recovery:questionnaire": SIGNED_IN,
    # the owner's rows, by id
    "training:activity": {OWNER},
    "training:activity_delete": {OWNER},
    "training:shoe": {OWNER},
    "training:job": {OWNER},
    "privacy:export_download": {OWNER},
    "privacy:export_status": {OWNER},
    # pages without an id: each account only ever reaches its own programme (an empty POST to
    # recovery:start gives any account a programme of its own)
    "recovery:log": SIGNED_IN,
    "recovery:pdf": SIGNED_IN,
    "recovery:stop": SIGNED_IN,
    "recovery:calendar": EVERYONE,  # the token in the address is the key (a calendar app has no session)
    # the clinic
    "physio:dashboard": PHYSIOS,
    "physio:agenda": PHYSIOS,  # each their own practice's day (test_practice_agenda.py)
    "physio:verify": PHYSIOS | {UNVERIFIED_PHYSIO, CLINIC_ADMIN},
    # the admin, for the administrator of clinic A: the lists (of A's rows only, see test_admin_scope.py) and
    # the add pages; never B's objects, never a therapist's add page
    "admin:index": {CLINIC_ADMIN},
    "admin:jsi18n": {CLINIC_ADMIN},
    "admin:password_change": {CLINIC_ADMIN},
    "admin:password_change_done": {CLINIC_ADMIN},
    "admin:clinic_clinic_changelist": {CLINIC_ADMIN},
    "admin:clinic_therapist_changelist": {CLINIC_ADMIN},
    "admin:clinic_availabilityexception_changelist": {CLINIC_ADMIN},
    "admin:clinic_availabilityexception_add": {CLINIC_ADMIN},
    "admin:clinic_booking_changelist": {CLINIC_ADMIN},
    "admin:clinic_booking_add": {CLINIC_ADMIN},
    "admin:clinic_therapistinvitation_changelist": {CLINIC_ADMIN},
    "admin:clinic_therapistinvitation_add": {CLINIC_ADMIN},
    # the owner's booking with CONSENTED_PHYSIO: theirs, and open to the colleagues at that clinic
    "physio:appointment": {CONSENTED_PHYSIO, COLLEAGUE},
    # the owner consents to the clinic, so to everyone working there
    "physio:patient": {CONSENTED_PHYSIO, COLLEAGUE},
    "physio:patient_pdf": {CONSENTED_PHYSIO, COLLEAGUE},
}


@dataclass
class World:
    owner: Any
    activity: Activity
    shoe: Shoe
    job: ImportJob
    booking: Booking
    calendar_token: str
    booking_token: str
    api_token: ApiToken
    reset: tuple[str, str]
    export: DataExport
    # clinic B's object of each clinic model, by model name, for the admin's object pages
    other_clinic: dict[str, int] = field(default_factory=dict)


def _world() -> tuple[World, dict[str, Any]]:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from kniewijs.recovery.views import calendar_token

    owner = make_runner("eigenaar@example.nl")
    other = make_runner("ander@example.nl")
    consented, non_consenting, other_clinic, revoked = (
        make_clinic("a", "Praktijk A"),
        make_clinic("b", "Praktijk B"),
        make_clinic("c", "Praktijk C"),
        make_clinic("d", "Praktijk D"),
    )
    physios = {
        CONSENTED_PHYSIO: make_physio("a@fysio.nl", consented),
        COLLEAGUE: make_physio("joost@fysio.nl", consented),
        NON_CONSENTING_PHYSIO: make_physio("b@fysio.nl", non_consenting),
        OTHER_CLINIC_PHYSIO: make_physio("c@fysio.nl", other_clinic),
        REVOKED_PHYSIO: make_physio("d@fysio.nl", revoked),
    }
    grant(owner, consented)
    for consent in grant(owner, revoked):
        consent.revoked_at = timezone.now()
        consent.save()
    booking = make_booking(consented, physios[CONSENTED_PHYSIO], owner, {"injury": False}, hours=30)
    make_booking(
        non_consenting, physios[NON_CONSENTING_PHYSIO], owner, {"injury": False}, hours=50
    )  # a booking, but no consent
    shoe = Shoe.objects.create(user=owner, name="Pegasus")
    now = timezone.now()
    activity = Activity.objects.create(
        user=owner,
        start=now - timedelta(days=1),
        local_date=timezone.localdate(),
        duration_s=1800,
        distance_m=5000,
    )
    DailyEntry.objects.create(user=owner, date=timezone.localdate(), pain_during=2)
    job = ImportJob.objects.create(user=owner)
    Programme.objects.create(
        user=owner, started_on=timezone.localdate(), severity="light", exercises=["single_leg_squat"]
    )
    world = World(
        owner=owner,
        activity=activity,
        shoe=shoe,
        job=job,
        booking=booking,
        calendar_token=calendar_token(owner.pk),
        booking_token=make_token(booking),
        api_token=ApiToken.issue(owner, "matrix", "write")[0],
        reset=(urlsafe_base64_encode(force_bytes(owner.pk)), default_token_generator.make_token(owner)),
        export=_ready_export(owner),
        other_clinic=_objects_of(non_consenting, physios[NON_CONSENTING_PHYSIO]),
    )
    users = {
        OWNER: owner,
        OTHER_RUNNER: other,
        **physios,
        UNVERIFIED_PHYSIO: physios[CONSENTED_PHYSIO],
        CLINIC_ADMIN: make_clinic_admin("beheer@a.nl", consented),
    }
    return world, users


def _objects_of(clinic: Any, physio: Any) -> dict[str, int]:
    from kniewijs.clinic.models import AvailabilityException, TherapistInvitation

    now = timezone.now()
    absence = AvailabilityException.objects.create(
        therapist=physio.therapist, starts_at=now, ends_at=now + timedelta(days=1)
    )
    invitation = TherapistInvitation.objects.create(
        clinic=clinic, email="nieuw@b.nl", name="Nieuw", expires_at=now + timedelta(days=7)
    )
    return {
        "clinic": clinic.pk,
        "therapist": physio.therapist.pk,
        "availabilityexception": absence.pk,
        "booking": Booking.objects.filter(clinic=clinic).first().pk,
        "therapistinvitation": invitation.pk,
    }


def _ready_export(owner: Any) -> DataExport:
    from kniewijs.privacy.exports import run_export

    export = DataExport.objects.create(user=owner)
    run_export(export.pk)
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    return export


# Arguments per pattern name (or per argument name, for the admin's generic ones).
ARGUMENTS: dict[str, Callable[[World], dict[str, Any]]] = {
    "pages:knowledge_section": lambda w: {"slug": "wanneer-naar-de-dokter"},
    "selfcheck:example": lambda w: {
        "slug": next(iter(__import__("kniewijs.selfcheck.examples", fromlist=["EXAMPLES"]).EXAMPLES))
    },
    "accounts:password_reset_confirm": lambda w: {"uidb64": w.reset[0], "token": w.reset[1]},
    "accounts:signup_confirm": lambda w: {
        "token": __import__("kniewijs.accounts.signup", fromlist=["make_token"]).make_token(
            "nieuw@example.nl"
        )
    },
    "training:job": lambda w: {"pk": w.job.pk},
    "privacy:export_download": lambda w: {"export_id": w.export.pk},
    "privacy:export_status": lambda w: {"export_id": w.export.pk},
    "training:activity": lambda w: {"pk": w.activity.pk},
    "training:activity_delete": lambda w: {"pk": w.activity.pk},
    "training:shoe": lambda w: {"pk": w.shoe.pk},
    "training:shoe_retire": lambda w: {"pk": w.shoe.pk},
    "recovery:calendar": lambda w: {"token": w.calendar_token},
    "recovery:questionnaire": lambda w: {"key": "kujala"},
    "physio:appointment": lambda w: {"pk": w.booking.pk},
    "booking:done": lambda w: {"public_id": w.booking.public_id},
    "booking:legacy_link": lambda w: {"token": w.booking_token},
    "api_tokens:revoke": lambda w: {"pk": w.api_token.pk},
    "booking:manage": lambda w: {"public_id": w.booking.public_id},
    "booking:ics": lambda w: {"public_id": w.booking.public_id},
    "booking:reschedule": lambda w: {"public_id": w.booking.public_id},
    "booking:cancel": lambda w: {"public_id": w.booking.public_id},
    "physio:invitation": lambda w: {"pk": w.other_clinic.get("therapistinvitation", 1)},
    "booking:clinic": lambda w: {"slug": "a"},
    "booking:slots": lambda w: {"slug": "a"},
    "booking:details": lambda w: {"slug": "a"},
    "physio:patient": lambda w: {"runner_id": w.owner.pk},
    "physio:add_note": lambda w: {"runner_id": w.owner.pk},
    "physio:patient_pdf": lambda w: {"runner_id": w.owner.pk},
    "physio:adjust_programme": lambda w: {"runner_id": w.owner.pk},
}
# The admin's object pages of the clinic models: clinic B's objects, which the administrator of A must not reach.
for _model in ("clinic", "therapist", "availabilityexception", "booking", "therapistinvitation"):
    for _page in ("change", "delete", "history"):
        ARGUMENTS[f"admin:clinic_{_model}_{_page}"] = lambda w, m=_model: {
            "object_id": w.other_clinic.get(m, 0)
        }
# Resetting an authenticator: clinic B's physio, whom the administrator of A must not reach (404).
ARGUMENTS["admin:clinic_therapist_reset_totp"] = lambda w: {"object_id": w.other_clinic.get("therapist", 0)}
GENERIC_ARGUMENTS: dict[str, Callable[[World], Any]] = {
    "object_id": lambda w: w.owner.pk,
    "pk": lambda w: 1,
    "content_type_id": lambda w: 1,
    "id": lambda w: w.owner.pk,
    "app_label": lambda w: "auth",
    "url": lambda w: "nergens/",
}
# Asked with GET only: an empty POST here would end the session the matrix goes on using.
GET_ONLY = {"accounts:logout", "admin:logout"}


def _patterns(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from _patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), namespace + (entry.name or f"unnamed:{entry.pattern}")


_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>[^)]*\)")


def _path(route: str, name: str, world: World) -> str:
    """The address of one pattern with the owner's objects filled in."""
    values = ARGUMENTS[name](world) if name in ARGUMENTS else {}

    def fill(match: re.Match[str]) -> str:
        param = match.group("name") or match.group("rname")
        if param in values:
            return str(values[param])
        if param in GENERIC_ARGUMENTS and name.startswith("admin:"):
            return str(GENERIC_ARGUMENTS[param](world))
        raise AssertionError(f"{name} ({route}): add its argument {param!r} to ARGUMENTS in this test")

    path = _PARAM.sub(fill, route)
    path = path.lstrip("^").rstrip("$").replace("\\", "")
    return "/" + path.removeprefix("nl/")


def _client(role: str, users: dict[str, Any]) -> Client:
    if role == ANONYMOUS:
        return Client()
    user = users[role]
    if role in PHYSIOS or role == CLINIC_ADMIN:
        return verified_client(user)
    client = Client()
    client.force_login(user)
    return client


def test_every_url_pattern_answers_2xx_only_to_the_roles_allowed(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world, users = _world()
    patterns = list(_patterns())
    assert len(patterns) > 60, "the resolver walk found too few patterns"
    leaks: list[str] = []
    asked = 0
    for method in ("get", "post"):
        for role in ROLES:
            client = _client(role, users)
            for route, name in patterns:
                if method == "post" and name in GET_ONLY:
                    continue
                path = _path(route, name, world)
                response = getattr(client, method)(path)
                asked += 1
                if 200 <= response.status_code < 300 and role not in ALLOWED.get(name, set()):
                    leaks.append(f"{method.upper()} {path} ({name}) gave {response.status_code} to {role}")
                if role == OWNER and method == "post":
                    # an empty POST as the owner may have changed the world (e.g. deleted the activity)
                    world, users = _refresh(world, users)
    assert asked > 500
    assert not leaks, "\n".join(leaks)


def _refresh(world: World, users: dict[str, Any]) -> tuple[World, dict[str, Any]]:
    if not Activity.objects.filter(pk=world.activity.pk).exists():
        world.activity = Activity.objects.create(
            user=world.owner,
            start=timezone.now() - timedelta(days=2),
            local_date=timezone.localdate(),
            duration_s=1800,
            distance_m=5000,
        )
    return world, users


def test_the_matrix_fails_when_a_pattern_gives_2xx_to_a_role_it_does_not_allow(db, media_root):
    """The check itself can fail: the owner's activity page is not allowed for the other runner."""
    world, users = _world()
    response = _client(OWNER, users).get(f"/log/trainingen/{world.activity.pk}/")
    assert response.status_code == 200
    assert OTHER_RUNNER not in ALLOWED["training:activity"]


@pytest.mark.parametrize("role", [NON_CONSENTING_PHYSIO, OTHER_CLINIC_PHYSIO, REVOKED_PHYSIO, OTHER_RUNNER])
def test_the_record_of_a_runner_is_404_not_403_for_those_without_consent(db, role, media_root):
    """A 403 would tell them the runner exists."""
    world, users = _world()
    response = _client(role, users).get(f"/praktijk/patient/{world.owner.pk}/")
    assert response.status_code == (403 if role == OTHER_RUNNER else 404)
    assert Consent.objects.filter(runner=world.owner, revoked_at__isnull=True).count() == 4


def test_the_clinic_admin_making_themselves_therapist_of_every_clinic_is_refused(db, media_root):
    """The measured escalation (M2): the administrator of A posts the therapist add form with their own account
    and every clinic, then opens the consenting runner's record. Refused, and nothing is made."""
    from kniewijs.clinic.models import Clinic, Therapist

    world, users = _world()
    admin = users[CLINIC_ADMIN]
    client = _client(CLINIC_ADMIN, users)
    form = {
        "user": admin.pk,
        "name": "Beheer",
        "active": "on",
        "clinics": list(Clinic.objects.values_list("pk", flat=True)),
    }
    assert client.post("/beheer/clinic/therapist/add/", form).status_code == 403
    assert not Therapist.objects.filter(user=admin).exists()
    assert client.get(f"/praktijk/patient/{world.owner.pk}/").status_code == 403
    # B's booking, by its id in the admin: "does not exist" (a redirect), with the attempt in the access log
    response = client.get(f"/beheer/clinic/booking/{world.other_clinic['booking']}/change/")
    assert response.status_code == 302


# Exact answers of the practice agenda and of the owner's appointment (with CONSENTED_PHYSIO) per role: a
# physio gets their own practice's agenda; the appointment opens for its therapist and the colleague at its
# clinic, is a 404 (never a 403: it would say the booking exists) for other physios, and asks for the login or
# the code first.
EXPECTED_CLINIC_ANSWERS = {
    OWNER: (403, 403),
    OTHER_RUNNER: (403, 403),
    CONSENTED_PHYSIO: (200, 200),
    COLLEAGUE: (200, 200),
    NON_CONSENTING_PHYSIO: (200, 404),
    OTHER_CLINIC_PHYSIO: (200, 404),
    REVOKED_PHYSIO: (200, 404),
    ANONYMOUS: (302, 302),
    UNVERIFIED_PHYSIO: (302, 302),
    CLINIC_ADMIN: (403, 403),
}


@pytest.mark.parametrize("role", ROLES)
def test_the_agenda_and_the_appointment_answer_each_role_as_expected(db, role, media_root):
    from django.urls import reverse

    world, users = _world()
    client = _client(role, users)
    agenda = client.get(reverse("physio:agenda"))
    appointment = client.get(reverse("physio:appointment", args=[world.booking.pk]))
    assert (agenda.status_code, appointment.status_code) == EXPECTED_CLINIC_ANSWERS[role]
    if role == UNVERIFIED_PHYSIO:
        assert appointment["Location"].startswith(reverse("physio:verify"))


def test_after_moving_practice_the_own_appointment_opens_and_a_former_colleagues_does_not(db, media_root):
    from django.urls import reverse

    from kniewijs.clinic.models import Clinic

    world, users = _world()
    url = reverse("physio:appointment", args=[world.booking.pk])
    elsewhere = Clinic.objects.get(slug="c")
    users[COLLEAGUE].therapist.clinics.set([elsewhere])
    assert _client(COLLEAGUE, users).get(url).status_code == 404
    users[CONSENTED_PHYSIO].therapist.clinics.set([elsewhere])
    assert _client(CONSENTED_PHYSIO, users).get(url).status_code == 200
