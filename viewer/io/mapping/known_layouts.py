"""Files from other timeline tools, recognised by their header and read without options."""

from __future__ import annotations

from viewer.io.mapping.column_mapping import ColumnMapping, DateParts, JoinedColumns
from viewer.io.mapping.header_names import header_key
from viewer.model.event_fields import COLUMNS

OWN_EXPORT_COLUMNS = COLUMNS  # what our CSV export writes: the event table's own columns


def known_layout(columns: list[str]) -> ColumnMapping | None:
    by_key = {header_key(c): c for c in reversed(columns)}
    keys = set(by_key)

    def col(name: str) -> str | None:
        return by_key.get(name)

    if keys >= {header_key(c) for c in OWN_EXPORT_COLUMNS}:
        mapping = ColumnMapping(
            layout="timeline-viewer", roles_by_content=False, formula_escaped=True
        )
        for role in OWN_EXPORT_COLUMNS:
            setattr(mapping, role, col(header_key(role)))
        return mapping
    if {"ts", "uid"} <= keys or {"ts", "id orig h"} <= keys:
        return _zeek_log(col)
    if {"timestamp", "event type", "src ip"} <= keys:  # Suricata's eve.json, fields flattened
        return ColumnMapping(
            layout="suricata-eve",
            roles_by_content=False,
            start=col("timestamp"),
            title=col("alert signature") or col("event type"),
            title_fallback=col("event type") if col("alert signature") else None,
            lane=col("event type"),
        )
    if {"created at", "id str", "user screen name"} <= keys and ({"text", "full text"} & keys):
        # Tweets (Twitter API v1.1, flattened): created_at is when it was posted, "Tue Dec 08
        # 21:40:00 +0000 2015"; the id is a number as big as epoch nanoseconds, and no date.
        return ColumnMapping(
            layout="twitter",
            roles_by_content=False,  # (a user's bio or a list of links is no tweet's excerpt)
            start=col("created at"),
            title=col("full text") or col("text"),
            lane=col("user screen name"),
        )
    if {"year", "headline"} <= keys:
        return _timelinejs_sheet(col)
    if {"date", "time", "timezone", "short", "desc"} <= keys:
        return ColumnMapping(
            layout="plaso-l2tcsv",
            roles_by_content=False,
            start=JoinedColumns((by_key["date"], by_key["time"], by_key["timezone"])),
            title=col("short"),
            excerpt=col("desc"),
            lane=col("source"),
            day_first=False,  # l2tcsv always writes MM/DD/YYYY
        )
    if "message" in keys and "timestamp desc" in keys and ({"datetime", "timestamp"} & keys):
        is_plaso = {"source", "source long"} <= keys and "data type" not in keys
        return ColumnMapping(
            layout="plaso-dynamic" if is_plaso else "timesketch",
            roles_by_content=False,
            start=col("datetime") or col("timestamp"),
            title=col("message"),
            lane=col("source short") or col("source") or col("data type") or col("timestamp desc"),
            excerpt=col("source long") if is_plaso else None,
        )
    return None


def _timelinejs_sheet(col: object) -> ColumnMapping:
    assert callable(col)
    start = DateParts(col("year"), col("month"), col("day"), col("time"))
    end = (
        DateParts(col("end year"), col("end month"), col("end day"), col("end time"))
        if col("end year")
        else None
    )
    return ColumnMapping(
        layout="timelinejs",
        roles_by_content=False,
        urls_are_links_only=True,
        start=start,
        end=end,
        title=col("headline"),
        excerpt=col("text"),
        lane=col("group"),
        url=col("media"),
        date_text=col("display date"),
        approximate_from=col("display date"),
        numbers_are_years=True,
        not_events=(col("type"), "title") if col("type") else None,
    )


# What a Zeek log's row is about, by log: notice's msg, dns's query, http's host, ssl's
# server_name, ... (the first the log has).
_ZEEK_TITLES = ("msg", "query", "host", "server name", "subject", "name", "filename", "service")
_ZEEK_LANES = ("note", "qtype name", "method", "proto")


def _zeek_log(col: object) -> ColumnMapping:
    assert callable(col)
    title = next((c for key in _ZEEK_TITLES if (c := col(key))), None)
    lane = next((c for key in _ZEEK_LANES if (c := col(key)) and c != title), None)
    return ColumnMapping(layout="zeek", start=col("ts"), title=title, lane=lane)
