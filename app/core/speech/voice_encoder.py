"""A voice as 256 numbers: Resemblyzer's speaker encoder (GE2E, a 3-layer LSTM over 40 mel
bands), run on the CPU in numpy.

The weights (`pretrained.pt`, 17 MB) ship inside the `resemblyzer` 0.1.4 wheel. Its own code is
not imported: it would pull librosa and webrtcvad, which the project does not otherwise need; nor
is torch: torch_file.py reads the weights (tensors only), the network is rebuilt here in numpy,
and its input is made the way Resemblyzer makes it (librosa's melspectrogram: 25 ms Hann window,
10 ms hop, power spectrum, Slaney mel scale)."""

from __future__ import annotations

import numpy as np

from app.core.model_files import VOICE_ENCODER_FILE, verify_file
from app.core.models import ModelInfo
from app.core.speech.torch_file import load_tensors

SAMPLE_RATE = 16_000
WINDOW_FRAMES = 160  # 1.6 s of 10 ms frames: the encoder's partial utterance
_N_FFT, _HOP, _N_MELS = 400, 160, 40
_TARGET_DBFS = -30.0  # Resemblyzer raises quiet audio to this before embedding
_LAYERS, _HIDDEN = 3, 256
# torch's rows input, forget, cell, output, taken as input, forget, output, cell
_GATE_ORDER = np.r_[0:2 * _HIDDEN, 3 * _HIDDEN:4 * _HIDDEN, 2 * _HIDDEN:3 * _HIDDEN]


def _hz_to_mel(hz: float | np.ndarray) -> np.ndarray:
    hz = np.asanyarray(hz, dtype=float)
    linear = hz / (200.0 / 3)
    log_part = 15.0 + np.log(np.maximum(hz, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(hz >= 1000.0, log_part, linear)


def _mel_to_hz(mel: float | np.ndarray) -> np.ndarray:
    mel = np.asanyarray(mel, dtype=float)
    return np.where(mel >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (mel - 15.0)),
                    mel * (200.0 / 3))


def mel_filters() -> np.ndarray:
    """librosa.filters.mel(sr=16000, n_fft=400, n_mels=40): Slaney scale and area norm."""
    bins = np.linspace(0, SAMPLE_RATE / 2, 1 + _N_FFT // 2)
    edges = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(SAMPLE_RATE / 2), _N_MELS + 2))
    widths = np.diff(edges)
    ramps = edges[:, None] - bins[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (edges[2:] - edges[:-2]))[:, None]
    return weights.astype(np.float32)


_FILTERS = mel_filters()
_HANN = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(_N_FFT) / _N_FFT)).astype(np.float32)


def mel_frames(samples: np.ndarray) -> np.ndarray:
    """(frames, 40) mel power, one frame per 10 ms, centred as librosa centres them."""
    padded = np.pad(samples.astype(np.float32), (_N_FFT // 2, _N_FFT // 2))
    count = max(1, 1 + (len(padded) - _N_FFT) // _HOP)
    index = np.arange(_N_FFT)[None, :] + _HOP * np.arange(count)[:, None]
    power = np.abs(np.fft.rfft(padded[index] * _HANN, axis=1)) ** 2
    mel: np.ndarray = (power @ _FILTERS.T).astype(np.float32)
    return mel


def louder(samples: np.ndarray) -> np.ndarray:
    """Raise quiet audio to -30 dBFS (never lower it), as Resemblyzer's preprocessing does."""
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if len(samples) else 0.0
    if rms <= 1e-9:
        return samples
    change = _TARGET_DBFS - 20 * np.log10(rms)
    return samples * (10 ** (change / 20)) if change > 0 else samples


class VoiceEncoder:
    """Embeds 1.6 s windows of 16 kHz mono audio; similar voices give a cosine near 1."""

    def __init__(self) -> None:
        path = verify_file(VOICE_ENCODER_FILE, "voice model")
        self.info = ModelInfo(role="voices", name="Resemblyzer voice encoder (GE2E)",
                              package="resemblyzer 0.1.4", sha256=VOICE_ENCODER_FILE.sha256)
        state = load_tensors(path)["model_state"]
        # per layer: input and recurrent weights transposed, the two biases summed, the gates'
        # rows put in the order input, forget, output, cell (torch's is input, forget, cell,
        # output), so that the three sigmoids are one contiguous slice
        self._layers = [
            tuple(np.ascontiguousarray(w[_GATE_ORDER].T) for w in (
                state[f"lstm.weight_ih_l{n}"], state[f"lstm.weight_hh_l{n}"]))
            + (np.ascontiguousarray(state[f"lstm.bias_ih_l{n}"] + state[f"lstm.bias_hh_l{n}"])
               [_GATE_ORDER],)
            for n in range(_LAYERS)
        ]
        self._linear = np.ascontiguousarray(state["linear.weight"].T), state["linear.bias"]

    def embed(self, mels: np.ndarray, starts: list[int], batch: int = 256) -> np.ndarray:
        """One unit vector per window of WINDOW_FRAMES mel frames starting at each of `starts`
        (frame indices; a window running past the end is padded with silence)."""
        if not starts:
            return np.zeros((0, _HIDDEN), dtype=np.float32)
        # frames first: each step of the recurrence then reads one contiguous block
        windows = np.zeros((WINDOW_FRAMES, len(starts), _N_MELS), dtype=np.float32)
        for row, start in enumerate(starts):
            piece = mels[start:start + WINDOW_FRAMES]
            windows[:len(piece), row] = piece
        return np.concatenate([self._forward(windows[:, first:first + batch])
                               for first in range(0, len(starts), batch)])

    def _forward(self, windows: np.ndarray) -> np.ndarray:
        """The 3-layer LSTM's last hidden state, the linear layer, ReLU, unit length."""
        sequence = windows
        for weights in self._layers:
            sequence = _lstm_layer(sequence, *weights)
        weight, bias = self._linear
        raw = np.maximum(sequence[-1] @ weight + bias, 0.0)
        unit: np.ndarray = raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)
        return unit


def _lstm_layer(inputs: np.ndarray, w_in: np.ndarray, w_hidden: np.ndarray,
                bias: np.ndarray) -> np.ndarray:
    """One LSTM layer over (frames, windows, features): the hidden state at every frame.
    The input side is one matrix product for all frames; the recurrence goes frame by frame,
    all windows at once, in buffers reused from step to step."""
    frames, count, _ = inputs.shape
    gates_in = (inputs.reshape(frames * count, -1) @ w_in + bias).reshape(frames, count, -1)
    out = np.empty((frames, count, _HIDDEN), dtype=np.float32)
    hidden = np.zeros((count, _HIDDEN), dtype=np.float32)
    cell = np.zeros_like(hidden)
    gates = np.empty((count, 4 * _HIDDEN), dtype=np.float32)
    sigmoids, candidate = gates[:, :3 * _HIDDEN], gates[:, 3 * _HIDDEN:]
    in_gate, forget, output = (sigmoids[:, k * _HIDDEN:(k + 1) * _HIDDEN] for k in range(3))
    for t in range(frames):
        np.matmul(hidden, w_hidden, out=gates)
        gates += gates_in[t]
        # sigmoid(x) = (1 + tanh(x / 2)) / 2: no overflow
        sigmoids *= 0.5
        np.tanh(sigmoids, out=sigmoids)
        sigmoids *= 0.5
        sigmoids += 0.5
        np.tanh(candidate, out=candidate)
        cell *= forget
        candidate *= in_gate
        cell += candidate
        hidden = out[t]
        np.tanh(cell, out=hidden)
        hidden *= output
    return out
