"""Portfolio tracker — pre-employment coding test.

Run:  python main.py data/trades.csv
"""
import sys

from tracker import env_check  # noqa: F401  (verifies the runtime before anything else)
from tracker.portfolio import Portfolio
from tracker.io import read_trades


def main(argv):
    path = argv[1] if len(argv) > 1 else "data/trades.csv"
    pf = Portfolio()
    for trade in read_trades(path):
        pf.apply(trade)
    for symbol, pos in sorted(pf.positions.items()):
        print(f"{symbol:6} qty={pos.qty:>10.4f} avg={pos.avg_price:>12.2f}")
    print(f"realised PnL: {pf.realised:.2f}")


if __name__ == "__main__":
    main(sys.argv)
