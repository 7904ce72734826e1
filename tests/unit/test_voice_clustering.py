"""The voice prints' clustering (numpy average linkage) groups prints as SciPy's would."""

import numpy as np
import pytest

from app.core.speech.voices import cluster


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    pairs = set(zip(a.tolist(), b.tolist(), strict=True))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


def voices(rng: np.random.Generator, count: int, per: int, spread: float) -> np.ndarray:
    centres = rng.normal(size=(count, 256))
    return np.concatenate([c + spread * rng.normal(size=(per, 256)) for c in centres])


def test_two_voices_are_two_groups_and_one_voice_is_one():
    rng = np.random.default_rng(1)
    prints = voices(rng, 2, 12, 0.4)
    labels = cluster(prints)
    assert same_partition(labels, np.repeat([0, 1], 12))
    assert set(cluster(prints[:12]).tolist()) == {0}
    assert cluster(prints[:1]).tolist() == [0]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("split", [0.1, 0.32, 0.5, 0.9])
def test_same_groups_as_scipy(seed: int, split: float):
    hierarchy = pytest.importorskip("scipy.cluster.hierarchy")
    distance = pytest.importorskip("scipy.spatial.distance")
    rng = np.random.default_rng(seed)
    prints = voices(rng, 1 + seed % 4, 5 + seed, 0.3 + 0.25 * (seed % 3))
    prints = prints[rng.permutation(len(prints))]
    tree = hierarchy.linkage(distance.pdist(prints, metric="cosine"), method="average")
    expected = hierarchy.fcluster(tree, t=split, criterion="distance")
    assert same_partition(cluster(prints, split), expected)
