"""A voice as 256 numbers: Resemblyzer's speaker encoder (GE2E, a 3-layer LSTM over 40 mel
bands), run on the CPU with torch.

The weights (`pretrained.pt`, 17 MB) ship inside the `resemblyzer` 0.1.4 wheel. Its own code is
not imported: it would pull librosa and webrtcvad, which the project does not otherwise need.
The network is rebuilt here and its input made the way Resemblyzer makes it (librosa's
melspectrogram: 25 ms Hann window, 10 ms hop, power spectrum, Slaney mel scale)."""

from __future__ import annotations

import numpy as np

from app.core.model_files import VOICE_ENCODER_FILE, verify_file
from app.core.models import ModelInfo

SAMPLE_RATE = 16_000
WINDOW_FRAMES = 160  # 1.6 s of 10 ms frames: the encoder's partial utterance
_N_FFT, _HOP, _N_MELS = 400, 160, 40
_TARGET_DBFS = -30.0  # Resemblyzer raises quiet audio to this before embedding


def _hz_to_mel(hz):
    hz = np.asanyarray(hz, dtype=float)
    linear = hz / (200.0 / 3)
    log_part = 15.0 + np.log(np.maximum(hz, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(hz >= 1000.0, log_part, linear)


def _mel_to_hz(mel):
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
    return (power @ _FILTERS.T).astype(np.float32)


def louder(samples: np.ndarray) -> np.ndarray:
    """Raise quiet audio to -30 dBFS (never lower it), as Resemblyzer's preprocessing does."""
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if len(samples) else 0.0
    if rms <= 1e-9:
        return samples
    change = _TARGET_DBFS - 20 * np.log10(rms)
    return samples * (10 ** (change / 20)) if change > 0 else samples


class VoiceEncoder:
    """Embeds 1.6 s windows of 16 kHz mono audio; similar voices give a cosine near 1."""

    def __init__(self, threads: int | None = None) -> None:
        import torch
        from torch import nn

        path = verify_file(VOICE_ENCODER_FILE, "voice model")
        self.info = ModelInfo(role="voices", name="Resemblyzer voice encoder (GE2E)",
                              package="resemblyzer 0.1.4", sha256=VOICE_ENCODER_FILE.sha256)

        class _Net(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.lstm = nn.LSTM(_N_MELS, 256, 3, batch_first=True)
                self.linear = nn.Linear(256, 256)

            def forward(self, mels):
                _, (hidden, _) = self.lstm(mels)
                raw = torch.relu(self.linear(hidden[-1]))
                return raw / torch.norm(raw, dim=1, keepdim=True).clamp_min(1e-9)

        self._torch = torch
        self._threads = threads
        self._net = _Net()
        state = torch.load(path, map_location="cpu", weights_only=True)["model_state"]
        self._net.load_state_dict({k: v for k, v in state.items()
                                   if not k.startswith("similarity_")})
        self._net.eval()

    def embed(self, mels: np.ndarray, starts: list[int], batch: int = 64) -> np.ndarray:
        """One unit vector per window of WINDOW_FRAMES mel frames starting at each of `starts`
        (frame indices; a window running past the end is padded with silence)."""
        torch = self._torch
        if not starts:
            return np.zeros((0, 256), dtype=np.float32)
        windows = np.zeros((len(starts), WINDOW_FRAMES, _N_MELS), dtype=np.float32)
        for row, start in enumerate(starts):
            piece = mels[start:start + WINDOW_FRAMES]
            windows[row, :len(piece)] = piece
        out = []
        # one thread: this runs in the speech thread while the picture stage has the cores
        threads = torch.get_num_threads()
        torch.set_num_threads(self._threads or 1)
        try:
            with torch.inference_mode():
                for first in range(0, len(starts), batch):
                    out.append(self._net(torch.from_numpy(windows[first:first + batch])).numpy())
        finally:
            torch.set_num_threads(threads)
        return np.concatenate(out)
