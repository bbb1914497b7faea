"""A table of two columns as Help's pages show them: keys and actions, what to type and what it
finds."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def reference_table(rows: list[tuple[str, str]], name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(len(rows), 2)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    for row, (left, right) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(left))
        table.setItem(row, 1, QTableWidgetItem(right))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table
