"""A rich progress bar on stderr for long imports (bytes read of all files), quiet when not wanted."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

STATUS_STYLE = {"imported": "green", "duplicate": "cyan", "skipped": "yellow", "rejected": "red"}


class ImportProgress:
    def __init__(self, files: list[Path], enabled: bool = True):
        self.enabled = enabled
        self.total = sum(p.stat().st_size for p in files if p.exists())
        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=self.console,
            disable=not enabled,
        )
        self.task = self.progress.add_task("importeren", total=self.total or 1)

    def __enter__(self) -> ImportProgress:
        self.progress.__enter__()
        return self

    def __exit__(
        self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]
    ) -> None:
        self.progress.__exit__(None, None, None)

    def advance(self, path: Path, size: int) -> None:
        self.progress.update(self.task, advance=size, description=path.name[:40])

    def print_result(self, result: dict[str, Any]) -> None:
        if not self.enabled:
            return
        style = STATUS_STYLE.get(result["status"], "white")
        reason = f" - {result['reason']}" if result["reason"] else ""
        reason += f" - {result['note']}" if result.get("note") else ""
        self.console.print(f"[{style}]{result['status']:>9}[/] {result['file']}{reason}", highlight=False)
