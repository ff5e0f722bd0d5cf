"""The import queue: at most KNIEWIJS_IMPORTS_PER_ACCOUNT imports per account and KNIEWIJS_IMPORTS_AT_ONCE
on the installation run at once; the rest wait, oldest first, with their place shown in Dutch. The job rows
are the queue: what a dead process or a lost hand-over leaves is put right from them alone.

Hand-overs are recorded here instead of run, so each test sees exactly whom the queue sends."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kniewijs.training import queue
from kniewijs.training.jobs import create_job, run_job
from kniewijs.training.models import ImportJob

from ..conftest import make_runner
from .helpers import run_on, running_elsewhere

pytestmark = pytest.mark.django_db


@pytest.fixture
def handed_over(monkeypatch, media_root, settings):
    """The ids the queue hands to a worker, in order; nothing runs."""
    from kniewijs import tasks

    settings.KNIEWIJS_IMPORTS_AT_ONCE = 2
    settings.KNIEWIJS_IMPORTS_PER_ACCOUNT = 1
    sent: list[str] = []
    monkeypatch.setattr(tasks, "dispatch", lambda task, *args: sent.append(args[0]))
    return sent


def upload(runner, day: int = 2) -> ImportJob:
    with time_machine.travel(timezone.now() + timedelta(microseconds=day)):  # a distinct, later created_at
        return create_job(runner, [SimpleUploadedFile(f"{day}.gpx", run_on(day))])


def test_a_second_import_of_one_account_waits_for_the_first_and_then_starts(runner, handed_over):
    first, second = upload(runner, 2), upload(runner, 3)
    with running_elsewhere(first):
        assert queue.kick() == []
        place = queue.place_of(second)
        assert place is not None and place.position == 1 and place.own_running
    ImportJob.objects.filter(pk=first.pk).update(status=ImportJob.Status.DONE)
    assert queue.kick() == [str(second.pk)] and handed_over == [str(second.pk)]


def test_no_more_imports_run_at_once_than_the_installation_allows(handed_over):
    anna, bram, carla, dirk = (make_runner(f"{n}@example.nl") for n in ("anna", "bram", "carla", "dirk"))
    a, b = upload(anna, 2), upload(bram, 3)
    c, d = upload(carla, 4), upload(dirk, 5)
    with running_elsewhere(a), running_elsewhere(b):
        assert queue.kick() == []
        assert [queue.place_of(job).position for job in (c, d)] == [1, 2]
        assert not queue.place_of(c).own_running
    ImportJob.objects.filter(pk=a.pk).update(status=ImportJob.Status.DONE)
    with running_elsewhere(b):
        assert queue.kick() == [str(c.pk)]  # one slot free: the oldest in line


def test_other_accounts_pass_an_account_whose_earlier_import_still_runs(handed_over):
    anna, bram = make_runner("anna@example.nl"), make_runner("bram@example.nl")
    annas_first, annas_second, brams = upload(anna, 2), upload(anna, 3), upload(bram, 4)
    with running_elsewhere(annas_first):
        assert queue.kick() == [str(brams.pk)]
        assert queue.place_of(annas_second).own_running


def test_a_run_whose_turn_has_not_come_leaves_the_job_waiting_and_not_handed_out(runner, handed_over):
    first, second = upload(runner, 2), upload(runner, 3)
    ImportJob.objects.filter(pk=second.pk).update(dispatched_at=timezone.now())
    with running_elsewhere(first):
        run_job(second.pk)  # a worker got the message anyway
    second.refresh_from_db()
    assert second.status == ImportJob.Status.WAITING and second.dispatched_at is None and second.done == 0


def test_a_job_whose_run_died_frees_its_slot_and_is_started_again(runner, second_runner, handed_over):
    dead = upload(runner, 2)
    ImportJob.objects.filter(pk=dead.pk).update(status=ImportJob.Status.RUNNING)  # no run holds its lock
    waiting = upload(second_runner, 3)
    assert queue.kick() == [str(dead.pk), str(waiting.pk)]


def test_a_hand_over_that_was_lost_is_made_again_from_the_rows_alone(runner, handed_over):
    job = upload(runner, 2)
    ImportJob.objects.filter(pk=job.pk).update(dispatched_at=timezone.now())
    assert queue.kick() == []  # its thread may be starting right now
    with time_machine.travel(timezone.now() + queue.THREAD_START_GRACE + timedelta(seconds=1)):
        assert queue.kick(looking=True) == [str(job.pk)]


def test_an_account_may_have_only_so_many_imports_waiting(runner, handed_over, settings):
    from kniewijs.training.jobs import UploadRefused

    settings.KNIEWIJS_QUEUED_IMPORTS_PER_ACCOUNT = 2
    upload(runner, 2), upload(runner, 3)
    with pytest.raises(UploadRefused) as refused:
        upload(runner, 4)
    assert refused.value.code == "too_many_imports" and "2 imports in de wachtrij" in refused.value.message
    assert ImportJob.objects.filter(user=runner).count() == 2


def test_the_job_page_tells_a_waiting_runner_their_place_in_dutch(runner_client, runner, handed_over):
    first, second = upload(runner, 2), upload(runner, 3)
    with running_elsewhere(first):
        page = runner_client.get(reverse("training:job", args=[second.pk]))
        progress = runner_client.get(reverse("training:job", args=[second.pk]) + "?format=json").json()
    html = page.content.decode()
    assert "Uw import staat in de wachtrij (nummer 1): uw vorige import loopt nog" in html
    assert progress["position"] == 1 and progress["status"] == "waiting"


def test_the_job_page_of_another_accounts_wait_says_others_are_running(handed_over):
    anna, bram, carla = (make_runner(f"{n}@example.nl") for n in ("anna", "bram", "carla"))
    a, b, c = upload(anna, 2), upload(bram, 3), upload(carla, 4)
    from django.test import Client

    client = Client()
    client.force_login(carla)
    with running_elsewhere(a), running_elsewhere(b):
        html = client.get(reverse("training:job", args=[c.pk])).content.decode()
    assert "Uw import staat in de wachtrij (nummer 1): er lopen nu andere imports." in html


def test_a_job_whose_turn_has_come_shows_no_queue_place(runner_client, runner, handed_over):
    job = upload(runner, 2)
    assert queue.place_of(job) is None
    assert "wachtrij" not in runner_client.get(reverse("training:job", args=[job.pk])).content.decode()
