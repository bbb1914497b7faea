"""Files named on the command line begin to load before the window is built.

Building the window (importing Qt, pyqtgraph and the widgets, then making them) takes 0.2-0.3 s
after the loader's own libraries are in, and a file's load waited for all of it: a 10M-row
file reopened from the events cache was drawn 1.1-1.3 s after the launch, not under 1 s. Now
each named file's load starts on a thread of its own as soon as the loader can run, and the
window's ``FileLoader`` takes it over (``HeadStarts.claim``): its progress, its Cancel and its
result, as if it had started it. Only the cache is read early: a file that must be read waits
for the window (its Python work would hold the GIL from the window's imports: the window came
0.3-0.4 s later, for no earlier events). A load nobody claims (the file turned out to be a
project, or is asked for with other options) is cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path

from viewer import settings
from viewer.io.cache.cache_folder import user_cache_folder
from viewer.io.cache.event_cache import EventCache
from viewer.io.formats import expand_paths
from viewer.io.load_options import LoadOptions
from viewer.io.load_watch import LoadCancelled, Progress
from viewer.io.loading import LoadResult
from viewer.io.project_file import is_project_path
from viewer.ui.file_loader import CancellableLoad, cached_load

_LOOK_EVERY = 0.05  # seconds between two looks at Cancel while a load waits for the window


def open_event_cache(preferences: settings.Settings) -> EventCache:
    """The events cache the app reads files through (written off the GUI thread)."""
    limit = preferences.get(settings.CACHE_LIMIT_MB) * 1_000_000
    return EventCache(user_cache_folder() / "events", limit, background=True)


class HeadStart:
    """One file's load, begun early: its result, and its progress for whoever takes it over."""

    def __init__(
        self, path: str, options: LoadOptions, load: CancellableLoad, turns: threading.Semaphore
    ) -> None:
        self.path, self.options = path, options
        self.cancelled = threading.Event()
        self._lock = threading.Lock()  # the progress and who hears it, from two threads
        self._fraction = 0.0
        self._listener: Progress | None = None
        self._future: Future[LoadResult] = Future()
        # A daemon: should the window never come (a failed start), no thread keeps the
        # process from ending.
        threading.Thread(
            target=self._run, args=(load, turns), name="head-start", daemon=True
        ).start()

    def _run(self, load: CancellableLoad, turns: threading.Semaphore) -> None:
        with turns:
            try:
                result = load(self.path, self.options, self.cancelled.is_set, self._on_progress)
            except BaseException as error:  # LoadCancelled, or a bug: the taker sees it
                self._future.set_exception(error)
            else:
                self._future.set_result(result)

    def _on_progress(self, fraction: float) -> None:
        with self._lock:
            self._fraction, listener = fraction, self._listener
        if listener is not None:
            listener(fraction)

    def take_over(self, on_progress: Progress) -> LoadResult:
        """The load's result once it ends (it raises LoadCancelled if it was stopped); its
        progress from now on goes to ``on_progress``."""
        with self._lock:
            self._listener, fraction = on_progress, self._fraction
        on_progress(fraction)
        return self._future.result()


class HeadStarts:
    """The loads begun before the window, with the settings and cache they read through (the
    app's own, so a file kept in the cache is kept once)."""

    def __init__(self, preferences: settings.Settings, cache: EventCache) -> None:
        self.preferences, self.cache = preferences, cache
        self._starts: dict[str, HeadStart] = {}
        self._lock = threading.Lock()
        self.window_built = threading.Event()  # set once: files may be read from then on

    def wait_for_window(self, is_cancelled: Callable[[], bool]) -> None:
        """Return once the window is built (LoadCancelled if the load is stopped first)."""
        while not self.window_built.wait(_LOOK_EVERY):
            if is_cancelled():
                raise LoadCancelled

    def begin(self, starts: dict[str, HeadStart]) -> None:
        with self._lock:
            self._starts.update(starts)

    def claim(self, path: str, options: LoadOptions) -> HeadStart | None:
        """The load begun for ``path`` with these ``options``, handed over once; None if there
        is none (a load with other options is cancelled: its result would be the wrong one)."""
        with self._lock:
            start = self._starts.pop(path, None)
        if start is not None and start.options != options:
            start.cancelled.set()
            return None
        return start

    def on_window_built(self) -> None:
        """Let the loads that must read their files go on, and stop those nobody took over
        (the window has asked for its files: nobody will)."""
        self.window_built.set()
        with self._lock:
            starts, self._starts = list(self._starts.values()), {}
        for start in starts:
            start.cancelled.set()


def start_head_starts(
    arguments: Sequence[str],
    preferences: settings.Settings | None = None,
    load: CancellableLoad | None = None,
) -> HeadStarts:
    """Begin loading the files among ``arguments`` (the command line's; a folder gives its
    files) with the options the user chose for each before. ``load`` replaces the app's own
    load through the cache (tests)."""
    preferences = preferences or settings.open_settings()
    heads = HeadStarts(preferences, open_event_cache(preferences))
    load = load or cached_load(heads.cache, heads.wait_for_window)
    named = expand_paths(a for a in arguments if not a.startswith("-"))
    paths = [p for p in dict.fromkeys(named) if Path(p).is_file() and not is_project_path(p)]
    turns = threading.Semaphore(2)  # two at a time, as the window's loader runs them
    heads.begin({p: HeadStart(p, preferences.load_options_for(p), load, turns) for p in paths})
    return heads
