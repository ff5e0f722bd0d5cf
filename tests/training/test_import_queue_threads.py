"""The caps on the real in-process path: uploads through the web page, each import in a thread of this
process (the embedded default), two imports held halfway through their file. While they are held, the
same account's next upload waits, another account's waits when both slots are taken, and another runner's
pages are served; once they are let go, every upload ends DONE, each waiting one after the one it waited
for. Nothing here measures time: the deadlines only stop a hang."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kniewijs.training import importing, queue
from kniewijs.training.models import Activity, ImportJob

from ..conftest import make_runner
from .helpers import run_on

HANG = 120  # seconds; a bound against a hang, not a speed claim


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + HANG
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.02)


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(client: Client, name: str, day: int) -> ImportJob:
    response = client.post(reverse("training:upload"), {"files": [SimpleUploadedFile(name, run_on(day))]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.get(pk=response["Location"].rstrip("/").rsplit("/", 1)[-1])


@pytest.mark.django_db(transaction=True)
def test_imports_beyond_the_caps_wait_their_turn_while_pages_are_served(media_root, settings, monkeypatch):
    settings.KNIEWIJS_JOBS_INLINE = False  # threads, as in the embedded default
    settings.REDIS_URL = ""
    settings.KNIEWIJS_IMPORTS_AT_ONCE = 2
    settings.KNIEWIJS_IMPORTS_PER_ACCOUNT = 1
    held = threading.Event()
    inside: list[str] = []
    real_read_member = importing.read_member

    def read_member(name, *args, **kwargs):
        if name.startswith("vast"):
            inside.append(name)
            assert held.wait(HANG), "never let go"
        return real_read_member(name, *args, **kwargs)

    monkeypatch.setattr(importing, "read_member", read_member)
    anna, bram, carla, dirk = (make_runner(f"{n}@example.nl") for n in ("anna", "bram", "carla", "dirk"))
    annas, brams, carlas = client_of(anna), client_of(bram), client_of(carla)

    annas_first = upload(annas, "vast-anna.gpx", 2)
    brams_first = upload(brams, "vast-bram.gpx", 3)
    wait_for(lambda: len(inside) == 2, "both held imports to reach their file")
    annas_second = upload(annas, "tweede.gpx", 4)
    carlas_only = upload(carlas, "carla.gpx", 5)

    # Both slots are taken: Anna's second waits for her first, Carla's for a free slot.
    assert ImportJob.objects.get(pk=annas_second.pk).status == ImportJob.Status.WAITING
    assert ImportJob.objects.get(pk=carlas_only.pk).status == ImportJob.Status.WAITING
    assert queue.place_of(ImportJob.objects.get(pk=annas_second.pk)).own_running
    assert not queue.place_of(ImportJob.objects.get(pk=carlas_only.pk)).own_running
    # Another runner's log is served meanwhile.
    assert client_of(dirk).get(reverse("training:dashboard")).status_code == 200
    assert carlas.get(reverse("training:job", args=[carlas_only.pk])).status_code == 200

    held.set()
    jobs = [annas_first, brams_first, annas_second, carlas_only]
    wait_for(
        lambda: all(ImportJob.objects.get(pk=j.pk).status == ImportJob.Status.DONE for j in jobs),
        "every import to finish",
    )
    first, second, brams_done, carlas_done = (
        ImportJob.objects.get(pk=j.pk) for j in (annas_first, annas_second, brams_first, carlas_only)
    )
    assert second.started_at >= first.finished_at  # the order of the rows, not a duration
    assert carlas_done.started_at >= min(first.finished_at, brams_done.finished_at)
    assert Activity.objects.filter(user=anna).count() == 2
    assert Activity.objects.filter(user__in=[bram, carla]).count() == 2
