"""The questions no detector settles (review.CHECKLIST): one answer box each, told (`answered`)
as it is chosen, and shown again when a clip's review is loaded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel

from app.core.findings.masking import shown_reason
from app.core.models import AnalysisResult, Category
from app.core.review.decisions import ANSWERS, CHECKLIST, Review

NOT_ANSWERED = "not answered"


class ChecklistBox(QGroupBox):
    answered = Signal(str, object)  # the question's key, "yes" / "no" (None: withdrawn)

    def __init__(self) -> None:
        super().__init__("Before posting, answer (recorded in the PDF)")
        self.review: Review | None = None
        self._loading = False
        form = QFormLayout(self)
        self.boxes: dict[str, QComboBox] = {}
        for key, question, _ in CHECKLIST:
            combo = QComboBox()
            combo.addItems([NOT_ANSWERED, *ANSWERS])
            combo.currentTextChanged.connect(lambda text, k=key: self._answer(k, text))
            label = QLabel(question)
            label.setWordWrap(True)
            form.addRow(label, combo)
            self.boxes[key] = combo
            if key == "combination":
                # what the scan found that bears on the question, under it
                self.combination = QLabel()
                self.combination.setWordWrap(True)
                self.combination.setStyleSheet("QLabel{color:#6b1a5e;font-size:11px}")
                self.combination.hide()
                form.addRow(self.combination)
        self.setEnabled(False)

    def show_combination(self, result: AnalysisResult | None, masked: bool) -> None:
        """Beside the combination question: the scan's `combination` finding, masked as the
        window is, or that it found none (nothing before a scan has finished)."""
        if result is None:
            self.combination.hide()
            return
        found = next((f for f in result.findings if f.category is Category.COMBINATION), None)
        self.combination.setText(f"The scan found: {shown_reason(found, masked)}" if found
                                 else "The scan found no combination of details.")
        self.combination.show()

    def show_review(self, review: Review | None) -> None:
        """Show `review`'s answers (None: no clip yet, nothing to answer)."""
        self.review = review
        self._loading = True
        try:
            for key, combo in self.boxes.items():
                answer = review.answers.get(key) if review else None
                combo.setCurrentText(answer or NOT_ANSWERED)
        finally:
            self._loading = False
        self.setEnabled(review is not None)

    def _answer(self, key: str, text: str) -> None:
        if self.review is None or self._loading:
            return
        self.answered.emit(key, text if text in ANSWERS else None)
