"""The upload page and the job page: an empty POST makes no job, and a large job lists a readable part."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kniewijs.training.models import ImportJob

pytestmark = pytest.mark.django_db


def test_a_post_without_files_is_refused_in_dutch_and_makes_no_job(runner_client, media_root):
    for data in ({}, {"files": []}, {"csrfmiddlewaretoken": "x"}):
        response = runner_client.post(reverse("training:upload"), data)
        assert response.status_code == 200
        assert "Kies ten minste één bestand om in te lezen." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_an_empty_file_is_refused_and_makes_no_job(runner_client, media_root):
    response = runner_client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile("leeg.fit", b"")]}
    )
    assert response.status_code == 200 and "leeg" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_job_of_thousands_of_files_lists_the_first_500_and_counts_the_rest(runner_client, runner):
    results = [{"file": f"export.zip!{i}.fit", "status": "rejected", "reason": "kapot"} for i in range(1203)]
    job = ImportJob.objects.create(
        user=runner, status=ImportJob.Status.DONE, total=1, done=1, results=results
    )
    html = runner_client.get(reverse("training:job", args=[job.pk])).content.decode()
    assert "export.zip!499.fit" in html and "export.zip!500.fit" not in html
    assert "En nog 703 bestanden, hierboven meegeteld." in html
    assert "<strong>1203</strong>" in html


def test_a_31st_upload_within_the_hour_gets_the_dutch_429_page_and_other_runners_go_on(
    runner_client, second_runner, media_root
):
    other = Client()
    other.force_login(second_runner)
    codes = [runner_client.post(reverse("training:upload"), {}).status_code for _ in range(31)]
    assert codes == [200] * 30 + [429]
    refused = runner_client.post(reverse("training:upload"), {})
    assert refused.status_code == 429 and "Retry-After" in refused
    assert "<h1>Even geduld</h1>" in refused.content.decode()
    assert runner_client.get(reverse("training:upload")).status_code == 200  # looking is not counted
    assert other.post(reverse("training:upload"), {}).status_code == 200
    assert not ImportJob.objects.exists()
