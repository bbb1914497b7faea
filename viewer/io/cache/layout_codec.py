"""The table's lane layout (``viewer.model.lane_layout``) as extra Arrow columns of a cache
entry, and back. Numbers are kept as they are, so a read entry's layout is a view of the mapped
pages; the two flags are copied (Arrow packs them in bits), a byte an event."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from viewer.model.lane_layout import ARRAY_FIELDS, LaneLayout

PREFIX = "layout."  # the columns' names in the entry: no event column starts so
COLUMNS = tuple(PREFIX + name for name in ARRAY_FIELDS)


def layout_to_arrow(layout: LaneLayout) -> tuple[list[pa.Array], dict[str, Any]]:
    """The layout's per-event arrays (named by ``COLUMNS``) and the rest, for the header."""
    return [pa.array(getattr(layout, name)) for name in ARRAY_FIELDS], layout.scalars()


def layout_from_arrow(table: pa.Table, scalars: dict[str, Any]) -> LaneLayout:
    """Raises (KeyError, TypeError, ValueError) when the columns are not what
    ``layout_to_arrow`` made; the layout is not yet checked against its table."""
    arrays = {}
    for name in ARRAY_FIELDS:
        column = table.column(PREFIX + name)
        array = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
        if pa.types.is_boolean(array.type):
            arrays[name] = array.to_numpy(zero_copy_only=False)
        elif pa.types.is_integer(array.type) or pa.types.is_floating(array.type):
            if array.null_count:
                raise ValueError(f"layout column {name} has gaps")
            arrays[name] = array.to_numpy(zero_copy_only=True)
        else:
            raise TypeError(f"layout column {name} of type {array.type}")
    for name in ("index", "time_order"):
        if arrays[name].dtype != np.int64:
            raise TypeError(f"layout column {name} of type {arrays[name].dtype}")
    for name in ("start", "extent_end"):
        if arrays[name].dtype != np.float64:
            raise TypeError(f"layout column {name} of type {arrays[name].dtype}")
    return LaneLayout.from_parts(scalars, arrays)
