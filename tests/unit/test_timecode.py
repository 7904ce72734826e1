import pytest

from app.core.timecode import format_short, format_time, joined


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        pytest.param(0.0, "00:00:00.0", id="zero"),
        pytest.param(1.04, "00:00:01.0", id="rounds-down"),
        pytest.param(83.46, "00:01:23.5", id="minutes"),
        pytest.param(3723.0, "01:02:03.0", id="hours"),
        pytest.param(59.96, "00:01:00.0", id="rounds-up-into-minute"),
        pytest.param(-2.0, "00:00:00.0", id="negative-clamped"),
    ],
)
def test_format_time(seconds, text):
    assert format_time(seconds) == text


@pytest.mark.parametrize("seconds, text", [(0, "0:00.0"), (1.06, "0:01.1"), (83.44, "1:23.4"),
                                           (3599.96, "1:00:00.0"), (4000, "1:06:40.0")])
def test_format_short(seconds, text):
    assert format_short(seconds) == text


def test_spans_are_joined_where_they_overlap_or_lie_within_the_gap():
    spans = [(5.0, 6.0), (0.0, 1.0), (0.5, 2.0), (2.5, 3.0)]
    assert joined(spans) == [(0.0, 2.0), (2.5, 3.0), (5.0, 6.0)]
    assert joined(spans, 0.5) == [(0.0, 3.0), (5.0, 6.0)]
    assert joined([(0.3, 0.3), (1.3, 1.3), (2.4, 2.4)], 1.0) == [(0.3, 1.3), (2.4, 2.4)]
    assert joined([]) == []
