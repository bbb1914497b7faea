"""The interface in Simplified Chinese: every string translated, Chinese menus when chosen, the
choice taking effect at the next start, the command line staying English."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from viewer import settings
from viewer.app import build_application
from viewer.ui.translations import TsTranslator, ui_language

ROOT = Path(__file__).resolve().parents[2]
CHINESE = ROOT / "resources" / "translations" / "timeline_viewer_zh_CN.ts"


def messages(path: Path) -> dict[tuple[str, str], str | None]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
            )
            out[(context.findtext("name"), message.findtext("source"))] = (
                translation.text if finished else None
            )
    return out


def test_every_translatable_string_in_the_code_has_a_chinese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "viewer").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = set(messages(fresh))
    translated = {key for key, text in messages(CHINESE).items() if text}
    missing = sorted(in_code - translated)
    assert not missing, (
        f"{len(missing)} strings lack a Chinese translation (run packaging/update_translations.py): {missing[:5]}"
    )


def test_translations_keep_their_placeholders_and_accelerators():
    for (context, source), text in messages(CHINESE).items():
        for placeholder in ("%1", "%2"):
            assert (placeholder in source) == (placeholder in (text or "")), (context, source)
        if "&" in source.replace("&&", ""):
            assert "&" in (text or ""), (context, source)
        # the loader's messages are filled in with str.format: the same fields, conversions and specs
        fields = sorted(f for f in re.findall(r"\{[^{}]*\}", source))
        assert fields == sorted(re.findall(r"\{[^{}]*\}", text or "")), (context, source)


@pytest.fixture
def built(qtbot, tmp_path, cjk_font_installed):
    apps = []

    def build(language: str, path: Path | None = None, files: tuple[str, ...] = ()):
        preferences = settings.open_settings(str(path or tmp_path / "s.ini"))
        preferences.set(settings.LANGUAGE, language)
        app = build_application(list(files), preferences, cjk_font_installed)
        app.files.mapping.ask = lambda *args: None
        qtbot.addWidget(app.window)
        apps.append(app)
        qtbot.waitUntil(
            lambda: app.loader.busy == 0, timeout=10_000
        )  # files load in the background
        return app

    yield build
    for app in apps:
        app.shutdown()


def menu_titles(app) -> list[str]:
    return [action.text() for action in app.window.menuBar().actions()]


def test_with_chinese_chosen_the_menus_docks_and_actions_are_chinese(built):
    app = built("zh_CN")
    assert menu_titles(app) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert app.window.details_dock.windowTitle() == "详情"
    assert app.window.actions.open.text() == "打开(&O)……"
    assert "搜索" in app.window.search.field.placeholderText()


def test_english_is_the_default_outside_chinese_systems(built):
    app = built("en")
    assert menu_titles(app) == ["&File", "&Edit", "&View", "&Help"]


def test_switching_the_language_takes_effect_after_a_restart(
    built, tmp_path, qtbot, cjk_font_installed
):
    first = built("en")
    chosen = next(a for a in first.window.language_actions.actions() if a.data() == "zh_CN")
    chosen.trigger()
    assert menu_titles(first) == ["&File", "&Edit", "&View", "&Help"]  # not before a restart
    first.shutdown()
    again = build_application(
        [], settings.open_settings(str(tmp_path / "s.ini")), cjk_font_installed
    )
    qtbot.addWidget(again.window)  # closed and deleted after the test, not whenever GC runs
    try:
        assert menu_titles(again)[0] == "文件(&F)"
    finally:
        again.shutdown()


def test_the_system_language_decides_when_the_preference_is_system():
    assert ui_language("system", "zh_CN") == "zh_CN"
    assert ui_language("system", "zh_TW") == "zh_CN"  # the Chinese we have
    assert ui_language("system", "de_DE") == "en"
    assert ui_language("en", "zh_CN") == "en"


def test_the_translator_reads_only_finished_translations(tmp_path):
    ts = tmp_path / "t.ts"
    ts.write_text(
        '<TS version="2.1" language="zh_CN"><context><name>C</name>'
        "<message><source>Done</source><translation>完成</translation></message>"
        '<message><source>Draft</source><translation type="unfinished">草稿</translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    translator = TsTranslator(ts)
    assert translator.translate("C", "Done") == "完成"
    assert translator.translate("C", "Draft") is None


def test_in_chinese_the_axis_and_details_write_dates_the_chinese_way(built, qtbot):
    from viewer.model.instants import seconds_at

    british = str(ROOT / "tests" / "data" / "historicaldate_events_in_british_history.csv")
    sample = str(ROOT / "data" / "sample_timeline_zh.csv")
    app = built("zh_CN", files=(sample, british))  # from 55 BC to 2032, so BC years are in reach
    app.window.show()
    qtbot.waitExposed(app.window)
    timeline = app.window.timeline
    cases = [
        (
            (seconds_at(2026, 4, 20), seconds_at(2026, 5, 10)),
            "2026年4月",
        ),  # days: first tick has the year
        ((seconds_at(2025, 1, 1), seconds_at(2027, 1, 1)), "年"),  # months
        ((seconds_at(-60), seconds_at(10)), "公元前"),  # BCE years
    ]
    for (start, end), expected in cases:
        timeline.set_time_range(start, end)
        timeline.plot.grab()
        labels = [tick.label for tick in timeline.axis.ticks()]
        assert labels
        assert any(expected in label for label in labels), labels
        assert not any("Apr" in label or "BC" in label for label in labels)
    frame = app.session.events.frame
    approximate = int(
        frame.index[frame["approximate"] & (frame["source"] == "sample_timeline_zh.csv")].tolist()[
            0
        ]
    )
    app.session.select(approximate)
    text = app.window.details.browser.toPlainText()
    assert "约2026年" in text


def test_back_in_english_dates_are_english_again(built):
    built("zh_CN").shutdown()
    app = built("en")
    assert app.window.timeline.wording.year(-43) == "44 BC"


def test_a_chinese_and_an_english_app_in_one_process_each_write_their_own_dates(built):
    from viewer.model.instants import seconds_at

    british = str(ROOT / "tests" / "data" / "historicaldate_events_in_british_history.csv")
    chinese, english = built("zh_CN", files=(british,)), built("en", files=(british,))
    spans = {}
    for app in (chinese, english):
        app.window.timeline.set_time_range(seconds_at(-60), seconds_at(10))
        spans[app] = app.window.timeline.span_label.text()
        app.session.select(0)
    assert spans[chinese] == "公元前61年 – 10年"
    assert spans[english] == "61 BC – AD 10"
    # (The precision word in brackets goes through Qt's translators, which are process-wide.)
    assert "公元前55年 – 公元前54年" in chinese.window.details.browser.toPlainText()
    assert "55 BC – 54 BC" in english.window.details.browser.toPlainText()
