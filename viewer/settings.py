"""Every setting, declared once with its type and default, read and written through an injected QSettings.

User preferences (what a Preferences dialog edits) live under ``preferences/``; what the app remembers on
its own (window layout, recent files, the last session) lives under ``state/``. Keeping them apart means
"restore default preferences" never loses the window layout, and clearing state never loses choices.

Nothing here creates a QSettings at import: the composition root calls ``open_settings()`` and passes the
``Settings`` on; tests call ``open_settings(tmp_path / "settings.ini")``.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from viewer.io.load_options import ROLES, LoadOptions

T = TypeVar("T")

ORGANIZATION = "Timeline Viewer"
APPLICATION = "timeline-viewer"
THEMES = ("system", "light", "dark")
MAX_RECENT_FILES = 10
# Mappings are remembered per file forever otherwise; the oldest are dropped past this many.
MAX_REMEMBERED_MAPPINGS = 200
_ORDER_KEY = "order"  # beside the roles in a remembered mapping: "day", "month" or "auto"
_YEAR_KEY = "year"  # beside them too: the year of dates written without one

PathLike = str | os.PathLike[str]
RoleColumns = dict[str, str]  # role ("start", "title", ...) -> column name


class Scope(Enum):
    """Which group of the settings file a key lives in."""

    PREFERENCE = "preferences"
    STATE = "state"


@dataclass(frozen=True)
class SettingType(Generic[T]):
    """How one kind of value is checked on the way in and stored on the way out."""

    name: str
    # Raises TypeError or ValueError for a stored value it cannot use; Settings.get then falls back.
    decode: Callable[[object], T]
    encode: Callable[[T], object]


# eq=False: each declared key is unique by identity, and hashable even with a list default.
@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    """One key: its name, its default, its type and whether it is a preference or remembered state."""

    key: str
    default: T
    type: SettingType[T]
    scope: Scope

    @property
    def path(self) -> str:
        """The key as stored in QSettings, inside its scope's group."""
        return f"{self.scope.value}/{self.key}"


# --- value types ---------------------------------------------------------------------------------


def _same(value: T) -> T:
    return value


def _decode_text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _decode_flag(value: object) -> bool:
    # A fresh read of an ini file gives "true"/"false"; the in-process cache gives bools.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError(f"expected true or false, got {value!r}")


def _decode_bytes(value: object) -> QByteArray:
    if not isinstance(value, QByteArray):
        raise TypeError(f"expected bytes, got {type(value).__name__}")
    return value


def _decode_text_list(value: object) -> list[str]:
    # The ini format cannot tell a one-item list from text, nor an empty list from a missing value.
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise TypeError(f"expected a list of text, got {value!r}")


def _decode_span(value: object) -> tuple[float, float] | None:
    if value is None:
        return None
    items = _decode_text_list(value)
    if len(items) != 2:
        raise ValueError(f"expected start and end, got {items!r}")
    start, end = float(items[0]), float(items[1])
    if not (math.isfinite(start) and math.isfinite(end) and start < end):
        raise ValueError(f"not a visible span: {start!r}..{end!r}")
    return start, end


def _encode_span(value: tuple[float, float] | None) -> object:
    # repr() round-trips a float exactly and never uses a locale's decimal comma.
    return None if value is None else [repr(float(value[0])), repr(float(value[1]))]


def _decode_mappings(value: object) -> dict[str, RoleColumns]:
    data = json.loads(_decode_text(value))
    if not isinstance(data, dict):
        raise TypeError("expected a JSON object of files")
    # One hand-edited or damaged entry should not cost the user every other file's choices.
    return {
        path: dict(roles)
        for path, roles in data.items()
        if isinstance(roles, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in roles.items())
    }


def _encode_mappings(value: dict[str, RoleColumns]) -> object:
    return json.dumps(value, ensure_ascii=False)


OptionValue = str | float | bool
Options = dict[str, OptionValue]  # a dialog's last values, by field name


def _decode_options(value: object) -> Options:
    data = json.loads(_decode_text(value))
    if not isinstance(data, dict):
        raise TypeError("expected a JSON object of options")
    # A damaged field is dropped alone; the dialog falls back to its own default for it.
    return {k: v for k, v in data.items() if isinstance(v, str | int | float | bool)}


def _encode_options(value: Options) -> object:
    return json.dumps(value, ensure_ascii=False)


_LOCALE_RE = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_[A-Z]{2}|_\d{3})?")


def _decode_language(value: object) -> str:
    text = _decode_text(value)
    if text != "system" and not _LOCALE_RE.fullmatch(text):
        raise ValueError(f"not a locale name: {text!r}")
    return text


def _decode_size(value: object) -> int:
    # The ini file gives text; the in-process cache gives the int that was set.
    number = int(value) if isinstance(value, int | str) and not isinstance(value, bool) else None
    if number is None or number < 0:
        raise ValueError(f"expected a whole number of megabytes, got {value!r}")
    return number


def _choice(*options: str) -> SettingType[str]:
    def decode(value: object) -> str:
        text = _decode_text(value)
        if text not in options:
            raise ValueError(f"expected one of {options}, got {text!r}")
        return text

    return SettingType(f"one of {', '.join(options)}", decode, _same)


TEXT = SettingType[str]("text", _decode_text, _same)
FLAG = SettingType[bool]("flag", _decode_flag, _same)
BYTES = SettingType[QByteArray]("bytes", _decode_bytes, _same)
TEXT_LIST = SettingType[list[str]]("list of text", _decode_text_list, _same)
SPAN = SettingType[tuple[float, float] | None]("start and end seconds", _decode_span, _encode_span)
MAPPINGS = SettingType[dict[str, RoleColumns]](
    "column mappings", _decode_mappings, _encode_mappings
)
LANGUAGE_NAME = SettingType[str]("locale name or system", _decode_language, _same)
OPTIONS = SettingType[Options]("options by name", _decode_options, _encode_options)
MEGABYTES = SettingType[int]("megabytes (0 or more)", _decode_size, _same)

# --- the keys ------------------------------------------------------------------------------------

_P, _S = Scope.PREFERENCE, Scope.STATE

THEME = Setting("theme", "system", _choice(*THEMES), _P)
LIVE_RELOAD = Setting("live_reload", True, FLAG, _P)
LANGUAGE = Setting("language", "system", LANGUAGE_NAME, _P)
# The events cache (viewer/io/cache): a 10M-row CSV of 1.9 GB keeps an entry of 2.5 GB, so the
# limit holds one such file and some smaller ones; 0 turns the cache off (and empties it).
CACHE_LIMIT_MB = Setting("cache_limit_mb", 4000, MEGABYTES, _P)

WINDOW_GEOMETRY = Setting("window/geometry", QByteArray(), BYTES, _S)
WINDOW_STATE = Setting("window/state", QByteArray(), BYTES, _S)
RECENT_FILES = Setting[list[str]]("recent_files", [], TEXT_LIST, _S)  # most recent first
RECENT_PROJECTS = Setting[list[str]]("recent_projects", [], TEXT_LIST, _S)  # most recent first
LAST_FOLDER = Setting("last_folder", "", TEXT, _S)
SESSION_SOURCES = Setting[list[str]]("session/sources", [], TEXT_LIST, _S)  # open at exit
SESSION_VIEW = Setting[tuple[float, float] | None]("session/view", None, SPAN, _S)
SESSION_HIDDEN_LANES = Setting[list[str]]("session/hidden_lanes", [], TEXT_LIST, _S)
COLUMN_MAPPINGS = Setting[dict[str, RoleColumns]]("column_mappings", {}, MAPPINGS, _S)
EXPORT_IMAGE = Setting[Options]("export_image", {}, OPTIONS, _S)  # File → Export Image's last

PREFERENCES: tuple[Setting[Any], ...] = (THEME, LIVE_RELOAD, LANGUAGE, CACHE_LIMIT_MB)
STATE: tuple[Setting[Any], ...] = (
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    RECENT_FILES,
    RECENT_PROJECTS,
    LAST_FOLDER,
    SESSION_SOURCES,
    SESSION_VIEW,
    SESSION_HIDDEN_LANES,
    COLUMN_MAPPINGS,
    EXPORT_IMAGE,
)
ALL_SETTINGS = PREFERENCES + STATE


def _path_key(path: PathLike) -> str:
    """One spelling per file, so ``./a.csv``, ``a.csv`` and a symlink to it count as one."""
    try:
        return str(Path(path).resolve())
    except OSError:  # e.g. a symlink loop
        return os.path.abspath(path)


class Settings:
    """Typed access to an injected QSettings; a bad stored value reads as the default, never raises."""

    def __init__(self, qsettings: QSettings) -> None:
        self._qsettings = qsettings

    def get(self, setting: Setting[T]) -> T:
        if self._qsettings.contains(setting.path):
            try:
                return setting.type.decode(self._qsettings.value(setting.path))
            except (TypeError, ValueError):
                pass  # hand-edited or written by another version: the default is the safe reading
        return copy.copy(setting.default)  # defaults are shared; callers may mutate what they get

    def set(self, setting: Setting[T], value: T) -> None:
        self._qsettings.setValue(setting.path, setting.type.encode(value))

    def reset_preferences(self) -> None:
        """Back to default preferences; window layout and session are kept."""
        self._qsettings.remove(Scope.PREFERENCE.value)

    def sync(self) -> None:
        """Write pending changes to disk now (Qt otherwise does it later, or at exit)."""
        self._qsettings.sync()

    def file_name(self) -> str:
        return self._qsettings.fileName()

    # --- recent files --------------------------------------------------------------------------

    def add_recent_file(self, path: PathLike, kind: Setting[list[str]] = RECENT_FILES) -> None:
        """Put ``path`` first; drop other spellings of the same file and anything past the limit."""
        entries = [os.path.abspath(path), *self.get(kind)]
        seen: set[str] = set()
        kept: list[str] = []
        for entry in entries:
            key = _path_key(entry)
            if key not in seen:
                seen.add(key)
                kept.append(entry)
        # Missing files stay stored (a drive may be unplugged) and are only hidden when read.
        self.set(kind, kept[:MAX_RECENT_FILES])

    def recent_files(self, kind: Setting[list[str]] = RECENT_FILES) -> list[str]:
        """Recent files that still exist, most recent first."""
        return [p for p in self.get(kind) if Path(p).is_file()][:MAX_RECENT_FILES]

    def add_recent_project(self, path: PathLike) -> None:
        self.add_recent_file(path, RECENT_PROJECTS)

    def recent_projects(self) -> list[str]:
        return self.recent_files(RECENT_PROJECTS)

    # --- column mappings -----------------------------------------------------------------------

    def remember_mapping(self, path: PathLike, mapping: Mapping[str, str]) -> None:
        """Remember the roles chosen for ``path``; an empty mapping forgets them."""
        mappings = self.get(COLUMN_MAPPINGS)
        key = _path_key(path)
        mappings.pop(key, None)  # re-inserting moves it to the newest end
        if mapping:
            mappings[key] = dict(mapping)
        while len(mappings) > MAX_REMEMBERED_MAPPINGS:
            del mappings[next(iter(mappings))]
        self.set(COLUMN_MAPPINGS, mappings)

    def mapping_for(self, path: PathLike) -> RoleColumns | None:
        """The roles last chosen for ``path``, or None if there is no choice remembered."""
        return self.get(COLUMN_MAPPINGS).get(_path_key(path))

    def remember_choice(
        self,
        path: PathLike,
        columns: Mapping[str, str],
        day_first: bool | None,
        year: int | None = None,
    ) -> None:
        """What the user said of a file: its columns' roles, the order of day and month
        (None: let the loader decide; remembered too, so the question is not asked again) and
        the year of dates written without one (None: what the file tells)."""
        order = "auto" if day_first is None else ("day" if day_first else "month")
        year_entry = {_YEAR_KEY: str(year)} if year is not None else {}
        self.remember_mapping(path, {**columns, _ORDER_KEY: order, **year_entry})

    def order_chosen(self, path: PathLike) -> bool:
        """Whether the user answered the day/month question for ``path``."""
        return _ORDER_KEY in (self.mapping_for(path) or {})

    def load_options_for(self, path: PathLike) -> LoadOptions:
        """The loader's options from what the user chose for ``path`` before."""
        remembered = self.mapping_for(path) or {}
        columns = {role: column for role, column in remembered.items() if role in ROLES}
        day_first = {"day": True, "month": False}.get(remembered.get(_ORDER_KEY, ""))
        year_text = remembered.get(_YEAR_KEY, "")
        year = int(year_text) if year_text.isdigit() else None
        return LoadOptions(
            columns=columns, day_first=day_first, year=year, remembered=bool(columns)
        )


def open_settings(path: PathLike | None = None) -> Settings:
    """Settings in the ini file at ``path`` (tests, portable use), else in the user's config folder."""
    if path is not None:
        return Settings(QSettings(os.fspath(path), QSettings.Format.IniFormat))
    return Settings(
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    )
