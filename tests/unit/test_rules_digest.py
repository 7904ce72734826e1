"""The digest of the scan's code (hashing.rules_digest): a saved scan made by other rules is not
reused. It changes with any module of the scan, not with the stages above it."""

import shutil
from pathlib import Path

from app.core import hashing
from app.core.hashing import ABOVE_THE_SCAN, code_digest, rules_digest


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "core"
    shutil.copytree(Path(hashing.__file__).parent, root,
                    ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_a_rule_changed_changes_the_digest(tmp_path):
    root = _copy(tmp_path)
    before = code_digest(root, ABOVE_THE_SCAN)
    assert before == rules_digest()  # where it is installed does not matter
    rule = root / "detect" / "line_names.py"
    rule.write_text(rule.read_text() + "\n# one more line\n")
    assert code_digest(root, ABOVE_THE_SCAN) != before


def test_a_file_moved_changes_the_digest(tmp_path):
    root = _copy(tmp_path)
    before = code_digest(root, ABOVE_THE_SCAN)
    (root / "detect" / "line_names.py").rename(root / "detect" / "line_names2.py")
    assert code_digest(root, ABOVE_THE_SCAN) != before


def test_the_stages_above_the_scan_do_not_count(tmp_path):
    root = _copy(tmp_path)
    before = code_digest(root, ABOVE_THE_SCAN)
    for name in ABOVE_THE_SCAN:
        module = next((root / name).glob("*.py"))
        module.write_text(module.read_text() + "\n# changed\n")
    assert code_digest(root, ABOVE_THE_SCAN) == before
    assert code_digest(root) != code_digest(_copy(tmp_path / "again"))
