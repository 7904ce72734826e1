"""The timeline: one lane per source, each finding a coloured span; click to seek."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.findings.masking import shown_reason
from app.core.models import Finding
from app.core.review.decisions import Decision, Review
from app.core.timecode import format_time
from app.ui.style import DECISION_LABEL, LANES, category_colour

LABEL_WIDTH = 80
LANE_HEIGHT = 22
TOP = 16


class TimelineWidget(QWidget):
    """Draws findings by source and decision; emits where the user clicked."""

    seekRequested = Signal(float)  # noqa: N815
    findingClicked = Signal(str)  # noqa: N815

    def __init__(self) -> None:
        super().__init__()
        self.duration_s = 0.0
        self.findings: list[Finding] = []
        self.showing: list[Finding] = []  # still on screen where a running scan has reached
        self.review: Review | None = None
        self.position_s = 0.0
        self.selected_id: str | None = None
        self.masked = True  # tooltips show the masked reason unless the reviewer unmasks
        self.setMinimumHeight(TOP + LANE_HEIGHT * len(LANES) + 6)
        self.setMouseTracking(True)

    def set_clip(self, duration_s: float, review: Review | None) -> None:
        self.duration_s = duration_s
        self.review = review
        self.findings = []
        self.showing = []
        self.update()

    def set_showing(self, findings) -> None:
        """The flags a running scan is still following: drawn hatched, replaced each time."""
        self.showing = list(findings)
        self.update()

    def add_findings(self, findings) -> None:
        self.findings.extend(findings)
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
        lane = next(i for i, (source, _) in enumerate(LANES) if source == finding.source)
        x0, x1 = self.x_of(finding.start_s), self.x_of(finding.end_s)
        return QRectF(x0, TOP + lane * LANE_HEIGHT + 3, max(4.0, x1 - x0), LANE_HEIGHT - 6)

    def finding_at(self, x: float, y: float) -> Finding | None:
        for finding in reversed(self.findings):
            if self.span_rect(finding).adjusted(-2, -2, 2, 2).contains(x, y):
                return finding
        return None

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_colour = palette.text().color()
        for index, (_, label) in enumerate(LANES):
            y = TOP + index * LANE_HEIGHT
            if index % 2:
                painter.fillRect(QRectF(0, y, self.width(), LANE_HEIGHT), palette.alternateBase())
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
            painter.fillRect(rect, colour)
            if decision is Decision.MUST_FIX:
                painter.setPen(QPen(QColor("#ff2020"), 2))
                painter.drawRect(rect)
            if finding.id == self.selected_id:
                painter.setPen(QPen(text_colour, 2, Qt.PenStyle.DashLine))
                painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        for finding in self.showing:
            rect = self.span_rect(finding)
            colour = category_colour(finding.category)
            painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect)
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
                f"{shown_reason(finding, self.masked)}\nconfidence {finding.confidence:.2f} · "
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
