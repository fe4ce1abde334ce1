"""What the machine did during a benchmark: peak RSS and CPU of our processes, and of the rest.

The machine may be shared: a run of 2 workers only has 2 CPUs to itself if nothing else
runs. ``Sampler`` records, every ``interval`` seconds, the machine's busy CPU time and the
CPU time of this process and each descendant (local workers, the Spark JVM, Spark's
Python workers), so any time window can be split into "ours" and "others".
"""

from __future__ import annotations

import bisect
import os
import threading
import time
from dataclasses import dataclass

import psutil


@dataclass(frozen=True, slots=True)
class Usage:
    """CPUs in use on average over a window (1.0 = one core busy all the time)."""

    python: float  # accord: this process and its Python descendants (the workers)
    java: float  # the Spark JVM
    others: float  # everything else on the machine (another user's tests, say)

    def __str__(self) -> str:
        jvm = f", JVM {self.java:.2f}" if self.java >= 0.005 else ""
        return f"CPUs used: accord {self.python:.2f}{jvm}, other processes {self.others:.2f}"


def _busy() -> float:
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


class Sampler:
    def __init__(self, interval: float = 0.25) -> None:
        self.peaks: dict[int, int] = {}  # pid -> peak RSS of Python descendants
        self._seen: dict[int, float] = {}  # pid -> when first seen
        self._cpu: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU seconds so far)
        self._samples: list[tuple[float, float, float, float]] = []  # (time, busy, python, java)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _run(self, interval: float) -> None:
        me = psutil.Process()
        self._sample(me)
        while not self._stop.wait(interval):
            self._sample(me)

    def _sample(self, me: psutil.Process) -> None:
        for proc in [me, *me.children(recursive=True)]:
            try:
                name = proc.name().lower()
                kind = "java" if "java" in name else "python" if "python" in name else "other"
                times = proc.cpu_times()
                self._cpu[proc.pid] = (kind, times.user + times.system)
                if kind == "python" and proc.pid != os.getpid():
                    self._seen.setdefault(proc.pid, time.time())
                    self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0), proc.memory_info().rss)
            except psutil.Error:
                continue  # gone: its last CPU figure stays counted
        python = sum(cpu for kind, cpu in self._cpu.values() if kind != "java")
        java = sum(cpu for kind, cpu in self._cpu.values() if kind == "java")
        self._samples.append((time.time(), _busy(), python, java))

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(psutil.Process())

    def usage(self, start: float, end: float) -> Usage:
        """Average CPUs in use between two ``time.time()`` instants (nearest samples)."""
        times = [s[0] for s in self._samples]
        a = self._samples[max(bisect.bisect_left(times, start) - 1, 0)]
        b = self._samples[min(bisect.bisect_left(times, end), len(times) - 1)]
        seconds = max(b[0] - a[0], 1e-9)
        python, java = (b[2] - a[2]) / seconds, (b[3] - a[3]) / seconds
        return Usage(python, java, max((b[1] - a[1]) / seconds - python - java, 0.0))

    def worker_peaks(self, count: int, since: float) -> list[int]:
        """The ``count`` highest peaks among Python processes started after ``since``."""
        mine = [rss for pid, rss in self.peaks.items() if self._seen[pid] >= since]
        return sorted(mine, reverse=True)[:count]
