"""What a recording says about itself: moving and total time, pauses, a guessed sport with its reason and
a cut-off file's note, stored on import, shown on the activity page, and the runner's word on the sport."""

from datetime import UTC, datetime

import numpy as np
import pytest
from django.urls import reverse

from kniewijs.core.activity import ActivityData, Summary, Track
from kniewijs.core.text import T
from kniewijs.training import importing
from kniewijs.training.history import report_for
from kniewijs.training.models import Activity

pytestmark = pytest.mark.django_db

START = datetime(2027, 5, 3, 9, tzinfo=UTC)
GUESS = T("geraden uit 24,4 km/u", "guessed from 24.4 km/h")
CUT_OFF = T(
    "opname stopt na 7,3 km: het bestand houdt daar op",
    "the recording stops after 7.3 km: the file ends there",
)


def recording(sport="running", km=10.0, moving=3000.0, elapsed=3000.0, start=START, **extra):
    span = np.array([start.timestamp(), start.timestamp() + elapsed])
    return ActivityData(
        sport=sport,
        start=start,
        summary=Summary(distance_m=km * 1000, duration_s=moving, moving_s=moving, elapsed_s=elapsed),
        track=Track(time=span),
        source_format="gpx",
        **extra,
    )


def stored(runner, data, name="run.gpx"):
    result = importing.store_file(runner, name, name.encode() + data.start.isoformat().encode(), [data])
    assert result.status == "imported", result.reason
    return Activity.objects.get(pk=result.activities[0].pk)


def test_an_import_stores_moving_time_total_time_and_pauses(runner, media_root):
    activity = stored(runner, recording(moving=2700, elapsed=3300, pauses=2))
    assert (activity.moving_s, activity.elapsed_s, activity.pauses) == (2700, 3300, 2)
    assert activity.duration_s == 2700  # the duration is the moving time when the file gives it
    assert activity.sport_source == "file" and not activity.is_partial


def test_without_moving_time_the_duration_is_the_elapsed_time_from_the_track(runner, media_root):
    data = recording()
    data.summary = Summary(distance_m=8000)
    activity = stored(runner, data)
    assert activity.moving_s is None and activity.elapsed_s == 3000 and activity.duration_s == 3000


def test_a_guessed_sport_keeps_its_reason_in_both_languages(runner, media_root):
    activity = stored(runner, recording(sport="cycling", km=40, sport_guess=GUESS))
    assert activity.sport_source == "guessed"
    assert activity.sport_evidence("nl") == "geraden uit 24,4 km/u"
    assert activity.sport_evidence("en") == "guessed from 24.4 km/h"


def test_a_cut_off_file_keeps_its_note_on_what_was_lost(runner, media_root):
    activity = stored(runner, recording(km=7.3, partial=CUT_OFF))
    assert activity.partial_nl == "opname stopt na 7,3 km: het bestand houdt daar op"
    assert (
        activity.is_partial
        and activity.partial_note("nl") == "Opname stopt na 7,3 km: het bestand houdt daar op."
    )


def test_the_import_result_names_moving_and_total_time_and_where_the_sport_came_from(runner, media_root):
    data = recording(sport="cycling", moving=2700, elapsed=3300, pauses=1, sport_guess=GUESS)
    result = importing.store_file(runner, "ride.gpx", b"ride", [data])
    described = result.to_dict("nl")["activity"]
    assert described["moving_s"] == 2700 and described["elapsed_s"] == 3300
    assert described["pauses"] == 1 and described["sport_source"] == "guessed"


def test_the_activity_page_names_moving_time_total_time_and_the_pauses_in_dutch(
    runner, runner_client, media_root
):
    activity = stored(runner, recording(km=10, moving=3000, elapsed=3250, pauses=2))
    page = runner_client.get(reverse("training:activity", args=[activity.pk])).content.decode()
    assert "Bewegingstijd" in page and "50:00" in page
    assert "Totale tijd" in page and "54:10" in page
    assert "Pauzes" in page and "samen 4:10" in page
    assert "Tempo" in page and "5:00 per km" in page  # over the moving time, not 5:25


def test_the_activity_page_says_the_sport_was_guessed_and_how_to_change_it(runner, runner_client, media_root):
    activity = stored(runner, recording(sport="cycling", km=40, sport_guess=GUESS))
    page = runner_client.get(reverse("training:activity", args=[activity.pk])).content.decode()
    assert "Het bestand zegt niet welke sport dit was" in page
    assert "fietsen (geraden uit 24,4 km/u)" in page and "pas de sport dan hieronder aan" in page


def test_the_activity_page_of_a_cut_off_recording_says_what_is_missing(runner, runner_client, media_root):
    activity = stored(runner, recording(km=7.3, partial=CUT_OFF))
    page = runner_client.get(reverse("training:activity", args=[activity.pk])).content.decode()
    assert "Een deel van deze opname ontbreekt." in page
    assert "Opname stopt na 7,3 km: het bestand houdt daar op." in page


def test_the_activity_page_in_english_shows_the_english_notes(runner, runner_client, media_root):
    activity = stored(runner, recording(sport="cycling", km=7.3, sport_guess=GUESS, partial=CUT_OFF))
    page = runner_client.get("/en" + reverse("training:activity", args=[activity.pk])).content.decode()
    assert "Moving time" in page and "Total time" in page
    assert "guessed from 24.4 km/h" in page and "the file ends there" in page


def test_another_runners_recording_page_is_404_and_its_sport_cannot_be_changed(
    client, runner, second_runner, media_root
):
    activity = stored(runner, recording(sport="cycling", km=40, sport_guess=GUESS))
    client.force_login(second_runner)
    url = reverse("training:activity", args=[activity.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"sport": "running", "name": "", "rpe": "", "shoe": ""}).status_code == 404
    activity.refresh_from_db()
    assert activity.sport == "cycling" and activity.sport_source == "guessed"


def _running_km(runner, day):
    report = report_for(runner, day)
    weeks = report.weeks
    return float(weeks.running_km.sum())


def test_a_fast_run_guessed_as_a_ride_counts_as_running_once_the_runner_says_so(
    runner, runner_client, media_root
):
    # 40 km at 24 km/h: the reader took it for a ride, the runner knows better (a fast race, say).
    ride = recording(sport="cycling", km=40, moving=6000, elapsed=6000, sport_guess=GUESS)
    activity = stored(runner, ride)
    stored(runner, recording(km=10, start=datetime(2027, 5, 1, 9, tzinfo=UTC)), name="earlier.gpx")
    today = datetime(2027, 5, 4).date()
    assert _running_km(runner, today) == pytest.approx(10)
    url = reverse("training:activity", args=[activity.pk])
    response = runner_client.post(url, {"sport": "running", "name": "", "rpe": "", "shoe": ""})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.sport == "running" and activity.sport_source == "runner"
    assert _running_km(runner, today) == pytest.approx(50)
    spikes = report_for(runner, today).metrics.spikes
    assert float(spikes.run_km.max()) == pytest.approx(40)  # the long run is now a spike candidate
    page = runner_client.get(url).content.decode()
    assert "Het bestand zegt niet welke sport dit was" not in page  # the runner decided


def test_saving_the_form_without_changing_the_sport_leaves_where_it_came_from(
    runner, runner_client, media_root
):
    activity = stored(runner, recording(sport="cycling", km=40, sport_guess=GUESS))
    url = reverse("training:activity", args=[activity.pk])
    runner_client.post(url, {"sport": "cycling", "name": "Rondje", "rpe": "4", "shoe": ""})
    activity.refresh_from_db()
    assert activity.name == "Rondje" and activity.sport_source == "guessed"


def test_a_ride_changed_to_a_run_gets_the_default_shoe_and_a_run_changed_to_a_ride_loses_it(
    runner, runner_client, media_root
):
    from kniewijs.training.models import Shoe

    pair = Shoe.objects.create(user=runner, name="Pegasus 40", is_default=True)
    ride = stored(runner, recording(sport="cycling", km=40, sport_guess=GUESS))
    assert ride.shoe is None
    url = reverse("training:activity", args=[ride.pk])
    runner_client.post(url, {"sport": "running", "name": "", "rpe": "", "shoe": ""})
    ride.refresh_from_db()
    assert ride.shoe == pair
    runner_client.post(url, {"sport": "cycling", "name": "", "rpe": "", "shoe": str(pair.pk)})
    ride.refresh_from_db()
    assert ride.sport == "cycling" and ride.shoe is None and ride.sport_source == "runner"
    report = report_for(runner, datetime(2027, 5, 4).date())
    assert [round(s.km, 1) for s in report.shoes] == [0.0]


def test_the_activity_list_marks_a_guessed_sport_and_a_cut_off_recording(runner, runner_client, media_root):
    stored(runner, recording(sport="cycling", km=40, sport_guess=GUESS))
    stored(runner, recording(km=7.3, partial=CUT_OFF, start=datetime(2027, 5, 1, 9, tzinfo=UTC)), "cut.gpx")
    page = runner_client.get(reverse("training:activities")).content.decode()
    assert 'Fietsen <span class="muted">(geraden)</span>' in page
    assert 'Hardlopen <span class="muted">(onvolledig)</span>' in page


def test_a_run_added_by_hand_has_the_runners_sport(runner, runner_client):
    runner_client.post(
        reverse("training:manual_run"),
        {"sport": "walking", "start": "2027-05-02T07:30", "distance_km": "4", "minutes": "50", "rpe": ""},
    )
    walk = Activity.objects.get(user=runner)
    assert walk.sport == "walking" and walk.sport_source == "runner" and walk.moving_s is None


def test_a_recording_without_stops_does_not_say_stops_are_included(runner, runner_client, media_root):
    activity = stored(runner, recording(moving=3000, elapsed=3000))
    page = runner_client.get(reverse("training:activity", args=[activity.pk])).content.decode()
    assert "Bewegingstijd" in page and "stilstaan meegeteld" not in page and "Pauzes" not in page


def test_a_sport_named_in_stravas_index_beats_a_guess_from_the_data():
    from kniewijs.formats.csv_log import StravaRow

    row = StravaRow("1", "activities/1.gpx", "running", "Run", None, None, None, None, None)
    guessed = recording(sport="cycling", km=40, sport_guess=GUESS)
    named = recording(sport="walking")
    importing.strava_beats_a_guess([guessed, named], row)
    assert guessed.sport == "running" and guessed.sport_guess is None and guessed.sub_sport == "Run"
    assert named.sport == "walking"  # the file said so itself


def test_a_guessed_walk_the_runner_calls_a_run_gets_its_per_foot_cadence_counted_as_both_feet(
    runner, runner_client, media_root
):
    from kniewijs.training import tracks

    walk = recording(sport="walking", km=6, moving=3600, elapsed=3600, sport_guess=GUESS)
    walk.summary.avg_cadence_spm = 82.0  # Garmin's one-foot count: a slow walk-run, not a walk
    walk.track.channels["cadence_spm"] = np.array([80.0, 84.0])
    activity = stored(runner, walk)
    url = reverse("training:activity", args=[activity.pk])
    runner_client.post(url, {"sport": "running", "name": "", "rpe": "", "shoe": ""})
    activity.refresh_from_db()
    assert activity.sport == "running" and activity.avg_cadence_spm == 164.0
    assert tracks.unpack(activity.track).get("cadence_spm").tolist() == [160.0, 168.0]
    # Saved again as a run, nothing doubles a second time.
    runner_client.post(url, {"sport": "running", "name": "Walk-run", "rpe": "", "shoe": ""})
    activity.refresh_from_db()
    assert activity.avg_cadence_spm == 164.0
