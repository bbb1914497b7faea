"""The timeline as a picture: PNG (any size and scale), SVG and PDF (vector: text stays text).

What is drawn is :mod:`viewer.timeline.picture_layout`'s; here it goes onto each format's device,
laid out in the timeline's pixels and scaled to the picture's (so text grows with the picture).
The picture is drawn in memory, then written whole through ``viewer.atomic_file`` (a temporary
file, then a rename), every write checked.
"""

from __future__ import annotations

import errno
import itertools
import re
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
)
from PySide6.QtSvg import QSvgGenerator

from viewer.atomic_file import atomic_output
from viewer.model.event_table import EventTable
from viewer.timeline.picture_layout import compose
from viewer.timeline.picture_request import (
    ImageRequest,
    NothingToDrawError,
    check_something_to_draw,
    drawn_events,
    shown_span,
)

__all__ = ["IMAGE_FORMATS", "ImageRequest", "NothingToDrawError", "export_image", "image_format"]
LAYOUT_DPI = 96  # the timeline's pixels per inch, as on a screen

IMAGE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def image_format(path: str | Path) -> str | None:
    return IMAGE_FORMATS.get(Path(path).suffix.lower())


def export_image(
    events: EventTable,
    shown: np.ndarray | None,
    request: ImageRequest,
    path: str | Path,
    fmt: str | None = None,
) -> None:
    """Draw ``events`` (the ``shown`` ones) into an image file at ``path`` (in ``fmt``, or the
    format its extension names). The picture is drawn in memory and then written by Python, so
    every write is checked (a full disk is an ``OSError``, never a cut-off file) and any file
    name works (Qt cannot open names that are not valid UTF-8). Raises
    :class:`NothingToDrawError` when no shown event is in the range."""
    path = Path(path)
    fmt = fmt or image_format(path)
    if fmt not in IMAGE_FORMATS.values():
        raise ValueError(f"cannot tell the picture format of {path.name}; use .png, .svg or .pdf")
    shown = drawn_events(events, shown, request)
    check_something_to_draw(events, shown, request.time_range)
    data = _draw(fmt, events, shown, request)
    with atomic_output(path, "wb") as stream:
        stream.write(data)


def _draw(fmt: str, events: EventTable, shown: np.ndarray | None, request: ImageRequest) -> bytes:
    """The picture file's bytes; an ``OSError`` when Qt could not make them."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    size = QSize(round(request.width), round(request.height))
    layout_size = request.layout_size
    if fmt == "png":
        image = QImage(
            round(request.width * request.scale),
            round(request.height * request.scale),
            QImage.Format.Format_ARGB32,
        )
        if image.isNull():
            raise OSError(errno.ENOMEM, f"not enough memory for a {_pixels(request)} pixel picture")
        # Laid out in the timeline's pixels, drawn text_scale × scale of the image's each.
        image.setDevicePixelRatio(request.text_scale * request.scale)
        image.fill(QColor(request.look.background))
        with _painting(image, fmt) as painter:
            compose(painter, events, shown, request, layout_size, request.time_range)
        if not image.save(buffer, "PNG"):
            raise OSError(errno.EIO, "the PNG picture could not be encoded")
    elif fmt == "svg":
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        # The axes replay a cached QPicture, which scales by the device's dpi over the dpi it was
        # recorded at (96); at QSvgGenerator's default of 72 the axes came out at 0.75.
        generator.setResolution(QPicture().logicalDpiX())
        generator.setSize(size)  # the picture's pixels, showing the layout's: text_scale each
        generator.setViewBox(QRectF(0, 0, *layout_size))
        generator.setTitle(request.title or "Timeline")
        with _painting(generator, fmt) as painter:
            compose(painter, events, shown, request, layout_size, request.time_range)
    else:
        _draw_pdf(events, shown, request, buffer)
    data = bytes(buffer.data().data())
    if fmt == "svg":
        data = _size_in_pixels(data, size)
    ending = {"png": b"IEND\xaeB`\x82", "svg": b"</svg>\n", "pdf": b"%%EOF\n"}[fmt]
    if not data.endswith(ending):  # Qt reports little; a picture must at least be whole
        raise OSError(errno.EIO, f"the {fmt.upper()} picture was not drawn completely")
    return data


def _size_in_pixels(svg: bytes, size: QSize) -> bytes:
    """Qt writes the SVG's size in millimetres, which other renderers round to a pixel more or
    less; a picture for the web is sized in pixels."""
    head, found, rest = svg.partition(b"viewBox=")
    if not found:
        return svg
    head = re.sub(
        rb'width="[^"]*" height="[^"]*"',
        f'width="{size.width()}" height="{size.height()}"'.encode(),
        head,
        count=1,
    )
    return head + found + rest


def _pixels(request: ImageRequest) -> str:
    return f"{round(request.width * request.scale)}×{round(request.height * request.scale)}"


def _draw_pdf(
    events: EventTable, shown: np.ndarray | None, request: ImageRequest, device: QBuffer
) -> None:
    """Drawn at 96 dpi, one device pixel to one of the layout's: the lanes' marks and titles are
    drawn in device pixels, so any other scale would leave them behind. Without a named page
    the page is the layout's size; on a named page the layout is scaled to fit it."""
    writer = QPdfWriter(device)
    writer.setTitle(request.title or "Timeline")
    writer.setResolution(LAYOUT_DPI)
    width, height = request.layout_size
    orientation = (
        QPageLayout.Orientation.Landscape if request.landscape else QPageLayout.Orientation.Portrait
    )
    if request.page:
        page = QPageSize(
            QPageSize.PageSizeId.__members__.get(request.page, QPageSize.PageSizeId.A4)
        )
    else:
        page = QPageSize(
            QSizeF(width * 72 / LAYOUT_DPI, height * 72 / LAYOUT_DPI),
            QPageSize.Unit.Point,
            name="Fit",
            matchPolicy=QPageSize.SizeMatchPolicy.ExactMatch,
        )
        orientation = QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0)))
    with _painting(writer, "pdf") as painter:
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        factor = min(area.width() / width, area.height() / height)
        if abs(factor - 1) < 0.002:  # a page of the layout's size, to a rounding
            factor = 1.0
        else:  # the layout fills the page, keeping its proportions
            width, height = area.width() / factor, area.height() / factor
        for number, time_range in enumerate(_page_ranges(events, shown, request)):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(factor, factor)
            compose(painter, events, shown, request, (width, height), time_range, factor)
            painter.restore()


def _page_ranges(
    events: EventTable, shown: np.ndarray | None, request: ImageRequest
) -> list[tuple[float, float] | None]:
    """The range each page shows: the request's, or its pieces when it is pages wide."""
    if request.pages_wide <= 1:
        return [request.time_range]
    whole = request.time_range or shown_span(events, shown)
    if whole is None:
        return [None]
    start, end = whole
    if end <= start:
        end = start + 86_400.0
    cuts = np.linspace(start, end, request.pages_wide + 1).tolist()
    return list(itertools.pairwise(cuts))


class _painting:
    """A QPainter on ``device`` whose failures are errors: it must begin, and ``end()`` (which
    finishes an SVG or PDF) must succeed."""

    def __init__(self, device: object, fmt: str) -> None:
        self.painter = QPainter(device)  # type: ignore[call-overload]
        self.fmt = fmt
        if not self.painter.isActive():
            raise OSError(errno.EIO, f"Qt could not draw the {fmt.upper()} picture")

    def __enter__(self) -> QPainter:
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        return self.painter

    def __exit__(self, kind: object, *_: object) -> None:
        if not self.painter.end() and kind is None:
            raise OSError(errno.EIO, f"Qt could not finish the {self.fmt.upper()} picture")
