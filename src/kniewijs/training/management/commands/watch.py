"""`kniewijs watch --runner EMAIL FOLDER`: import new files as they appear (a watch's Activity folder, a sync
folder). Files already there are imported first; re-imports are no-ops, so restarting the watcher is safe."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from kniewijs.training.access import runner_settings
from kniewijs.training.importing import import_paths, runner_for_email

from ._progress import ImportProgress

SETTLE_SECONDS = 1.0  # a file still being copied keeps changing size; wait until it holds still


class _Collector(FileSystemEventHandler):
    def __init__(self) -> None:
        self.pending: dict[Path, float] = {}

    def on_created(self, event: FileSystemEvent) -> None:
        self._note(event)

    def on_modified(self, event: FileSystemEvent) -> None:
        self._note(event)

    def on_moved(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.pending[Path(str(event.dest_path))] = time.monotonic()

    def _note(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.pending[Path(str(event.src_path))] = time.monotonic()

    def settled(self) -> list[Path]:
        now = time.monotonic()
        ready = [p for p, seen in self.pending.items() if now - seen >= SETTLE_SECONDS]
        for path in ready:
            del self.pending[path]
        return [p for p in ready if p.is_file()]


class Command(BaseCommand):
    help = "Watch a folder and import every new activity file for the runner."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--runner", required=True, metavar="EMAIL")
        parser.add_argument("folder")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between folder scans")
        parser.add_argument(
            "--max-seconds", type=float, default=None, help="stop after this long (for scripts)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.", returncode=2)
        user = runner_for_email(options["runner"])
        lang = runner_settings(user).language
        self._import(user, [folder], lang)
        collector = _Collector()
        # Polling works on every file system, including network and sync folders where inotify is silent.
        observer = PollingObserver(timeout=options["interval"])
        observer.schedule(collector, str(folder), recursive=True)
        observer.start()
        self.stderr.write(f"Kniewijs kijkt mee in {folder} (stoppen: Ctrl+C)")
        deadline = None if options["max_seconds"] is None else time.monotonic() + options["max_seconds"]
        try:
            while deadline is None or time.monotonic() < deadline:
                time.sleep(0.2)
                ready = collector.settled()
                if ready:
                    self._import(user, ready, lang)
        except KeyboardInterrupt:
            pass
        finally:
            observer.stop()
            observer.join()

    def _import(self, user: Any, paths: list[Path], lang: str) -> None:
        files = [p for p in paths if p.is_file()] or [p for p in paths[0].rglob("*") if p.is_file()]
        with ImportProgress(files) as progress:
            for result in import_paths(user, paths, progress=progress.advance):
                progress.print_result(result.to_dict(lang))
                self.stdout.write(f"{result.status}: {result.file}")
