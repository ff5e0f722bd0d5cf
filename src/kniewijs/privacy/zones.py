"""The one way for a track to leave for anyone but its owner: `track_for_others`.

Today no page shows coordinates to anyone but the runner. Code that ever shows or sends positions of a run to
a clinic, a coach or an API client that is not the runner's own must take the track from here, never from
`training.tracks.unpack` directly; tests/privacy/test_privacy_zones_leak.py guards every page for it.
"""

from __future__ import annotations

from typing import Any

from kniewijs.core.activity import Track
from kniewijs.core.privacy_zones import Zone, mask_track
from kniewijs.training.models import Activity
from kniewijs.training.tracks import unpack

from .models import PrivacyZone


def zones_of(user_id: int) -> list[Zone]:
    return [zone.as_zone() for zone in PrivacyZone.objects.filter(user_id=user_id)]


def zones_for(user: Any) -> list[Zone]:
    """The runner's privacy zones as core zones."""
    return zones_of(user.pk)


def track_for_others(activity: Activity) -> Track:
    """The activity's track with every position inside one of its owner's zones removed."""
    return mask_track(unpack(activity.track), zones_of(activity.user_id))
