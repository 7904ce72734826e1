"""The timeline: one lane per source, each finding a coloured span; click to seek.

Spans that overlap in time within a lane are drawn in sub-rows of it (lane_rows.py), the lane
as tall as its rows need, so every flag is seen and can be clicked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.findings.masking import shown_summary
from app.core.models import Finding
from app.core.review.decisions import Decision, Review
from app.core.timecode import format_time
from app.ui.lane_rows import Span, pack_rows, row_count
from app.ui.style import DECISION_LABEL, LANES, category_colour

LABEL_WIDTH = 80
LANE_HEIGHT = 22  # a lane of one row
ROW_HEIGHT = 14  # each sub-row of a lane with several, up to FULL_ROWS of them
FULL_ROWS = 6  # beyond, the rows share FULL_ROWS' height, down to MIN_ROW_HEIGHT each
MIN_ROW_HEIGHT = 6
MIN_SPAN_PX = 4  # a span is drawn at least this wide
TOP = 16


def lane_height(rows: int) -> float:
    """The height of a lane of `rows` sub-rows."""
    if rows <= 1:
        return LANE_HEIGHT
    row = ROW_HEIGHT if rows <= FULL_ROWS else max(MIN_ROW_HEIGHT,
                                                   ROW_HEIGHT * FULL_ROWS / rows)
    return 6 + rows * row


class TimelineWidget(QWidget):
    """Draws findings by source and decision; emits where the user clicked."""

    seekRequested = Signal(float)  # noqa: N815
    findingClicked = Signal(str)  # noqa: N815

    def __init__(self) -> None:
        super().__init__()
        self.duration_s = 0.0
        self.findings: list[Finding] = []
        self.live: set[str] = set()  # flags still on screen where a running scan has reached
        self.review: Review | None = None
        self.position_s = 0.0
        self.selected_id: str | None = None
        self.row_of: dict[str, int] = {}  # each span's sub-row in its lane
        self.lane_rows = [1] * len(LANES)  # how many sub-rows each lane has
        self.masked = True  # masked as the window is (tooltips say a finding's plain summary)
        self.setMinimumHeight(self.needed_height())
        self.setMouseTracking(True)

    def needed_height(self) -> int:
        return int(TOP + sum(lane_height(rows) for rows in self.lane_rows) + 6)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, self.needed_height())

    def _pack(self) -> None:
        """Put the spans in sub-rows (again: flags added, the width changed) and size the
        lanes to them."""
        span = self.width() - LABEL_WIDTH - 4  # not laid out yet (too narrow): in time only
        min_length_s = MIN_SPAN_PX * self.duration_s / span if span > 40 else 0.0
        self.row_of = {}
        for index, (source, _) in enumerate(LANES):
            rows = pack_rows((Span(f.id, f.start_s, f.end_s) for f in self.findings
                              if f.source == source), min_length_s)
            self.row_of.update(rows)
            self.lane_rows[index] = row_count(rows)
        if self.minimumHeight() != self.needed_height():
            self.setMinimumHeight(self.needed_height())
            self.updateGeometry()

    def lane_top(self, lane: int) -> float:
        return TOP + sum(lane_height(rows) for rows in self.lane_rows[:lane])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pack()

    def set_clip(self, duration_s: float, review: Review | None) -> None:
        self.duration_s = duration_s
        self.review = review
        self.findings = []
        self.live = set()
        self._pack()
        self.update()

    def set_live(self, ids: set[str]) -> None:
        """The flags a running scan is still following (on screen where it has reached): drawn
        hatched until they are complete."""
        self.live = set(ids)
        self.update()

    def grow(self, findings) -> None:
        """Flags drawn already, as they have grown since (the same id: a longer span)."""
        by_id = {f.id: f for f in findings}
        self.findings = [by_id.get(f.id, f) for f in self.findings]
        self._pack()
        self.update()

    def add_findings(self, findings) -> None:
        self.findings.extend(findings)
        self._pack()
        self.update()

    def set_position(self, seconds: float) -> None:
        self.position_s = seconds
        self.update()

    def select(self, finding_id: str | None) -> None:
        self.selected_id = finding_id
        self.update()

    def x_of(self, seconds: float) -> float:
        span = max(self.duration_s, 1e-6)
        return LABEL_WIDTH + (self.width() - LABEL_WIDTH - 4) * seconds / span

    def time_at(self, x: float) -> float:
        span = self.width() - LABEL_WIDTH - 4
        return max(0.0, min(self.duration_s, (x - LABEL_WIDTH) / max(span, 1) * self.duration_s))

    def span_rect(self, finding: Finding) -> QRectF:
        """Where `finding` is drawn: its lane's sub-row, from its start to its end."""
        lane = next(i for i, (source, _) in enumerate(LANES) if source == finding.source)
        rows = self.lane_rows[lane]
        row_height = (lane_height(rows) - 6) / rows
        gap = 2 if rows > 1 else 0
        x0, x1 = self.x_of(finding.start_s), self.x_of(finding.end_s)
        y = self.lane_top(lane) + 3 + self.row_of.get(finding.id, 0) * row_height
        return QRectF(x0, y, max(float(MIN_SPAN_PX), x1 - x0), row_height - gap)

    def finding_at(self, x: float, y: float) -> Finding | None:
        """The flag drawn at (x, y); a little beside a span still counts (beside it in time,
        not in the next sub-row)."""
        for margin in ((0, 0), (2, 1)):
            for finding in reversed(self.findings):
                rect = self.span_rect(finding).adjusted(-margin[0], -margin[1], *margin)
                if rect.contains(x, y):
                    return finding
        return None

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_colour = palette.text().color()
        for index, (_, label) in enumerate(LANES):
            y, height = self.lane_top(index), lane_height(self.lane_rows[index])
            if index % 2:
                painter.fillRect(QRectF(0, y, self.width(), height), palette.alternateBase())
            painter.setPen(text_colour)
            painter.drawText(QRectF(4, y, LABEL_WIDTH - 8, LANE_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter, label)
        if self.duration_s > 0:
            painter.setPen(text_colour)
            for tick in range(0, int(self.duration_s) + 1, max(1, int(self.duration_s // 8) or 1)):
                painter.drawText(int(self.x_of(tick)) + 2, 12, f"{tick}s")
        for finding in self.findings:
            rect = self.span_rect(finding)
            decision = self.review.get(finding.id).decision if self.review else Decision.OPEN
            colour = category_colour(finding.category)
            if decision is Decision.FALSE_ALARM:
                colour = QColor(150, 150, 150, 120)
            if finding.id in self.live:  # still growing: hatched, outlined
                painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
                painter.drawRect(rect)
            else:
                painter.fillRect(rect, colour)
            if decision is Decision.MUST_FIX:
                painter.setPen(QPen(QColor("#ff2020"), 2))
                painter.drawRect(rect)
            if finding.id == self.selected_id:
                painter.setPen(QPen(text_colour, 2, Qt.PenStyle.DashLine))
                painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        if self.duration_s > 0:
            x = self.x_of(self.position_s)
            painter.setPen(QPen(QColor("#ff3b30"), 2))
            painter.drawLine(int(x), 0, int(x), self.height())

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.duration_s <= 0 or event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position()
        finding = self.finding_at(position.x(), position.y())
        if finding is not None:
            self.findingClicked.emit(finding.id)
            self.seekRequested.emit(finding.start_s)
        elif position.x() >= LABEL_WIDTH:
            self.seekRequested.emit(self.time_at(position.x()))

    def tooltip_for(self, finding: Finding) -> str:
        decision = self.review.get(finding.id).decision if self.review else Decision.OPEN
        return (f"{finding.category.value} ({finding.source.value}), "
                f"{format_time(finding.start_s)}–{format_time(finding.end_s)}\n"
                f"{shown_summary(finding)}\nconfidence {finding.confidence:.2f} · "
                f"{DECISION_LABEL[decision]}")

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            finding = self.finding_at(event.pos().x(), event.pos().y())
            if finding is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(finding), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
