"""How an ambiguous zone abbreviation was read is listed in the Problems panel, in the
interface's language, without counting as a problem."""

from __future__ import annotations

from pathlib import Path

from viewer.io.loading import load_file
from viewer.ui.problems_panel import ProblemsPanel
from viewer.ui.translations import install_translators, remove_translators


def test_the_reading_of_cst_is_listed_in_chinese_and_is_no_problem(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "logins.csv"
    path.write_text(
        "time,title\n2015-07-21 20:20:03 CST,a\n2015-07-22 09:00:00 +08:00,b\n", encoding="utf-8"
    )
    report = load_file(path).report
    translators = install_translators("zh_CN")
    try:
        panel = ProblemsPanel()
        qtbot.addWidget(panel)
        with qtbot.waitSignal(panel.problems_changed) as counted:
            panel.set_reports([report])
        assert counted.args == [0]
        item = panel.tree.topLevelItem(0)
        assert item.text(0) == "logins.csv"
        assert item.text(3) == "CST 按中国标准时间（UTC+08:00）读取：其他行的时区在同一地区"
    finally:
        remove_translators(translators)
