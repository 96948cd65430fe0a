"""Generate deterministic request-arrival traces for the tests (no network)."""
import argparse
import json
import random
from pathlib import Path


def trace(seed: int, n: int, mean_gap: float) -> list[float]:
    rng = random.Random(seed)
    t, out = 0.0, []
    for _ in range(n):
        t += rng.expovariate(1 / mean_gap)
        out.append(round(t, 6))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, (seed, n, gap) in {"steady": (1, 500, 0.1), "burst": (2, 500, 0.01)}.items():
        (out / f"{name}.json").write_text(json.dumps(trace(seed, n, gap)))


if __name__ == "__main__":
    main()
