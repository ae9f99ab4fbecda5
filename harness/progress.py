"""The progress bar of `harness score`: on stderr, only on a terminal, only past a second.

It shows candidates scored of the total (or the count alone when streaming an unknown
number), their rate over the run and the elapsed time. The count comes from the scorer
after each chunk (the engines score a chunk of candidates at once); a timer shows the bar
once the run has lasted a second, and rich redraws it four times a second, so the clock,
the rate and the spinner move between chunks instead of freezing until the next one.
"""

from __future__ import annotations

import threading
import time
from typing import Any

SHOW_AFTER = 1.0  # seconds: a run shorter than this never shows a bar
REFRESH_PER_SECOND = 4


class Progress:
    """Called with the number of candidates each scored chunk held; `close()` at the end."""

    def __init__(self, total: int | None, enabled: bool, console: Any = None) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.start = time.monotonic()
        self._console = console
        self._bar: Any = None
        self._task: Any = None
        self._closed = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        if enabled:
            self._timer = threading.Timer(SHOW_AFTER, self.show)
            self._timer.daemon = True
            self._timer.start()

    def __call__(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        with self._lock:
            if self._bar is not None:
                self._bar.update(self._task, completed=self.done)

    def show(self) -> None:
        """Start drawing (the timer calls this a second into the run)."""
        with self._lock:
            finished = self.total is not None and self.done >= self.total
            if self._bar is not None or self._closed or finished:
                return
            from rich.console import Console
            from rich.progress import Progress as Bar
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            columns: list[Any] = [SpinnerColumn(), TextColumn("scoring")]
            if self.total is not None:
                from rich.progress import BarColumn

                columns.append(BarColumn())
            columns += [
                _text_column(_count),
                _text_column(lambda task: f"{self.rate():,.0f}/s" if self.done else "-/s"),
                TimeElapsedColumn(),
            ]
            self._bar = Bar(
                *columns,
                console=self._console or Console(stderr=True),
                transient=True,
                refresh_per_second=REFRESH_PER_SECOND,
                redirect_stdout=False,  # reports go to stdout; only notes pass above the bar
            )
            self._task = self._bar.add_task("scoring", total=self.total, completed=self.done)
            self._bar.start()

    def rate(self) -> float:
        """Candidates a second over the whole run so far."""
        return self.done / max(time.monotonic() - self.start, 1e-9)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.join()  # cancelled: it ends at once, or finds the bar closed


def _text_column(render: Any) -> Any:
    """A rich column drawing `render(task)` (imported only once a bar is shown)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Column(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(render(task), style="progress.download")

    return Column()


def _count(task: Any) -> str:
    done = int(task.completed)
    return f"{done:,}/{int(task.total):,}" if task.total is not None else f"{done:,} scored"
