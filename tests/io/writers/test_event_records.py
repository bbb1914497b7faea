"""Export records are derived from the event table's own columns."""

from __future__ import annotations

from viewer.io.writers.event_records import event_records
from viewer.model.event_fields import COLUMNS
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at


def test_export_records_carry_exactly_the_table_columns_in_order():
    table = EventTable.from_columns(
        start=[seconds_at(2026, 4, 27), seconds_at(2026, 4, 1)],
        end=[None, seconds_at(2026, 5, 31)],
        title=["Jury selection", "=AWS deal"],
    )
    records = list(event_records(table))
    assert [list(r) for r in records] == [list(COLUMNS)] * 2
    assert (records[0]["end"], records[1]["end"]) == (None, "2026-05-31T00:00:00")
    assert records[1]["title"] == "=AWS deal"  # records are plain; only CSV cells are escaped
