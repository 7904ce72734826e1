"""app/core must never import Qt: the engine runs headless, from the CLI and from scripts."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "app" / "core"
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy", "superqt")


def test_core_sources_do_not_import_qt():
    offenders = []
    for source in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{source.name}: {n}" for n in names if n.split(".")[0] in QT]
    assert offenders == []


def test_importing_the_engine_loads_no_qt():
    code = (
        "import sys, app.core.pipeline, app.cli\n"
        f"print([m for m in sys.modules if m.split('.')[0] in {QT!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_stages_import_only_downwards():
    """import-linter's contracts in pyproject.toml: redact > review > pipeline > speech |
    picture > findings > detect > media > the shared vocabulary, and nothing in app.core imports
    the window or the command line."""
    root = CORE.parents[1]
    linter = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(linter), "--config", str(root / "pyproject.toml")], cwd=root,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "2 kept, 0 broken" in out.stdout


def test_no_function_a_reader_must_scroll():
    """No function or method in app/ is longer than 60 lines (docstring included)."""
    import ast

    long = []
    for source in CORE.parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    long.append(f"{source.relative_to(CORE.parent)}:{node.name} {length}")
    assert long == []
