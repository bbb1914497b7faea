"""The Open dialog's file types, from the loader's table of formats."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from viewer.io.formats import readable_formats, readable_suffixes
from viewer.ui.load_messages import translated


def _patterns(suffixes: list[str] | tuple[str, ...]) -> str:
    return " ".join(f"*{suffix}" for suffix in suffixes)


def open_filter() -> str:
    """ "Timelines (every suffix);;one entry per format;;All files (*)"."""
    every = QCoreApplication.translate("OpenDialog", "Timelines (%1)").replace(
        "%1", _patterns(readable_suffixes())
    )
    each = [f"{translated(f.label)} ({_patterns(f.suffixes)})" for f in readable_formats()]
    everything = QCoreApplication.translate("OpenDialog", "All files (*)")
    return ";;".join([every, *each, everything])


def ask_for_timelines(parent: QWidget, folder: str) -> list[str]:
    """The files the user chose (none if cancelled)."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("OpenDialog", "Open timelines"), folder, open_filter()
    )
    return paths
