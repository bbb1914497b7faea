"""The event table: every loaded event as one row of a pandas DataFrame.

Times are int64 seconds since 1970-01-01 UTC (see ``instants``); ``end`` is a nullable Int64.
Text columns hold "" rather than missing values, so views never have to test for NaN.
"""

from __future__ import annotations

from collections.abc import Iterable

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
        precision: npt.ArrayLike | str = "day",
        approximate: npt.ArrayLike | bool = False,
        title: object = "",
        excerpt: object = "",
        lane: object = "",
        url: object = "",
        date_text: object = "",
        source: object = "",
        row: npt.ArrayLike | None = None,
    ) -> EventTable:
        start_values = np.asarray(start, dtype=np.int64)
        n = len(start_values)
        end_values = (
            pd.array(np.zeros(n, dtype=np.int64), dtype="Int64")
            if end is None
            else pd.array(end, dtype="Int64")
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
            record["end"] = None if pd.isna(record["end"]) else int(record["end"])
            out.append(record)
        return out


def _broadcast(value: object, n: int) -> object:
    if isinstance(value, str):
        return [value] * n
    return value


def _text(value: object, n: int) -> pd.Series:
    series = pd.Series(_broadcast(value, n), dtype="string[pyarrow]")
    return series.fillna("")
