"""The timeline as a picture: PNG (any size and scale), SVG and PDF (vector: text stays text).

The picture is what a reader needs: a title, the lane legend, the lanes with the time axis, and
optionally a caption. It is drawn by the same timeline widget, offscreen, at the picture's size,
so what is exported is what the app shows. The picture is drawn in memory, then written whole
through ``viewer.atomic_file`` (a temporary file, then a rename), every write checked.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from viewer.atomic_file import atomic_output
from viewer.model.date_wording import ENGLISH, DateWording
from viewer.model.event_table import EventTable
from viewer.timeline.look import LIGHT, Look
from viewer.timeline.palette import lane_colours
from viewer.timeline.timeline_widget import TimelineWidget

IMAGE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MARGIN = 24


@dataclass
class ImageRequest:
    width: int = 1920
    height: int = 1080
    scale: float = 1.0  # PNG only: 2.0 doubles the pixels, same layout
    time_range: tuple[float, float] | None = None  # absolute seconds; None shows everything
    title: str = ""
    caption: str = ""
    look: Look = LIGHT
    page: str | None = None  # PDF: "A4", "Letter"...; None fits the page to the picture
    landscape: bool = True
    highlighted: np.ndarray | None = None  # search matches, outlined as in the app
    wording: DateWording = ENGLISH  # how the time axis writes dates, as in the app


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
    name works (Qt cannot open names that are not valid UTF-8)."""
    path = Path(path)
    fmt = fmt or image_format(path)
    if fmt not in IMAGE_FORMATS.values():
        raise ValueError(f"cannot tell the picture format of {path.name}; use .png, .svg or .pdf")
    data = _draw(fmt, events, shown, request)
    with atomic_output(path, "wb") as stream:
        stream.write(data)


def _draw(fmt: str, events: EventTable, shown: np.ndarray | None, request: ImageRequest) -> bytes:
    """The picture file's bytes; an ``OSError`` when Qt could not make them."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    size = QSize(request.width, request.height)
    if fmt == "png":
        image = QImage(
            round(size.width() * request.scale),
            round(size.height() * request.scale),
            QImage.Format.Format_ARGB32,
        )
        if image.isNull():
            raise OSError(errno.ENOMEM, f"not enough memory for a {_pixels(request)} pixel picture")
        image.setDevicePixelRatio(request.scale)
        image.fill(QColor(request.look.background))
        with _painting(image, fmt) as painter:
            _compose(painter, events, shown, request)
        if not image.save(buffer, "PNG"):
            raise OSError(errno.EIO, "the PNG picture could not be encoded")
    elif fmt == "svg":
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        # The axes replay a cached QPicture, which scales by the device's dpi over the dpi it was
        # recorded at (96); at QSvgGenerator's default of 72 the axes came out at 0.75. 96 also
        # makes the SVG's width in mm come out at the picture's pixel width in other renderers.
        generator.setResolution(QPicture().logicalDpiX())
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(request.title or "Timeline")
        with _painting(generator, fmt) as painter:
            painter.fillRect(
                QRect(0, 0, size.width(), size.height()), QColor(request.look.background)
            )
            _compose(painter, events, shown, request)
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
    writer = QPdfWriter(device)
    writer.setTitle(request.title or "Timeline")
    writer.setResolution(96)
    orientation = (
        QPageLayout.Orientation.Landscape if request.landscape else QPageLayout.Orientation.Portrait
    )
    if request.page:
        page = QPageSize(
            QPageSize.PageSizeId.__members__.get(request.page, QPageSize.PageSizeId.A4)
        )
    else:  # fit: a page the picture's size (96 dpi points)
        page = QPageSize(
            QSizeF(request.width * 72 / 96, request.height * 72 / 96),
            QPageSize.Unit.Point,
            name="Fit",
            matchPolicy=QPageSize.SizeMatchPolicy.ExactMatch,
        )
        orientation = QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0)))
    with _painting(writer, "pdf") as painter:
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        factor = min(area.width() / request.width, area.height() / request.height)
        painter.scale(factor, factor)
        painter.fillRect(
            QRect(0, 0, request.width, request.height), QColor(request.look.background)
        )
        _compose(painter, events, shown, request)


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


def _compose(
    painter: QPainter, events: EventTable, shown: np.ndarray | None, request: ImageRequest
) -> None:
    look = request.look
    top = MARGIN
    if request.title:
        top = _draw_title(painter, request.title, look.text, request.width, top)
    top = _draw_legend(painter, events, shown, look.text, request.width, top)
    caption_height = 0
    if request.caption:
        caption_height = _caption_height(request.caption, request.width)
    timeline_height = max(request.height - top - caption_height - MARGIN, 120)
    widget = _timeline(events, shown, request, QSize(request.width - 2 * MARGIN, timeline_height))
    painter.save()
    target = QRectF(MARGIN, top, request.width - 2 * MARGIN, timeline_height)
    # The plot is a QGraphicsView: render() replays the scene's drawing, so SVG and PDF get
    # vector shapes and text rather than a screenshot.
    widget.plot.render(painter, target, widget.plot.viewport().rect())
    painter.restore()
    widget.deleteLater()
    if request.caption:
        _draw_caption(
            painter,
            request.caption,
            look.text,
            request.width,
            request.height - MARGIN - caption_height,
        )


def _timeline(
    events: EventTable, shown: np.ndarray | None, request: ImageRequest, size: QSize
) -> TimelineWidget:
    widget = TimelineWidget(wording=request.wording)
    widget.overview.hide()
    widget.span_label.hide()
    widget.now_line.hide()
    widget.apply_look(request.look)
    # Laid out for real (offscreen, never on a screen) so the plot takes exactly the picture's size.
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(size)
    widget.show()
    QApplication.processEvents()
    widget.set_events(events, shown)
    if request.highlighted is not None:
        widget.events_item.set_highlighted(request.highlighted)
    if request.time_range is not None:
        widget.set_time_range(*request.time_range)
    QApplication.processEvents()
    return widget


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _draw_title(painter: QPainter, title: str, colour: str, width: int, top: int) -> int:
    font = _font(18, bold=True)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    metrics = QFontMetricsF(font)
    rect = QRectF(MARGIN, top, width - 2 * MARGIN, metrics.height() * 2.2)
    bounds = painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), title)
    painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), title)
    return int(top + bounds.height() + 10)


def _draw_legend(
    painter: QPainter,
    events: EventTable,
    shown: np.ndarray | None,
    colour: str,
    width: int,
    top: int,
) -> int:
    names = (events if shown is None else events.subset(shown)).lanes
    if not names or names == [""]:
        return top
    font = _font(10)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    x, y, line = float(MARGIN), float(top), metrics.height() + 8
    for name, swatch in zip(names, lane_colours(names), strict=True):
        text = name or QCoreApplication.translate("ImageExport", "(no lane)")
        item = 18 + metrics.horizontalAdvance(text) + 22
        if x + item > width - MARGIN and x > MARGIN:
            x, y = float(MARGIN), y + line
        painter.fillRect(QRectF(x, y + (metrics.height() - 12) / 2, 12, 12), QColor(swatch))
        painter.setPen(QColor(colour))
        painter.drawText(
            QRectF(x + 18, y, item, metrics.height()), int(Qt.AlignmentFlag.AlignVCenter), text
        )
        x += item
    return int(y + line + 4)


def _caption_height(caption: str, width: int) -> int:
    metrics = QFontMetricsF(_font(10))
    bounds = metrics.boundingRect(
        QRectF(0, 0, width - 2 * MARGIN, 10_000), int(Qt.TextFlag.TextWordWrap), caption
    )
    return int(min(bounds.height(), metrics.height() * 6) + 12)


def _draw_caption(painter: QPainter, caption: str, colour: str, width: int, top: int) -> None:
    painter.setFont(_font(10))
    painter.setPen(QColor(colour))
    rect = QRectF(MARGIN, top + 8, width - 2 * MARGIN, _caption_height(caption, width))
    painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), caption)
