"""Formatting seconds for people, and joining stretches of time. Inside the engine time is always
float seconds."""


def format_time(seconds: float) -> str:
    """00:01:23.4 style, tenths of a second."""
    seconds = max(0.0, seconds)
    tenths = int(round(seconds * 10))
    hours, rest = divmod(tenths, 36000)
    minutes, rest = divmod(rest, 600)
    secs, tenth = divmod(rest, 10)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{tenth}"


def format_short(seconds: float) -> str:
    """1:23.4 style (h:mm:ss.t from an hour on): a short clip's times, where the list is narrow."""
    full = format_time(seconds)
    hours, rest = full.split(":", 1)
    if hours != "00":
        return f"{int(hours)}:{rest}"
    minutes, secs = rest.split(":")
    return f"{int(minutes)}:{secs}"


def joined(spans: list[tuple[float, float]], gap_s: float = 0.0) -> list[tuple[float, float]]:
    """(start, end) spans, sorted and joined where one starts no more than `gap_s` after the
    end of the one before (overlapping or meeting when 0)."""
    out: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + gap_s:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out
