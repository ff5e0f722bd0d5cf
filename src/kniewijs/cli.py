"""The `kniewijs` command: Django's management commands plus our own (check, demo, ...)."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["version"]):
        # Django would print its own version here; Kniewijs's comes from the installed package's metadata.
        from kniewijs import __version__

        sys.stdout.write(f"{__version__}\n")
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kniewijs.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kniewijs", *args])


if __name__ == "__main__":
    main()
