"""The event table: every loaded event as one row of a pandas DataFrame.

Times are int64 seconds since 1970-01-01 UTC (see ``instants``); ``end`` is a nullable Int64.
Text columns hold "" rather than missing values, so views never have to test for NaN.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd

from viewer.model.precision import PRECISION_LABELS

COLUMNS = (
    "start", "end", "precision", "approximate", "title", "excerpt", "lane", "url",
    "date_text", "source", "row",
)  # fmt: skip
TEXT_COLUMNS = ("title", "excerpt", "lane", "url", "date_text")

PRECISION_DTYPE = pd.CategoricalDtype(list(PRECISION_LABELS), ordered=True)

# One value for every row, or one per row.
Values: TypeAlias = "str | list[Any] | npt.NDArray[Any] | pd.Series[Any]"


class EventTable:
    """A read-only view of events; build one with :meth:`from_columns` or :meth:`concat`."""

    def __init__(self, frame: pd.DataFrame) -> None:
        missing = [c for c in COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"event table lacks columns {missing}")
        self.frame = frame.loc[:, list(COLUMNS)]

    @classmethod
    def empty(cls) -> EventTable:
        return cls.from_columns(start=np.empty(0, dtype=np.int64))

    @classmethod
    def from_columns(
        cls,
        *,
        start: npt.ArrayLike,
        end: npt.ArrayLike | None = None,
        precision: Values = "day",
        approximate: npt.ArrayLike | bool = False,
        title: Values = "",
        excerpt: Values = "",
        lane: Values = "",
        url: Values = "",
        date_text: Values = "",
        source: Values = "",
        row: npt.ArrayLike | None = None,
    ) -> EventTable:
        start_values = np.asarray(start, dtype=np.int64)
        n = len(start_values)
        end_values = (
            pd.array(np.zeros(n, dtype=np.int64), dtype="Int64")
            if end is None
            else pd.array(np.asarray(end), dtype="Int64")
        )
        if end is None:
            end_values[:] = pd.NA
        frame = pd.DataFrame(
            {
                "start": start_values,
                "end": end_values,
                "precision": pd.Categorical(_broadcast(precision, n), dtype=PRECISION_DTYPE),
                "approximate": np.broadcast_to(np.asarray(approximate, dtype=bool), (n,)).copy(),
                **{
                    name: _text(value, n)
                    for name, value in zip(
                        TEXT_COLUMNS, (title, excerpt, lane, url, date_text), strict=True
                    )
                },
                "source": pd.Categorical(_broadcast(source, n)),
                "row": np.arange(2, n + 2, dtype=np.int64)
                if row is None
                else np.asarray(row, dtype=np.int64),
            }
        )
        return cls(frame)

    @classmethod
    def concat(cls, tables: Iterable[EventTable]) -> EventTable:
        frames = [t.frame for t in tables]
        if not frames:
            return cls.empty()
        frame = pd.concat(frames, ignore_index=True)
        frame["source"] = frame["source"].astype("category")
        frame["precision"] = frame["precision"].astype(PRECISION_DTYPE)
        return cls(frame)

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def start(self) -> npt.NDArray[np.int64]:
        return self.frame["start"].to_numpy(dtype=np.int64)

    @property
    def lanes(self) -> list[str]:
        """Lane names in the order they are first met."""
        return list(pd.unique(self.frame["lane"]))

    def sorted_by_time(self) -> EventTable:
        order = np.lexsort((self.frame["row"].to_numpy(), self.start))
        return EventTable(self.frame.iloc[order].reset_index(drop=True))

    def records(self) -> list[dict[str, object]]:
        """Plain Python rows, for tests and small exports."""
        out = []
        for record in self.frame.to_dict("records"):
            row = {str(name): value for name, value in record.items()}
            row["end"] = None if pd.isna(row["end"]) else int(row["end"])
            out.append(row)
        return out

    def source_row(self, index: int) -> tuple[str, int]:
        """The file and row (header = row 1) event ``index`` was read from."""
        return str(self.frame["source"].array[index]), int(self.frame["row"].to_numpy()[index])

    def index_of(self, source: str, row: int) -> int | None:
        """The event read from ``source`` at ``row``, if there is one (first, if several)."""
        hits = np.flatnonzero(
            (self.frame["source"] == source).to_numpy() & (self.frame["row"] == row).to_numpy()
        )
        return int(hits[0]) if len(hits) else None


def _broadcast(value: Values, n: int) -> list[Any] | npt.NDArray[Any] | pd.Series[Any]:
    if isinstance(value, str):
        return [value] * n
    return value


def _text(value: Values, n: int) -> pd.Series[str]:
    series = pd.Series(_broadcast(value, n), dtype="string[pyarrow]")
    return series.fillna("")
