import pytest

from app.core.timecode import format_short, format_time


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
