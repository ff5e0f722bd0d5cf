"""A run stored cut off and the same run whole: counted once, as the whole recording, whichever comes
first; what the runner set on the cut-off one stays."""

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from kniewijs.core.activity import ActivityData, Summary, Track
from kniewijs.core.text import T
from kniewijs.training import importing
from kniewijs.training.models import Activity, Shoe

pytestmark = pytest.mark.django_db

START = datetime(2027, 5, 3, 9, tzinfo=UTC)
CUT_OFF = T("opname stopt na 6,5 km: het bestand houdt daar op", "the recording stops after 6.5 km")


def run(km, seconds, start=START, **extra):
    span = np.array([start.timestamp(), start.timestamp() + seconds])
    return ActivityData(
        sport="running",
        start=start,
        summary=Summary(distance_m=km * 1000, duration_s=seconds, moving_s=seconds, elapsed_s=seconds),
        track=Track(time=span),
        source_format="fit",
        **extra,
    )


def test_a_cut_off_file_of_a_run_already_stored_whole_is_a_duplicate(runner, media_root):
    importing.store_file(runner, "whole.fit", b"whole", [run(10, 3600)])
    result = importing.store_file(runner, "cut.fit", b"cut", [run(6.5, 2340, partial=CUT_OFF)])
    assert result.status == "duplicate"
    assert Activity.objects.filter(user=runner).count() == 1


def test_the_whole_file_of_a_run_stored_cut_off_takes_its_place_with_the_runners_changes(runner, media_root):
    shoe = Shoe.objects.create(user=runner, name="Pegasus 40")
    [cut] = importing.store_file(runner, "cut.fit", b"cut", [run(6.5, 2340, partial=CUT_OFF)]).activities
    Activity.objects.filter(pk=cut.pk).update(rpe=6, shoe=shoe, name="Met de club")
    result = importing.store_file(runner, "whole.fit", b"whole", [run(10, 3600)])
    assert result.status == "imported" and [a.pk for a in result.activities] == [cut.pk]
    [only] = Activity.objects.filter(user=runner)
    assert only.distance_m == 10000 and only.duration_s == 3600 and not only.is_partial
    assert (only.rpe, only.shoe_id, only.name) == (6, shoe.pk, "Met de club")
    assert only.source.original_name == "whole.fit"


def test_a_separate_run_later_that_day_is_not_taken_for_the_cut_off_one(runner, media_root):
    importing.store_file(runner, "cut.fit", b"cut", [run(6.5, 2340, partial=CUT_OFF)])
    later = run(10, 3600, start=START + timedelta(hours=5))
    assert importing.store_file(runner, "later.fit", b"later", [later]).status == "imported"
    assert Activity.objects.filter(user=runner).count() == 2
    assert Activity.objects.filter(user=runner).exclude(partial_nl="").count() == 1


def test_two_different_cut_off_files_inside_one_whole_run_are_both_duplicates(runner, media_root):
    importing.store_file(runner, "whole.fit", b"whole", [run(10, 3600)])
    for n, km in enumerate((3.0, 8.0)):
        cut = run(km, km * 360, partial=CUT_OFF)
        assert importing.store_file(runner, f"cut{n}.fit", f"cut{n}".encode(), [cut]).status == "duplicate"
