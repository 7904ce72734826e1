"""The findings list: filterable by source, category and decision; text masked on request.

Each row says what was found in plain words (the finding's summary), and where and when else its
identifier is when it is one of an item ("also said at 0:22.0": findings/linked_items.py); the
detector's technical reason is behind "Why, in detail" in the panel below (decision_panel.py),
not in the list."""

from __future__ import annotations

import bisect
from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.findings.linked_items import also_seen
from app.core.findings.masking import shown_summary, shown_text
from app.core.models import Category, Finding, Source
from app.core.review.decisions import Decision, Review
from app.core.timecode import format_short
from app.ui.style import DECISION_LABEL, category_colour

# the summary says the kind and the source in words, so they have no columns of their own (the
# filters above the list still choose by them); it is drawn in its category's colour
COLUMNS = ("Time", "What was found", "Text", "Conf.", "Decision")
SUMMARY_COLUMN, TEXT_COLUMN = COLUMNS.index("What was found"), COLUMNS.index("Text")
TEXT_WIDTH = 120  # px; a long text (a voice's words) wraps rather than squeezing the summary
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# a row whose text is still on screen where the scan has reached: decidable now, still growing
# (its time says so in place of its end, which is not known yet)
LIVE_END = "on screen"
LIVE_TIP = ("Still on screen where the check has reached: its end time and text may still "
            "grow. You can decide it now; the decision stays with it.")
ALL = "All"
_ROOT = QModelIndex()


def _order(finding: Finding) -> tuple[float, str]:
    return finding.start_s, finding.source.value


class FindingsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.live: set[str] = set()  # rows still on screen where the running scan has reached
        self.review: Review | None = None
        self.masked = True  # masked until the reviewer unmasks (others may see the screen)

    def reset(self, review: Review | None) -> None:
        self.beginResetModel()
        self.findings = []
        self.live = set()
        self.review = review
        self.endResetModel()

    def add(self, findings) -> None:
        """New rows, each inserted at its place in time (the selection stays where it is:
        rows come while the reviewer decides); into an empty list, all at once."""
        new = sorted(findings, key=_order)
        if not self.findings and len(new) > 1:
            self.beginResetModel()
            self.findings = new
            self.endResetModel()
            return
        for finding in new:
            row = bisect.bisect_right([_order(f) for f in self.findings], _order(finding))
            self.beginInsertRows(_ROOT, row, row)
            self.findings.insert(row, finding)
            self.endInsertRows()

    def grow(self, findings) -> None:
        """Rows listed already take their finding as it has grown since (the same id: a text
        still on screen, its end, fullest reading and boxes so far)."""
        by_id = {f.id: f for f in findings}
        for row, finding in enumerate(self.findings):
            if finding.id in by_id and by_id[finding.id] != finding:
                self.findings[row] = by_id[finding.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_live(self, ids: set[str]) -> None:
        """Which rows are still on screen where the scan has reached (they may grow)."""
        changed, self.live = self.live ^ ids, set(ids)
        for row, finding in enumerate(self.findings):
            if finding.id in changed:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def decision_changed(self, finding_id: str) -> None:
        """Repaint the row (the proxy is told to re-filter by the panel)."""
        for row, finding in enumerate(self.findings):
            if finding.id == finding_id:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_masked(self, masked: bool) -> None:
        self.beginResetModel()
        self.masked = masked
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def summary(self, finding: Finding) -> str:
        """The row's plain line: the summary, and where and when else its identifier is."""
        also = also_seen(finding, {f.id: f for f in self.findings}) if finding.linked else ""
        return f"{shown_summary(finding)} · {also}" if also else shown_summary(finding)

    def decision(self, finding: Finding) -> Decision:
        return self.review.get(finding.id).decision if self.review else Decision.OPEN

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        finding = self.findings[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return finding.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and finding.id in self.live:
                return LIVE_TIP
            return self.summary(finding)
        if role == Qt.ItemDataRole.ForegroundRole and column == SUMMARY_COLUMN:
            return category_colour(finding.category)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            f"{format_short(finding.start_s)}–"
            f"{LIVE_END if finding.id in self.live else format_short(finding.end_s)}",
            self.summary(finding),
            shown_text(finding, self.masked),
            f"{finding.confidence:.2f}",
            DECISION_LABEL[self.decision(finding)],
        )[column]


class FindingsFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.source = ALL
        self.category = ALL
        self.decision = ALL

    def set_filter(self, source: str, category: str, decision: str) -> None:
        self.beginFilterChange()
        self.source, self.category, self.decision = source, category, decision
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Decisions changed: rows filtered by decision may have to come or go."""
        self.set_filter(self.source, self.category, self.decision)

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802
        model = cast(FindingsModel, self.sourceModel())
        finding = model.findings[row]
        return (
            self.source in (ALL, finding.source.value)
            and self.category in (ALL, finding.category.value)
            and self.decision in (ALL, DECISION_LABEL[model.decision(finding)])
        )


class FindingsPanel(QWidget):
    """Filters, a mask toggle and the table; tells the window which finding was chosen."""

    findingSelected = Signal(str)  # noqa: N815
    allowRequested = Signal(str)  # noqa: N815  the finding whose text should never be flagged

    def __init__(self) -> None:
        super().__init__()
        self.model = FindingsModel()
        self.proxy = FindingsFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # a row is as tall as its wrapped summary: the whole line is read, never cut off
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TEXT_COLUMN, TEXT_WIDTH)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

        self.source_box = self._combo([s.value for s in Source])
        self.category_box = self._combo([c.value for c in Category])
        self.decision_box = self._combo(list(DECISION_LABEL.values()))
        self.mask_box = QCheckBox("Mask text")
        self.mask_box.setToolTip("Hide identifying text (e.g. when others can see the screen)")
        self.mask_box.setChecked(True)
        self.mask_box.toggled.connect(self.model.set_masked)
        filters = QHBoxLayout()
        for widget in (self.source_box, self.category_box, self.decision_box, self.mask_box):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _combo(self, values: list[str]) -> QComboBox:
        box = QComboBox()
        box.addItems([ALL, *values])
        box.currentTextChanged.connect(self._refilter)
        return box

    def _refilter(self) -> None:
        self.proxy.set_filter(self.source_box.currentText(), self.category_box.currentText(),
                              self.decision_box.currentText())

    def _on_row(self, current, _previous) -> None:
        if current.isValid():
            self.findingSelected.emit(self.proxy.data(current, ID_ROLE))

    def visible_ids(self) -> list[str]:
        return [self.proxy.data(self.proxy.index(r, 0), ID_ROLE)
                for r in range(self.proxy.rowCount())]

    def select(self, finding_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), ID_ROLE) == finding_id:
                if self.table.currentIndex().row() != row:
                    self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return

    def _context_menu(self, point) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        finding_id = self.proxy.data(index, ID_ROLE)
        menu = QMenu(self)
        action = menu.addAction("Never flag this text (add to the allow list)")
        action.triggered.connect(lambda: self.allowRequested.emit(finding_id))
        menu.popup(self.table.viewport().mapToGlobal(point))
