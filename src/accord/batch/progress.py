"""A progress bar on stderr: articles done, articles/s, failures, and an ETA when the total is known."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "-- articles/s", style="cyan")


class BatchProgress:
    """Counts documents as they are committed; ``total=None`` draws a bar without ETA."""

    def __init__(self, total: int | None, already_done: int, enabled: bool = True) -> None:
        columns: list[ProgressColumn | str] = [
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TextColumn("[yellow]{task.fields[failed]} failed"), TimeElapsedColumn(),
        ]
        if total is not None:
            columns.append(TimeRemainingColumn())
        self._progress = Progress(*columns, console=Console(stderr=True), disable=not enabled,
                                  transient=False)
        # Resumed work is shown as done but is left out of the rate: the bar starts
        # at the resume point so articles/s and the ETA reflect this run only.
        self._task = self._progress.add_task("ingest", total=total, completed=already_done,
                                             failed=0)
        self._failed = 0

    def __enter__(self) -> BatchProgress:
        self._progress.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._progress.stop()

    def advance(self, documents: int, failed: int) -> None:
        self._failed += failed
        self._progress.update(self._task, advance=documents, failed=self._failed)

    def finish(self) -> None:
        task = self._progress.tasks[0]
        self._progress.update(self._task, total=task.completed)
