"""A small logistic-regression classifier over sentence embeddings, trained with numpy.

Softmax (multinomial) regression with L2 regularisation, fitted by full-batch Adam. Inputs are
L2-normalised embeddings, so a plain linear model on them is a well-conditioned problem.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


@dataclass
class SoftmaxRegression:
    weights: NDArray[np.float32]
    bias: NDArray[np.float32]

    @classmethod
    def fit(
        cls,
        features: NDArray[np.float32],
        labels: NDArray[np.int64],
        n_classes: int,
        *,
        sample_weight: NDArray[np.float32] | None = None,
        l2: float = 1e-3,
        epochs: int = 400,
        learning_rate: float = 0.05,
        seed: int = 0,
    ) -> SoftmaxRegression:
        """Minimise mean weighted cross-entropy + ``l2 * ||W||^2`` with Adam."""
        rng = np.random.default_rng(seed)
        n, d = features.shape
        w = rng.normal(0, 0.01, (d, n_classes)).astype(np.float64)
        b = np.zeros(n_classes)
        targets = np.eye(n_classes)[labels]
        weight = np.ones(n) if sample_weight is None else sample_weight.astype(np.float64)
        weight = weight / weight.sum()
        x = features.astype(np.float64)
        moments = [np.zeros_like(w), np.zeros_like(b)]
        velocities = [np.zeros_like(w), np.zeros_like(b)]
        beta1, beta2, eps = 0.9, 0.999, 1e-8
        for step in range(1, epochs + 1):
            probs = _softmax(x @ w + b)
            error = (probs - targets) * weight[:, None]
            grads = [x.T @ error + 2 * l2 * w, error.sum(axis=0)]
            for i, (param, grad) in enumerate(zip((w, b), grads, strict=True)):
                moments[i] = beta1 * moments[i] + (1 - beta1) * grad
                velocities[i] = beta2 * velocities[i] + (1 - beta2) * grad**2
                m_hat = moments[i] / (1 - beta1**step)
                v_hat = velocities[i] / (1 - beta2**step)
                param -= learning_rate * m_hat / (np.sqrt(v_hat) + eps)
        return cls(w.astype(np.float32), b.astype(np.float32))

    def probabilities(self, features: NDArray[np.float32]) -> NDArray[np.float32]:
        return _softmax(features @ self.weights + self.bias).astype(np.float32)


def _softmax(logits: NDArray[np.floating]) -> NDArray[np.float64]:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
    return result
