"""Fixtures the unit tests share: the text detector (spaCy and the word lists) is loaded once
for the session; a module that needs its own keeps its own fixture."""

import pytest

from app.core.detect import TextDetector


@pytest.fixture(scope="session")
def detector():
    return TextDetector()
