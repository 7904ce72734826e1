"""The voice encoder runs in numpy, from weights read without torch, and gives torch's numbers.

tests/data/voice_encoder_reference.npy holds what the torch version of the encoder (commit
e1cb214, `nn.LSTM` + `nn.Linear` on `torch.load`ed weights) gave once for `voiced_signal()`
windowed at REFERENCE_STARTS: four 256-number embeddings."""

from __future__ import annotations

import pickle
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

from app.core.speech.torch_file import RefusedGlobal, load_tensors
from app.core.speech.voice_encoder import SAMPLE_RATE, VoiceEncoder, louder, mel_frames

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "voice_encoder_reference.npy"
REFERENCE_STARTS = [0, 30, 60, 90]


def voiced_signal(seconds: float = 2.5) -> np.ndarray:
    """A made-up voice: 20 harmonics of a pitch gliding around 120 Hz, two formant-like peaks,
    loudness rising and falling three times a second. A formula, so it is the same everywhere."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    pitch = 120 + 30 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(pitch) / SAMPLE_RATE
    voice = np.zeros_like(t)
    for k in range(1, 21):
        hz = k * 120
        gain = np.exp(-((hz - 500) / 200) ** 2) + 0.5 * np.exp(-((hz - 1500) / 300) ** 2) + 0.05
        voice += gain * np.sin(k * phase) / k
    loudness = 0.55 + 0.45 * np.sin(2 * np.pi * 3 * t)
    return (0.2 * voice * loudness).astype(np.float32)


def test_the_numpy_encoder_gives_the_torch_encoders_embeddings_without_torch(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # any `import torch` now fails
    encoder = VoiceEncoder()
    prints = encoder.embed(mel_frames(louder(voiced_signal())), REFERENCE_STARTS)
    reference = np.load(REFERENCE)
    assert prints.shape == reference.shape == (4, 256)
    assert np.abs(prints - reference).max() < 1e-4
    assert np.allclose(np.linalg.norm(prints, axis=1), 1.0, atol=1e-5)
    # and the windows are told apart: not one constant vector
    assert np.abs(prints[0] - prints[3]).max() > 1e-3


def _legacy_file(path: Path, checkpoint: bytes, storage: np.ndarray) -> Path:
    """A file in torch's legacy format with one float storage called "k": the pickles of the
    magic number, the version and the machine's facts, `checkpoint`, the list of storage keys,
    then the storage's element count and bytes."""
    with path.open("wb") as out:
        for head in (0x1950A86A20F9469CFC6C, 1001, {"little_endian": True}):
            out.write(pickle.dumps(head, protocol=2))
        out.write(checkpoint)
        out.write(pickle.dumps(["k"], protocol=2))
        out.write(struct.pack("<q", storage.size) + storage.astype("<f4").tobytes())
    return path


# {"w": tensor} as torch 1.x pickled it: a 2x3 tensor at offset 1 of storage "k", strides
# (1, 2) (a transposed view), with an empty OrderedDict of backward hooks.
TENSOR_CHECKPOINT = (
    b"\x80\x02}X\x01\x00\x00\x00w"
    b"ctorch._utils\n_rebuild_tensor_v2\n("
    b"(X\x07\x00\x00\x00storagectorch\nFloatStorage\nX\x01\x00\x00\x00kX\x03\x00\x00\x00cpu"
    b"K\x07NtQ"  # the storage's persistent id: 7 elements, not a view
    b"K\x01K\x02K\x03\x86K\x01K\x02\x86\x89ccollections\nOrderedDict\n)RtRs."
)


class _Payload:
    """What a hostile checkpoint would hold: a call of os.system when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        import os

        return os.system, (f"touch {self.marker}",)


def test_the_weights_reader_rebuilds_tensors(tmp_path):
    storage = np.arange(7, dtype=np.float32)
    read = load_tensors(_legacy_file(tmp_path / "ok.pt", TENSOR_CHECKPOINT, storage))
    assert list(read) == ["w"]
    assert read["w"].dtype == np.float32
    np.testing.assert_array_equal(read["w"], [[1, 3, 5], [2, 4, 6]])


def test_the_weights_reader_refuses_a_pickle_naming_any_other_global(tmp_path):
    marker = tmp_path / "ran"
    hostile = pickle.dumps({"w": _Payload(marker)}, protocol=2)
    with pytest.raises(RefusedGlobal, match=r"names posix\.system, which is not part of a tensor"):
        load_tensors(_legacy_file(tmp_path / "bad.pt", hostile, np.zeros(7)))
    assert not marker.exists()
    # the same payload through the plain unpickler would have run (what the refusal prevents)
    pickle.loads(hostile)
    assert marker.exists()
