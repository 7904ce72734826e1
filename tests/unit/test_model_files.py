"""Models are checked before loading; a missing or damaged one gives one clear sentence."""

import sys

import pytest

from app.core import model_files
from app.core.errors import ModelError
from app.core.model_files import ModelFile, speech_model_dir, verify_file


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """An importable package `fake_models` holding one 'weights' file."""
    package = tmp_path / "fake_models"
    (package / "models").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    weights = package / "models" / "weights.bin"
    weights.write_bytes(b"the real weights")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield weights
    sys.modules.pop("fake_models", None)


def model_file(sha256):
    return ModelFile("fake_models", "fake-models", "models/weights.bin", sha256)


def test_intact_file_is_accepted(fake_package):
    sha = model_files.sha256_of(fake_package)
    assert verify_file(model_file(sha), "test model") == fake_package


def test_damaged_file_is_refused_naming_the_package(fake_package):
    sha = model_files.sha256_of(fake_package)
    fake_package.write_bytes(b"the real weightz")
    with pytest.raises(ModelError, match="damaged.*reinstall the package fake-models"):
        verify_file(model_file(sha), "test model")


def test_missing_file_is_refused(fake_package):
    sha = model_files.sha256_of(fake_package)
    fake_package.unlink()
    with pytest.raises(ModelError, match="missing.*reinstall the package fake-models"):
        verify_file(model_file(sha), "test model")


def test_missing_package_says_what_to_install():
    with pytest.raises(ModelError, match="install the package no-such-models"):
        verify_file(ModelFile("no_such_models_pkg", "no-such-models", "x.bin", "0" * 64), "x")


def test_unknown_speech_model_name():
    with pytest.raises(ModelError, match="no speech model called 'huge'.*tiny.en"):
        speech_model_dir("huge")


def test_user_folder_without_a_model(tmp_path):
    with pytest.raises(ModelError, match="needs model.bin, config.json"):
        speech_model_dir(str(tmp_path))


def test_user_folder_without_a_tokenizer_is_refused_before_anything_is_fetched(tmp_path):
    """faster-whisper fetches a missing tokenizer.json from a model hub: refuse the folder."""
    (tmp_path / "model.bin").write_bytes(b"weights")
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelError, match="lacks tokenizer.json"):
        speech_model_dir(str(tmp_path))
    (tmp_path / "tokenizer.json").write_text("{}")
    folder, info = speech_model_dir(str(tmp_path))
    assert folder == tmp_path and info.role == "speech"


@pytest.mark.parametrize("name", model_files.BUNDLED_SPEECH_MODELS)
def test_bundled_speech_models_are_intact(name, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # base is assembled afresh here
    folder, info = speech_model_dir(name)
    assert (folder / "model.bin").is_file() and (folder / "config.json").is_file()
    assert model_files.sha256_of(folder / "model.bin") == info.sha256


def test_bundled_ocr_models_are_intact():
    folder, info = model_files.ocr_model_dir()
    assert {p.name for p in folder.iterdir()} >= {"craft_mlt_25k.pth", "english_g2.pth"}


def test_the_spacy_model_voice_activity_model_and_word_lists_are_hash_checked(tmp_path):
    """Each file docs/privacy.md says is checked is: the installed ones match, a changed one
    fails."""
    from app.core.model_files import (
        SILERO_VAD_FILE,
        SPACY_PACKAGE,
        SPACY_TREE_SHA256,
        WORD_LIST_SHA256,
        tree_sha256,
        verify_bytes,
        verify_tree,
    )

    assert verify_tree(SPACY_PACKAGE, SPACY_TREE_SHA256, "x").is_dir()
    assert verify_file(SILERO_VAD_FILE, "x").is_file()
    with pytest.raises(ModelError, match="damaged"):
        verify_tree(SPACY_PACKAGE, "0" * 64, "language model")
    with pytest.raises(ModelError, match="damaged"):
        verify_bytes(b"not the list", WORD_LIST_SHA256["web2"], "English word list", "x")
    (tmp_path / "a.bin").write_bytes(b"1")
    before = tree_sha256(tmp_path)
    (tmp_path / "a.bin").write_bytes(b"2")
    assert tree_sha256(tmp_path) != before
