"""Settings round-trip through real ini files, fall back to defaults, and remember files and mappings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from viewer import settings as settings_module
from viewer.settings import (
    ALL_SETTINGS,
    CACHE_LIMIT_MB,
    COLUMN_MAPPINGS,
    EXPORT_IMAGE,
    LANGUAGE,
    LAST_FOLDER,
    LIVE_RELOAD,
    MAX_RECENT_FILES,
    PREFERENCES,
    RECENT_FILES,
    RECENT_PROJECTS,
    SESSION_HIDDEN_LANES,
    SESSION_SOURCES,
    SESSION_VIEW,
    STATE,
    THEME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Setting,
    Settings,
    open_settings,
)

# A non-default value per key, chosen to trip the ini format: commas, quotes, CJK, raw bytes,
# a one-item list (stored like plain text) and floats that need all their digits.
SAMPLES: dict[str, Any] = {
    THEME.path: "dark",
    LIVE_RELOAD.path: False,
    LANGUAGE.path: "zh_CN",
    CACHE_LIMIT_MB.path: 0,
    WINDOW_GEOMETRY.path: QByteArray(b"\x01\xd9\xd0\xcb\x00\x03,\n=\\@"),
    WINDOW_STATE.path: QByteArray(bytes(range(256))),
    RECENT_FILES.path: ["/数据/时间线.csv", '/a, b/"quoted".csv', "C:\\Users\\me\\x.csv"],
    RECENT_PROJECTS.path: ["/故事/审判.tvproj"],
    LAST_FOLDER.path: "/home/me/Files, old",
    SESSION_SOURCES.path: ["/one/only.csv"],
    SESSION_VIEW.path: (-1.2345678901234567e17, 0.1),
    SESSION_HIDDEN_LANES.path: ["", "War, Peace", "@Invalid()"],
    COLUMN_MAPPINGS.path: {
        "/数据/a.csv": {"start": "日期", "title": "标题, 事件"},
        "/b.csv": {"start": "When", "lane": 'Group "x"'},
    },
    EXPORT_IMAGE.path: {"title": "战争, 和平", "legend": False, "font_size": 10.5, "preset": "web"},
}


def reopen(ini: Path, fresh: bool) -> Settings:
    """A new Settings on the file. Qt caches parsed ini files per process, so a same-name reopen
    may hand back the values as written; a copy under a new name is parsed from the text on disk."""
    if not fresh:
        return open_settings(ini)
    copy = ini.with_name(f"copy-of-{ini.name}")
    shutil.copyfile(ini, copy)
    return open_settings(copy)


def write_ini(path: Path, text: str) -> Settings:
    path.write_text(text, encoding="utf-8")
    return open_settings(path)


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def store(ini: Path) -> Settings:
    return open_settings(ini)


def test_every_key_is_declared_once_and_has_a_sample():
    paths = [setting.path for setting in ALL_SETTINGS]
    assert len(paths) == len(set(paths))
    assert set(paths) == set(SAMPLES)


def test_preferences_and_state_are_stored_in_separate_groups(store: Settings, ini: Path):
    for setting in ALL_SETTINGS:
        store.set(setting, SAMPLES[setting.path])
    store.sync()
    text = ini.read_text(encoding="utf-8")
    preferences, state = text.index("[preferences]"), text.index("[state]")
    assert all(setting.path.startswith("preferences/") for setting in PREFERENCES)
    assert all(setting.path.startswith("state/") for setting in STATE)
    assert preferences < text.index("theme=") < state  # groups are written in order


@pytest.mark.parametrize("fresh", [False, True], ids=["same-file", "fresh-read"])
@pytest.mark.parametrize("setting", ALL_SETTINGS, ids=lambda s: s.path)
def test_every_key_round_trips_through_an_ini_file(
    setting: Setting[Any], fresh: bool, store: Settings, ini: Path
):
    store.set(setting, SAMPLES[setting.path])
    store.sync()
    assert reopen(ini, fresh).get(setting) == SAMPLES[setting.path]


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (RECENT_FILES, []),
        (SESSION_HIDDEN_LANES, ["only"]),
        (SESSION_VIEW, None),
        (COLUMN_MAPPINGS, {}),
        (WINDOW_STATE, QByteArray()),
        (LAST_FOLDER, ""),
        (LIVE_RELOAD, True),
    ],
    ids=lambda v: getattr(v, "path", None) or repr(v),
)
def test_empty_and_edge_values_round_trip_from_disk(
    setting: Setting[Any], value: Any, store: Settings, ini: Path
):
    store.set(setting, SAMPLES[setting.path])
    store.set(setting, value)
    store.sync()
    assert reopen(ini, fresh=True).get(setting) == value


@pytest.mark.parametrize("setting", ALL_SETTINGS, ids=lambda s: s.path)
def test_missing_keys_read_as_their_defaults(setting: Setting[Any], store: Settings):
    assert store.get(setting) == setting.default


def test_defaults_handed_out_are_copies(store: Settings):
    store.get(RECENT_FILES).append("/mutated.csv")
    store.get(COLUMN_MAPPINGS)["/x"] = {"start": "a"}
    assert RECENT_FILES.default == []
    assert COLUMN_MAPPINGS.default == {}


BAD_VALUES = [
    (THEME, "[preferences]\ntheme=purple"),
    (THEME, "[preferences]\ntheme=dark, light"),
    (LIVE_RELOAD, "[preferences]\nlive_reload=maybe"),
    (LIVE_RELOAD, "[preferences]\nlive_reload=2"),
    (LANGUAGE, "[preferences]\nlanguage=not a locale!"),
    (LANGUAGE, "[preferences]\nlanguage=@Size(1 2)"),
    (CACHE_LIMIT_MB, "[preferences]\ncache_limit_mb=-5"),
    (CACHE_LIMIT_MB, "[preferences]\ncache_limit_mb=2 GB"),
    (WINDOW_GEOMETRY, "[state]\nwindow\\geometry=just text"),
    (WINDOW_STATE, "[state]\nwindow\\state=1, 2"),
    (RECENT_FILES, "[state]\nrecent_files=@Rect(1 2 3 4)"),
    (LAST_FOLDER, "[state]\nlast_folder=a, b"),
    (SESSION_SOURCES, "[state]\nsession\\sources=@ByteArray(x)"),
    (SESSION_VIEW, "[state]\nsession\\view=1, nope"),
    (SESSION_VIEW, "[state]\nsession\\view=5, 1"),
    (SESSION_VIEW, "[state]\nsession\\view=1"),
    (SESSION_VIEW, "[state]\nsession\\view=nan, 1"),
    (SESSION_VIEW, "[state]\nsession\\view=1, 2, 3"),
    (SESSION_HIDDEN_LANES, "[state]\nsession\\hidden_lanes=@Size(1 2)"),
    (COLUMN_MAPPINGS, "[state]\ncolumn_mappings=not json"),
    (COLUMN_MAPPINGS, '[state]\ncolumn_mappings="[1, 2]"'),
    (COLUMN_MAPPINGS, "[state]\ncolumn_mappings=a, b"),
]


@pytest.mark.parametrize(("setting", "text"), BAD_VALUES, ids=lambda v: getattr(v, "path", ""))
def test_unusable_stored_values_read_as_the_default(setting: Setting[Any], text: str, ini: Path):
    store = write_ini(ini, text + "\n")
    assert QSettings(str(ini), QSettings.Format.IniFormat).contains(setting.path)  # really stored
    assert store.get(setting) == setting.default


def test_a_damaged_mapping_entry_does_not_lose_the_others(ini: Path):
    stored = (
        r"{\"/good.csv\": {\"start\": \"When\"}, \"/bad.csv\": {\"start\": 5}, \"/worse.csv\": 1}"
    )
    store = write_ini(ini, f'[state]\ncolumn_mappings="{stored}"\n')
    assert store.get(COLUMN_MAPPINGS) == {"/good.csv": {"start": "When"}}


def test_a_bad_value_is_replaced_when_set_again(ini: Path):
    store = write_ini(ini, "[preferences]\ntheme=purple\n")
    store.set(THEME, "light")
    store.sync()
    assert reopen(ini, fresh=True).get(THEME) == "light"


def test_resetting_preferences_keeps_window_state(store: Settings):
    store.set(THEME, "dark")
    store.set(LIVE_RELOAD, False)
    store.set(WINDOW_GEOMETRY, QByteArray(b"geometry"))
    store.set(SESSION_VIEW, (1.0, 2.0))
    store.reset_preferences()
    assert store.get(THEME) == "system"
    assert store.get(LIVE_RELOAD) is True
    assert store.get(WINDOW_GEOMETRY) == QByteArray(b"geometry")
    assert store.get(SESSION_VIEW) == (1.0, 2.0)


# --- recent files ----------------------------------------------------------------------------------


def make_files(folder: Path, *names: str) -> list[str]:
    paths = []
    for name in names:
        path = folder / name
        path.write_text("date,title\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_recent_files_are_most_recent_first(store: Settings, tmp_path: Path):
    a, b, c = make_files(tmp_path, "a.csv", "b.csv", "c.csv")
    for path in (a, b, c):
        store.add_recent_file(path)
    assert store.recent_files() == [c, b, a]
    store.add_recent_file(a)
    assert store.recent_files() == [a, c, b]


def test_recent_files_count_other_spellings_of_a_file_once(
    store: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "sub").mkdir()
    a, b = make_files(tmp_path, "a.csv", "b.csv")
    monkeypatch.chdir(tmp_path / "sub")
    store.add_recent_file(a)
    store.add_recent_file(b)
    store.add_recent_file("../a.csv")
    store.add_recent_file(Path(tmp_path / "sub" / ".." / "b.csv"))
    assert [Path(p).resolve() for p in store.recent_files()] == [Path(b), Path(a)]


def test_recent_files_count_a_symlink_and_its_target_once(store: Settings, tmp_path: Path):
    (target,) = make_files(tmp_path, "target.csv")
    link = tmp_path / "link.csv"
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("symlinks are not available here")
    store.add_recent_file(target)
    store.add_recent_file(link)
    assert store.recent_files() == [str(link)]


def test_recent_files_keep_only_the_newest_ten(store: Settings, tmp_path: Path):
    paths = make_files(tmp_path, *(f"{i:02}.csv" for i in range(MAX_RECENT_FILES + 2)))
    for path in paths:
        store.add_recent_file(path)
    assert store.recent_files() == paths[::-1][:MAX_RECENT_FILES]
    assert len(store.get(RECENT_FILES)) == MAX_RECENT_FILES


def test_recent_files_hide_missing_files_but_remember_them(store: Settings, tmp_path: Path):
    a, b = make_files(tmp_path, "a.csv", "b.csv")
    store.add_recent_file(a)
    store.add_recent_file(b)
    Path(a).unlink()
    assert store.recent_files() == [b]
    assert store.get(RECENT_FILES) == [b, a]  # an unplugged drive may come back


def test_recent_files_survive_a_restart(store: Settings, ini: Path, tmp_path: Path):
    (only,) = make_files(tmp_path, "时间线, 一.csv")
    store.add_recent_file(only)
    store.sync()
    assert reopen(ini, fresh=True).recent_files() == [only]


# --- column mappings -------------------------------------------------------------------------------


def test_mappings_are_remembered_per_file(store: Settings, tmp_path: Path):
    a, b = make_files(tmp_path, "a.csv", "b.csv")
    store.remember_mapping(a, {"start": "Date", "title": "Headline"})
    store.remember_mapping(b, {"start": "日期"})
    assert store.mapping_for(a) == {"start": "Date", "title": "Headline"}
    assert store.mapping_for(b) == {"start": "日期"}
    assert store.mapping_for(tmp_path / "never-seen.csv") is None


def test_a_mapping_is_found_by_any_spelling_of_its_file(
    store: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (a,) = make_files(tmp_path, "a.csv")
    monkeypatch.chdir(tmp_path)
    store.remember_mapping("a.csv", {"start": "Date"})
    assert store.mapping_for(a) == {"start": "Date"}


def test_remembering_again_replaces_and_an_empty_mapping_forgets(store: Settings):
    store.remember_mapping("/a.csv", {"start": "Date", "title": "Title"})
    store.remember_mapping("/a.csv", {"start": "When"})
    assert store.mapping_for("/a.csv") == {"start": "When"}
    store.remember_mapping("/a.csv", {})
    assert store.mapping_for("/a.csv") is None


def test_mappings_survive_a_restart(store: Settings, ini: Path):
    store.remember_mapping("/数据/事件, 一.csv", {"start": "日期", "title": '"标题"'})
    store.sync()
    assert reopen(ini, fresh=True).mapping_for("/数据/事件, 一.csv") == {
        "start": "日期",
        "title": '"标题"',
    }


def test_the_oldest_mappings_are_dropped_past_the_limit(
    store: Settings, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(settings_module, "MAX_REMEMBERED_MAPPINGS", 3)
    for name in ("a", "b", "c"):
        store.remember_mapping(f"/{name}.csv", {"start": name})
    store.remember_mapping("/a.csv", {"start": "a2"})  # using a file again makes it newest
    store.remember_mapping("/d.csv", {"start": "d"})
    assert store.mapping_for("/b.csv") is None
    assert [store.mapping_for(f"/{n}.csv") for n in "acd"] == [
        {"start": "a2"},
        {"start": "c"},
        {"start": "d"},
    ]


def test_a_returned_mapping_is_a_copy(store: Settings):
    store.remember_mapping("/a.csv", {"start": "Date"})
    mapping = store.mapping_for("/a.csv")
    assert mapping is not None
    mapping["start"] = "changed"
    assert store.mapping_for("/a.csv") == {"start": "Date"}


# --- construction ----------------------------------------------------------------------------------


def test_importing_the_module_creates_no_qsettings():
    code = (
        "from PySide6 import QtCore\n"
        "def refuse(*args, **kwargs): raise AssertionError('QSettings created at import')\n"
        "QtCore.QSettings = refuse\n"
        "import viewer.settings\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr


def test_without_a_path_settings_go_to_the_users_ini_file():
    name = open_settings().file_name()
    assert name.replace("\\", "/").endswith("/Timeline Viewer/timeline-viewer.ini")
