"""The training log's pages: login required, another runner's rows are a 404, deletes need a POST."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from kniewijs.training.models import Activity, DailyEntry, ImportJob, Shoe

from ..conftest import shared_file

pytestmark = pytest.mark.django_db


def add_run(user, km=8.0, day=datetime(2027, 5, 1, 7, tzinfo=UTC), shoe=None):
    return Activity.objects.create(
        user=user,
        sport="running",
        start=day,
        local_date=day.date(),
        distance_m=km * 1000,
        duration_s=km * 330,
        shoe=shoe,
    )


def protected_urls(activity, shoe, job):
    return [
        reverse("training:dashboard"),
        reverse("training:upload"),
        reverse("training:activities"),
        reverse("training:manual_run"),
        reverse("training:daily_entry"),
        reverse("training:shoes"),
        reverse("training:activity", args=[activity.pk]),
        reverse("training:activity_delete", args=[activity.pk]),
        reverse("training:shoe", args=[shoe.pk]),
        reverse("training:job", args=[job.pk]),
    ]


def test_every_training_page_sends_an_anonymous_visitor_to_the_login_page(client, runner):
    activity, shoe = add_run(runner), Shoe.objects.create(user=runner, name="A")
    job = ImportJob.objects.create(user=runner)
    for url in protected_urls(activity, shoe, job):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"], url


def test_another_runners_activity_shoe_and_import_are_404_not_403(client, runner, second_runner):
    activity, shoe = add_run(runner), Shoe.objects.create(user=runner, name="A")
    job = ImportJob.objects.create(user=runner)
    client.force_login(second_runner)
    for url in protected_urls(activity, shoe, job)[6:]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("training:activity_delete", args=[activity.pk])).status_code == 404
    assert client.post(reverse("training:shoe_retire", args=[shoe.pk])).status_code == 404
    assert (
        Activity.objects.filter(pk=activity.pk).exists() and Shoe.objects.get(pk=shoe.pk).retired_on is None
    )


def test_the_activity_list_shows_only_the_runners_own_activities(client, runner, second_runner):
    add_run(runner, km=8.0)
    add_run(second_runner, km=21.1)
    client.force_login(runner)
    html = client.get(reverse("training:activities")).content.decode()
    assert "8,0" in html and "21,1" not in html


def test_deleting_asks_first_and_only_a_post_deletes(runner_client, runner):
    activity = add_run(runner)
    page = runner_client.get(reverse("training:activity_delete", args=[activity.pk]))
    assert page.status_code == 200 and "Ja, verwijderen" in page.content.decode()
    assert Activity.objects.filter(pk=activity.pk).exists()
    runner_client.post(reverse("training:activity_delete", args=[activity.pk]))
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_a_daily_entry_is_saved_once_per_day_and_edited_after(runner_client, runner):
    url = reverse("training:daily_entry")
    data = {
        "date": "2027-05-02",
        "pain_during": "3",
        "pain_next_morning": "1",
        "sleep_hours": "7,5",
        "resting_heart_rate": "52",
        "pain_location": "kneecap",
    }
    assert runner_client.post(url, data).status_code == 302
    assert runner_client.post(url, data | {"pain_during": "4"}).status_code == 302
    entry = DailyEntry.objects.get(user=runner)
    assert entry.pain_during == 4 and entry.sleep_hours == 7.5


def test_pain_above_ten_is_refused_with_a_dutch_message(runner_client):
    response = runner_client.post(
        reverse("training:daily_entry"), {"date": "2027-05-02", "pain_during": "11"}
    )
    assert response.status_code == 200 and "hoogstens 10" in response.content.decode()


def test_shoes_have_one_default_and_a_limit_between_600_and_800(runner_client, runner):
    url = reverse("training:shoes")
    runner_client.post(url, {"name": "Eerste", "limit_km": "700", "start_km": "0", "is_default": "on"})
    runner_client.post(url, {"name": "Tweede", "limit_km": "750", "start_km": "0", "is_default": "on"})
    assert list(Shoe.objects.filter(user=runner, is_default=True).values_list("name", flat=True)) == [
        "Tweede"
    ]
    response = runner_client.post(url, {"name": "Derde", "limit_km": "900", "start_km": "0"})
    assert response.status_code == 200 and not Shoe.objects.filter(name="Derde").exists()


def test_retiring_a_shoe_is_a_post_and_can_be_undone(runner_client, runner):
    shoe = Shoe.objects.create(user=runner, name="Oud", is_default=True)
    runner_client.post(reverse("training:shoe_retire", args=[shoe.pk]))
    shoe.refresh_from_db()
    assert shoe.retired_on is not None and not shoe.is_default
    runner_client.post(reverse("training:shoe_retire", args=[shoe.pk]))
    shoe.refresh_from_db()
    assert shoe.retired_on is None


def test_uploading_several_files_runs_an_import_job_and_reports_each_file(runner_client, runner, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    good = shared_file("fit", "fitdecode__garmin-fenix-5-run.fit").read_bytes()
    files = [SimpleUploadedFile("run.fit", good), SimpleUploadedFile("kapot.fit", good[:300])]
    response = runner_client.post(reverse("training:upload"), {"files": files})
    assert response.status_code == 302
    job = ImportJob.objects.get(user=runner)
    assert job.status == "done" and job.done == 2
    assert sorted(r["status"] for r in job.results) == ["imported", "rejected"]
    page = runner_client.get(response["Location"]).content.decode()
    assert "kapot.fit" in page and 'http-equiv="refresh"' not in page
    assert runner_client.get(response["Location"] + "?format=json").json()["percent"] == 100
    assert not (media_root / "incoming" / str(job.pk)).exists()


def test_pages_with_health_data_are_not_cached(runner_client):
    assert runner_client.get(reverse("training:dashboard"))["Cache-Control"] == "no-store"


def test_a_log_of_only_old_runs_shows_those_runs_in_the_charts_instead_of_empty_ones(runner_client, runner):
    add_run(runner, km=12.5, day=datetime(2019, 6, 2, 7, tzinfo=UTC))
    figures = runner_client.get(reverse("training:dashboard")).context["figures"]
    weekly = figures[0]["chart"]
    assert any("12,5" in " ".join(row) for row in weekly.table[1:])


def test_the_dashboard_of_the_demo_runner_shows_its_warnings_and_charts(client):
    from kniewijs.training.demo import DEMO_EMAIL, load_demo

    load_demo()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=DEMO_EMAIL))
    response = client.get(reverse("training:dashboard"))
    codes = {w.code for w in response.context["warnings"]}
    assert {"ten_percent_rule", "single_run_spike"} <= codes
    assert len(response.context["figures"]) >= 5
    assert response.content.decode().count("<svg") >= 5


def test_a_file_over_the_upload_limit_is_refused_with_nothing_stored(
    runner_client, runner, media_root, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.KNIEWIJS_MAX_UPLOAD_BYTES = 1000
    response = runner_client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile("groot.zip", b"x" * 1001)]}
    )
    assert response.status_code == 200 and "groot.zip is groter dan 0 MB" in response.content.decode()
    assert not ImportJob.objects.exists() and not (media_root / "incoming").exists()
    ok = runner_client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile("klein.gpx", b"x" * 1000)]}
    )
    assert ok.status_code == 302


def test_date_inputs_carry_iso_values_a_browser_accepts_on_dutch_pages(runner_client):
    import re

    html = runner_client.get(reverse("training:daily_entry")).content.decode()
    assert re.search(r'type="date" name="date" value="\d{4}-\d{2}-\d{2}"', html)
    html = runner_client.get(reverse("training:manual_run")).content.decode()
    assert re.search(r'type="datetime-local" name="start" value="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"', html)


def test_a_run_added_by_hand_from_the_browser_form_is_saved(runner_client, runner):
    response = runner_client.post(
        reverse("training:manual_run"),
        {"sport": "running", "start": "2027-05-02T07:30", "distance_km": "8,5", "minutes": "50", "rpe": "4"},
    )
    assert response.status_code == 302
    run = Activity.objects.get(user=runner)
    assert run.distance_m == 8500 and run.duration_s == 3000 and run.local_date.isoformat() == "2027-05-02"
