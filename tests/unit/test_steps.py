"""Long work driven to the end, or re-told as another's progress (app.core.steps)."""

from app.core.steps import retold, run


def _work(closed: list[str]):
    try:
        yield 0.25
        yield 0.75
        return "made"
    finally:
        closed.append("closed")


def test_run_tells_each_step_and_returns_the_result():
    seen: list[float] = []
    assert run(_work([]), seen.append) == "made"
    assert seen == [0.25, 0.75]


def test_retold_yields_the_callers_steps_returns_the_result_and_closing_it_closes_the_work():
    closed: list[str] = []

    def outer():
        value = yield from retold(_work(closed), lambda f: f"{f:.0%}")
        return value.upper()

    told: list[str] = []
    assert run(outer(), told.append) == "MADE"
    assert told == ["25%", "75%"] and closed == ["closed"]
    closed.clear()
    cancelled = outer()
    assert next(cancelled) == "25%"
    cancelled.close()  # a cancel after the first step
    assert closed == ["closed"]
