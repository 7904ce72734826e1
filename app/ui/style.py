"""Colours shared by the player, timeline and list, readable on light and dark themes."""

from PySide6.QtGui import QColor

from app.core.models import Category, Source
from app.core.review.decisions import Decision

_CATEGORY = {
    Category.NAME: "#d1495b",
    Category.DATE: "#edae49",
    Category.AGE: "#f18f01",
    Category.PHONE: "#8f2d56",
    Category.EMAIL: "#8f2d56",
    Category.ID: "#c73e1d",
    Category.LOCATION: "#00798c",
    Category.URL: "#6a4c93",
    Category.FACE: "#2e86ab",
    Category.CODE: "#3b1f2b",
    Category.WARD_CONTEXT: "#7a9e7e",
    Category.VOICE: "#5b8e23",
    Category.DETAIL: "#a58c5d",
    Category.COMBINATION: "#b5179e",
    Category.OTHER: "#888888",
}

LANES = (
    (Source.SPEECH, "Speech"),
    (Source.SCREEN, "On screen"),
    (Source.FACE, "Faces"),
    (Source.CODE, "Codes"),
    (Source.SCENE, "Ward"),
)

DECISION_LABEL = {
    Decision.OPEN: "open",
    Decision.MUST_FIX: "must fix",
    Decision.FALSE_ALARM: "false alarm",
}


def category_colour(category: Category) -> QColor:
    return QColor(_CATEGORY.get(category, "#888888"))
