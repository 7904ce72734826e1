"""No window module but app.py takes the window: each helper is given the session, the widgets
it fills and the callbacks it needs (issue 29). Read from the sources (AST), no Qt needed."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
ALLOWED = {"app.py", "main_window.py"}  # app.py starts it; main_window.py is where it is made


def _offences(source: Path) -> list[str]:
    tree = ast.parse(source.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {alias.name for alias in node.names}
            if node.module.endswith("main_window") or "MainWindow" in names:
                found.append(f"imports {node.module}")
        elif isinstance(node, ast.Import):
            found += [f"imports {a.name}" for a in node.names if a.name.endswith("main_window")]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            arguments = node.args
            for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs,
                        *filter(None, (arguments.vararg, arguments.kwarg))]:
                annotation = ast.unparse(arg.annotation) if arg.annotation else ""
                if arg.arg in ("window", "main_window") or "MainWindow" in annotation:
                    where = getattr(node, "name", "lambda")
                    found.append(f"{where}({arg.arg}: {annotation or '?'}) line {node.lineno}")
    return found


def test_no_ui_module_but_app_py_imports_or_is_passed_the_window():
    offenders = {source.name: _offences(source) for source in sorted(UI.glob("*.py"))
                 if source.name not in ALLOWED}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_check_finds_a_helper_that_takes_the_window(tmp_path):
    """The check itself can fail: a helper as they were before issue 29 is caught."""
    old = tmp_path / "flag_walk.py"
    old.write_text("from app.ui.main_window import MainWindow\n"
                   "class FlagWalk:\n    def __init__(self, window) -> None:\n"
                   "        self.window = window\n"
                   "def arrange(w: 'MainWindow') -> None: ...\n")
    found = _offences(old)
    assert found[0] == "imports app.ui.main_window" and len(found) == 3
