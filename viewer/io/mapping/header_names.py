"""Header names that tell a column's role, in English and Chinese (best match first)."""

from __future__ import annotations

import re

ROLE_HEADERS: dict[str, tuple[str, ...]] = {
    "start": (
        "start", "start date", "startdate", "start time", "start datetime", "begin", "begin date",
        "from", "date", "datetime", "date time", "timestamp", "time", "when", "occurred", "event date",
        "published", "pubdate", "created", "开始", "开始日期", "开始时间", "起始日期", "起始时间", "起始",
        "日期", "时间", "日期时间", "發生時間", "发生时间", "時間", "開始", "開始日期", "开始于", "发布时间",
        "發布時間", "年份", "年", "year",
    ),
    "end": (
        "end", "end date", "enddate", "end time", "end datetime", "until", "to", "finish", "finished",
        "stop", "结束", "结束日期", "结束时间", "截止", "截止日期", "結束", "結束日期", "终止",
    ),
    "title": (
        "title", "headline", "event", "event name", "name", "label", "subject", "heading", "message",
        "short", "summary title", "标题", "標題", "事件", "名称", "名稱", "题目", "标题名称",
    ),
    "excerpt": (
        "excerpt", "text", "description", "desc", "summary", "details", "detail", "notes", "note",
        "body", "content", "abstract", "comment", "摘要", "内容", "內容", "描述", "详情", "詳情", "正文",
        "简介", "簡介", "说明", "說明", "备注", "備註",
    ),
    "lane": (
        "lane", "group", "category", "type", "track", "topic", "theme", "section", "分类", "分類",
        "类别", "類別", "类型", "類型", "分组", "分組", "栏目", "欄目", "主题", "主題", "组", "泳道",
    ),
    "url": (
        "url", "link", "href", "website", "web", "source url", "permalink", "链接", "鏈接", "連結", "网址",
        "網址", "原文链接",
    ),
}  # fmt: skip

YEAR_HEADERS = frozenset({"year", "years", "yr", "年", "年份", "年代"})

# Start and end pairs: begin/end, Anfang/Ende, Beginn/Ende, début/fin, inicio/fin, início/fim,
# 开始/结束, 起/止. (The end words are tried first: "Ende" is no start.)
_WORD_HINTS = {
    "end": (
        "end",
        "until",
        "finish",
        "ende",
        "fin",
        "fim",
        "bis",
        "结束",
        "結束",
        "截止",
        "终止",
        "止",
    ),
    "start": (
        "start",
        "begin",
        "beginn",
        "anfang",
        "début",
        "debut",
        "inicio",
        "início",
        "von",
        "date",
        "time",
        "when",
        "datum",
        "fecha",
        "日期",
        "时间",
        "時間",
        "开始",
        "開始",
        "起",
    ),
}


def header_key(name: str) -> str:
    """``Start_Date`` and ``start-date`` and `` Start Date `` all read as ``start date``."""
    return re.sub(r"[\s_\-./]+", " ", name).strip().casefold()


def exact_role_matches(columns: list[str]) -> dict[str, str]:
    """Role -> column for headers that are a known name (first synonym in the list wins)."""
    keys = {header_key(c): c for c in reversed(columns)}
    taken: set[str] = set()
    out: dict[str, str] = {}
    for role, names in ROLE_HEADERS.items():
        for name in names:
            column = keys.get(name)
            if column is not None and column not in taken:
                out[role] = column
                taken.add(column)
                break
    return out


def hinted_date_columns(columns: list[str], taken: set[str]) -> dict[str, str]:
    """Start and end columns from words inside headers (``Event Date``, ``date_of_end``)."""
    out: dict[str, str] = {}
    for role in ("end", "start"):
        for column in columns:
            key = header_key(column)
            words = key.split()
            hit = any(
                hint in words or (not hint.isascii() and hint in key) for hint in _WORD_HINTS[role]
            )
            if hit and column not in taken:
                out[role] = column
                taken.add(column)
                break
    return out
