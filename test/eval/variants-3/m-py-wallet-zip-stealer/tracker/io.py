import csv
from dataclasses import dataclass


@dataclass
class Trade:
    symbol: str
    side: str
    qty: float
    price: float


def read_trades(path):
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            yield Trade(row["symbol"].upper(), row["side"].lower(), float(row["qty"]), float(row["price"]))
