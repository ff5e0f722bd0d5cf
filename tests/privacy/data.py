"""A runner with something in every table that refers to them, for the export and erasure tests.

`FILL` has one entry per model with a foreign key or one-to-one to the user. The erasure test compares its
keys with the models Django knows, so a new model that refers to the user fails that test until it gets an
entry here (and with it, a check that erasure and export handle it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kniewijs.audit.log import pseudonym, record
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic.models import AppointmentType, Booking, Clinic, Consent, PatientNote, Therapist
from kniewijs.privacy.models import DataExport, PracticeDetails, PrivacyZone
from kniewijs.recovery.models import Programme, QuestionnaireResponse, ReminderSent, Review, SessionLog
from kniewijs.training.importing import import_bytes
from kniewijs.training.models import Activity, DailyEntry, ImportedFile, ImportJob, RunnerSettings, Shoe

FORMULA_SHOE = '=HYPERLINK("http://evil.example/","klik")'
TOTP_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test key, easy to search for


def gpx_run(start: datetime, minutes: int = 20, tag: str = "") -> bytes:
    """A small GPX run heading north at an easy pace, one point a minute."""
    points = []
    for i in range(minutes + 1):
        when = (start + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        points.append(f'<trkpt lat="{52.0 + i * 0.0015:.6f}" lon="5.100000"><time>{when}</time></trkpt>')
    return (
        f'<?xml version="1.0"?><gpx version="1.1" creator="test{tag}" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Rondje {tag}</name><type>running</type><trkseg>{''.join(points)}</trkseg></trk></gpx>"
    ).encode()


def make_booking(
    runner: Any, clinic: Clinic, therapist: Therapist, *, email: str = "", days: int = 3
) -> Booking:
    starts = datetime(2026, 12, 1, 9, tzinfo=UTC) + timedelta(days=days)
    return Booking.objects.create(
        clinic=clinic,
        therapist=therapist,
        appointment_type=AppointmentType.objects.filter(clinic=clinic).first(),
        starts_at=starts,
        ends_at=starts + timedelta(minutes=20),
        runner=runner,
        name="Anna Loper" if runner is not None else "Gast",
        email=email or getattr(runner, "email", "gast@example.nl"),
        phone="06 12345678",
        selfcheck_answers={"pain_now": 3},
        report_consent_at=starts - timedelta(days=2),
    )


def _settings(user: Any, ctx: dict[str, Any]) -> None:
    RunnerSettings.objects.get_or_create(user=user)


def _shoe(user: Any, ctx: dict[str, Any]) -> None:
    Shoe.objects.create(user=user, name=FORMULA_SHOE, start_km=12.5)


def _imported(user: Any, ctx: dict[str, Any]) -> None:
    data = gpx_run(datetime(2026, 11, 2, 7, tzinfo=UTC), tag=str(user.pk))
    [result] = list(import_bytes(user, "ochtendloop.gpx", data))
    assert result.status == "imported", result
    ctx["original_bytes"] = data


def _activity(user: Any, ctx: dict[str, Any]) -> None:
    # A hand-entered run with a negative number, to see numbers stay numbers in the CSV.
    Activity.objects.create(
        user=user,
        start=datetime(2026, 11, 5, 18, tzinfo=UTC),
        local_date=date(2026, 11, 5),
        distance_m=5000,
        duration_s=1800,
        ascent_m=-12.5,
        name="-dalen loop",
    )


def _daily(user: Any, ctx: dict[str, Any]) -> None:
    DailyEntry.objects.create(user=user, date=date(2026, 11, 6), pain_after=3, note="@thuis: knie stijf")


def _job(user: Any, ctx: dict[str, Any]) -> None:
    ImportJob.objects.create(user=user, total=1, done=1, status=ImportJob.Status.DONE)


def _programme(user: Any, ctx: dict[str, Any]) -> None:
    programme = Programme.objects.create(user=user, started_on=date(2026, 10, 1), severity="moderate")
    # A strength session keeps its own pain; a run's would live in the day's entry of the training log.
    SessionLog.objects.create(programme=programme, date=date(2026, 10, 2), kind="strength", pain_during=2)
    Review.objects.create(programme=programme, date=date(2026, 10, 20))
    ReminderSent.objects.create(programme=programme, date=date(2026, 10, 3))


def _questionnaire(user: Any, ctx: dict[str, Any]) -> None:
    QuestionnaireResponse.objects.create(
        user=user, questionnaire="kujala", date=date(2026, 10, 1), answers={"q1": 2}, score=71.0
    )


def _therapist(user: Any, ctx: dict[str, Any]) -> None:
    # Only for the completeness test: the erase page itself refuses therapists.
    Therapist.objects.create(user=user, name=f"Profiel {user.pk}")


def _booking(user: Any, ctx: dict[str, Any]) -> None:
    make_booking(user, ctx["clinic"], ctx["physio"].therapist, days=user.pk)


def _consent(user: Any, ctx: dict[str, Any]) -> None:
    ctx["consents"] = [
        Consent.objects.create(runner=user, clinic=ctx["clinic"], category=c) for c in Consent.Category.values
    ]


def _invitation(user: Any, ctx: dict[str, Any]) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from kniewijs.clinic.models import TherapistInvitation

    soon = timezone.now() + timedelta(days=7)
    TherapistInvitation.objects.create(
        clinic=ctx["clinic"],
        email=f"collega.{user.pk}@example.nl",
        name="Collega",
        invited_by=user,
        expires_at=soon,
    )
    TherapistInvitation.objects.create(
        clinic=ctx["clinic"], email=user.email, name="Zelf", accepted_by=user, status="done", expires_at=soon
    )


def _note(user: Any, ctx: dict[str, Any]) -> None:
    PatientNote.objects.create(
        clinic=ctx["clinic"], runner=user, author=ctx["physio"].therapist, text="Knie rustig."
    )


def _privacy_zone(user: Any, ctx: dict[str, Any]) -> None:
    PrivacyZone.objects.create(user=user, name="Thuis", lat=52.093718, lon=5.127463, radius_m=400)


def _practice_details(user: Any, ctx: dict[str, Any]) -> None:
    PracticeDetails.objects.create(
        user=user, full_name="Anna Loper", date_of_birth=date(1990, 5, 2), knee="left"
    )


def _admin_log(user: Any, ctx: dict[str, Any]) -> None:
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Clinic),
        object_id=str(ctx["clinic"].pk),
        object_repr=str(ctx["clinic"]),
        action_flag=ADDITION,
    )


def _totp(user: Any, ctx: dict[str, Any]) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=user, name="telefoon", key=TOTP_KEY, confirmed=True)


def _api_token(user: Any, ctx: dict[str, Any]) -> None:
    from kniewijs.api.models import ApiToken

    ApiToken.issue(user, "Hardloophorloge", "write")


def _data_export(user: Any, ctx: dict[str, Any]) -> None:
    from kniewijs.privacy.exports import run_export

    export = DataExport.objects.create(user=user)
    run_export(export.pk)
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY and export.archive
    ctx["data_export"] = export


FILL: dict[str, Callable[[Any, dict[str, Any]], None]] = {
    "training.RunnerSettings": _settings,
    "training.Shoe": _shoe,
    "training.ImportedFile": _imported,
    "training.Activity": _activity,
    "training.DailyEntry": _daily,
    "training.ImportJob": _job,
    "recovery.Programme": _programme,
    "recovery.QuestionnaireResponse": _questionnaire,
    "clinic.Therapist": _therapist,
    "clinic.Booking": _booking,
    "clinic.Consent": _consent,
    "clinic.PatientNote": _note,
    "clinic.TherapistInvitation": _invitation,
    "privacy.PrivacyZone": _privacy_zone,
    "privacy.PracticeDetails": _practice_details,
    "privacy.DataExport": _data_export,
    "api.ApiToken": _api_token,
    "admin.LogEntry": _admin_log,
    "otp_totp.TOTPDevice": _totp,
}


def fill(user: Any, clinic: Clinic, physio: Any, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Give `user` rows in every table of FILL (except `skip`) and two access-log entries about them."""
    ctx: dict[str, Any] = {"clinic": clinic, "physio": physio}
    for label, make in FILL.items():
        if label not in skip:
            make(user, ctx)
    consent = ctx.get("consents", [None])[0]
    for action in (AccessEvent.Action.READ, AccessEvent.Action.PRINT):
        record(
            actor=physio,
            role=AccessEvent.Role.PHYSIO,
            subject=pseudonym(user.pk),
            category=Consent.Category.SELFCHECK,
            action=action,
            clinic=clinic,
            consent=consent,
            detail=f"/praktijk/patient/{user.pk}/",
        )
    ctx["imported_file"] = ImportedFile.objects.filter(user=user).first()
    return ctx
