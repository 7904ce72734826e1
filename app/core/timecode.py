"""Formatting seconds for people. Inside the engine time is always float seconds."""


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
