"""Why a file was not imported, in words the runner reads (Dutch and English)."""

from __future__ import annotations

from kniewijs.core.text import T, Text


class FileProblem(Exception):
    """Base for a file that does not become an activity. `reason` is shown to the runner."""

    status = "rejected"

    def __init__(self, reason: Text):
        super().__init__(reason.en)
        self.reason = reason


class RejectedFile(FileProblem):
    """Corrupt, truncated, empty, too large or unsafe: the file cannot be read."""

    status = "rejected"


class SkippedFile(FileProblem):
    """A valid file that holds no activity (device settings, a workout plan, a weight scale, a readme)."""

    status = "skipped"


def rejected(nl: str, en: str) -> RejectedFile:
    return RejectedFile(T(nl, en))


def skipped(nl: str, en: str) -> SkippedFile:
    return SkippedFile(T(nl, en))
