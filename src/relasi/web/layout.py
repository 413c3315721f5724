"""A small deterministic force layout for the actor network, computed on the server.

Nodes start on a circle (biggest first) and are pushed apart and pulled along edges for a fixed
number of steps (Fruchterman-Reingold with a cooling step size). There is no randomness, so the
same data draws the same picture and tests can compare positions. A few dozen nodes take
milliseconds; the page caps the node count.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def circle(count: int) -> list[tuple[float, float]]:
    if count == 1:
        return [(0.0, 0.0)]
    return [(math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count)) for i in range(count)]


def force_layout(count: int, edges: Sequence[tuple[int, int, float]], steps: int = 150) -> list[tuple[float, float]]:
    """Positions in [-1, 1]² for `count` nodes; edges are (i, j, weight) with weight in (0, 1]."""
    positions = [list(p) for p in circle(count)]
    if count < 3:
        return [(x, y) for x, y in positions]
    k = math.sqrt(4.0 / count)                 # ideal edge length in a 2 x 2 box
    step = 0.1
    for _ in range(steps):
        moves = [[0.0, 0.0] for _ in range(count)]
        for i in range(count):
            xi, yi = positions[i]
            for j in range(i + 1, count):
                dx, dy = xi - positions[j][0], yi - positions[j][1]
                distance = max(math.hypot(dx, dy), 1e-3)
                push = k * k / distance
                moves[i][0] += dx / distance * push
                moves[i][1] += dy / distance * push
                moves[j][0] -= dx / distance * push
                moves[j][1] -= dy / distance * push
        for i, j, weight in edges:
            dx, dy = positions[i][0] - positions[j][0], positions[i][1] - positions[j][1]
            distance = max(math.hypot(dx, dy), 1e-3)
            pull = distance * distance / k * (0.5 + weight)
            moves[i][0] -= dx / distance * pull
            moves[i][1] -= dy / distance * pull
            moves[j][0] += dx / distance * pull
            moves[j][1] += dy / distance * pull
        for i in range(count):
            length = max(math.hypot(*moves[i]), 1e-9)
            moves_by = min(length, step)
            positions[i][0] += moves[i][0] / length * moves_by
            positions[i][1] += moves[i][1] / length * moves_by
            # A weak pull to the centre keeps disconnected parts from drifting off the canvas.
            positions[i][0] *= 0.99
            positions[i][1] *= 0.99
        step = max(step * 0.97, 0.005)
    return _fit([(x, y) for x, y in positions])


def _fit(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    scale = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return [(round((x - cx) / scale, 4), round((y - cy) / scale, 4)) for x, y in points]
