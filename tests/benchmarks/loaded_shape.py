"""Generated events in the shape a loaded file gives them: text in the CSV reader's chunks.

The loader leaves each text column in the blocks pyarrow parsed (7 MB of the file each,
about 37,000 rows of ``make_bench_csv.py``'s shape; see ``viewer/model/chunked_text.py``),
where ``EventTable.from_columns`` makes one chunk. Benchmarks that build their events call
:func:`as_loaded`, so what they time is what a user's file meets (the time order sorted, too).
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from viewer.model.event_fields import TEXT_COLUMNS
from viewer.model.event_table import EventTable

ROWS_PER_CHUNK = 37_000


def as_loaded(events: EventTable, rows_per_chunk: int = ROWS_PER_CHUNK) -> EventTable:
    frame = events.frame.copy(deep=False)
    for name in TEXT_COLUMNS:
        whole = events.text_values(name).combine_chunks()
        chunks = [whole.slice(a, rows_per_chunk) for a in range(0, len(whole), rows_per_chunk)]
        chunked = pa.chunked_array(chunks, whole.type)
        frame[name] = pd.Series(pd.arrays.ArrowStringArray(chunked), dtype="string[pyarrow]")
    loaded = EventTable(frame)
    loaded.order.adopt_time_order(
        events.order.time_order()
    )  # a load sorts it on a thread of its own
    loaded.order.work_out_for_views()  # as the app's loads do
    loaded.order.work_out_ranks()
    return loaded
