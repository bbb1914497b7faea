"""Timeline (thetimelineproj) ``.timeline`` XML files read as text cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io.load_errors import LoadError
from viewer.io.readers.raw_table import RawTable
from viewer.io.readers.timeline_xml_reader import read_timeline_xml

DATA = Path(__file__).parents[2] / "data"
ROME = DATA / "handmade_rome_and_conference.timeline"


def read_text(text: str, name: str = "test.timeline") -> RawTable:
    return read_timeline_xml(Path(name), text.encode("utf-8"))


def cells(table: RawTable, column: str) -> list[str | None]:
    values: list[str | None] = table.column(column).to_pylist()
    return values


def minimal(events: str, timetype: str = "gregoriantime") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<timeline><version>2.4.0</version>'
        f"<timetype>{timetype}</timetype><categories/><events>{events}</events><view/></timeline>"
    )


@pytest.fixture(scope="module")
def rome() -> RawTable:
    return read_timeline_xml(ROME, ROME.read_bytes())


def test_every_event_is_a_record_and_eras_are_not(rome: RawTable) -> None:
    assert len(rome) == 7
    assert rome.rows.tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert "Late Republic" not in cells(rome, "text")
    assert rome.format == "timelineproj-xml"


def test_columns_and_known_roles(rome: RawTable) -> None:
    assert rome.columns == [
        "start",
        "end",
        "text",
        "description",
        "category",
        "fuzzy",
        "hyperlink",
        "kind",
        "container",
        "ends_today",
    ]
    assert rome.known_roles == {
        "start": "start",
        "end": "end",
        "title": "text",
        "excerpt": "description",
        "lane": "category",
        "url": "hyperlink",
        "approximate": "fuzzy",
    }


def test_bc_years_are_delivered_as_signed_iso_dates_and_whole_days_without_midnight(
    rome: RawTable,
) -> None:
    # Timeline writes astronomical years unpadded (-43 is 44 BC); the reader pads them to ISO
    # form (a signed ISO year is astronomical) and drops the midnight of whole-day events.
    assert cells(rome, "start") == [
        "-0057-01-01",
        "-0043-03-15",
        "-0051-09-01",
        "0005-06-01",
        "2011-02-01 10:00:00",
        "2011-02-01 10:00:00",
        "2011-03-01",
    ]


def test_point_events_saved_with_end_equal_to_start_have_no_end(rome: RawTable) -> None:
    assert cells(rome, "end") == [
        "-0050-12-31",
        None,
        "-0051-10-01",
        None,
        None,
        "2011-02-03 00:00:00",
        "2011-05-20",
    ]


def test_description_hyperlink_and_category_are_read_with_entities_unescaped(
    rome: RawTable,
) -> None:
    caesar = cells(rome, "text").index("Assassination of Julius Caesar")
    assert cells(rome, "description")[caesar] == (
        "Ides of March, 44 BC.\nBrutus & Cassius — in the Curia of Pompey."
    )
    assert cells(rome, "hyperlink")[caesar] == (
        "https://en.wikipedia.org/wiki/Assassination_of_Julius_Caesar"
    )
    assert cells(rome, "category") == ["Rome", "Rome", "Rome", None, "Work", "Work", "Work"]


def test_empty_elements_are_null(rome: RawTable) -> None:
    conference = cells(rome, "text").index("Conference in Göteborg")
    assert cells(rome, "description")[conference] is None


def test_fuzzy_and_ends_today_flags_are_passed_on_as_written(rome: RawTable) -> None:
    assert cells(rome, "fuzzy") == ["False", "False", "True", "False", "False", "False", "False"]
    assert cells(rome, "ends_today")[6] == "True"


def test_container_encoding_in_the_text_is_undone(rome: RawTable) -> None:
    assert cells(rome, "text")[:4] == [
        "Gallic War",
        "Assassination of Julius Caesar",
        "Siege of Alesia",
        "(Draft) a note from year 5",  # the protecting leading space is removed
    ]
    assert cells(rome, "kind") == [
        "container",
        "event",
        "subevent",
        "event",
        "milestone",
        "event",
        "event",
    ]
    assert cells(rome, "container")[:4] == ["Gallic War", None, "Gallic War", None]


def test_a_parenthesised_number_without_a_known_container_stays_in_the_text() -> None:
    table = read_text(
        minimal(
            "<event><start>2000-01-01 00:00:00</start><end>2000-01-01 00:00:00</end>"
            "<text>(2)nd attempt</text></event>"
        )
    )
    assert cells(table, "text") == ["(2)nd attempt"]
    assert cells(table, "kind") == ["event"]


def test_a_timeline_without_timetype_or_events_reads_as_empty() -> None:
    table = read_text("<timeline><version>0.9.0</version><categories/><events/></timeline>")
    assert len(table) == 0
    assert table.columns[:3] == ["start", "end", "text"]


def test_xml_that_is_not_a_timeline_is_a_load_error_naming_its_root() -> None:
    with pytest.raises(LoadError, match=r"top element is <rss>, not <timeline>") as caught:
        read_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', name="feed.xml")
    assert caught.value.path == "feed.xml"


def test_malformed_xml_is_a_load_error() -> None:
    with pytest.raises(LoadError, match=r"is not well-formed XML \(mismatched tag: line 1"):
        read_text("<timeline><events></timeline>")


def test_undecodable_bytes_are_a_load_error() -> None:
    with pytest.raises(LoadError, match="is not well-formed XML"):
        read_timeline_xml(Path("latin1.timeline"), minimal("<x>\xe9</x>").encode("latin-1"))


def test_an_unknown_encoding_declaration_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="unknown encoding"):
        read_text('<?xml version="1.0" encoding="klingon"?><timeline/>')


def test_doctype_is_refused_before_parsing() -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<timeline><events/></timeline>'
    )
    with pytest.raises(LoadError, match="contains a <!DOCTYPE declaration"):
        read_text(bomb)


def test_entity_declaration_in_utf16_is_refused() -> None:
    text = '<?xml version="1.0" encoding="utf-16"?><!ENTITY x "y"><timeline/>'
    with pytest.raises(LoadError, match="declaration"):
        read_timeline_xml(Path("sneaky.timeline"), text.encode("utf-16"))


def test_non_gregorian_time_types_are_a_load_error() -> None:
    events = "<event><start>10</start><end>20</end><text>ten to twenty</text></event>"
    with pytest.raises(LoadError, match="'numtime' time type rather than Gregorian"):
        read_text(minimal(events, timetype="numtime"))


def test_the_early_plain_text_format_is_a_load_error_that_says_so() -> None:
    old = (
        "# Written by Timeline 0.2.0dev on 2009-7-4 11:2:39\n"
        "EVENT:2009-4-11 0:0:0;2009-4-11 0:0:0;Timeline 0.1.0 released\n"
    )
    with pytest.raises(LoadError, match="early plain-text format"):
        read_text(old)
