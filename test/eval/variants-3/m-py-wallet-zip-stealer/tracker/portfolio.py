from dataclasses import dataclass, field


@dataclass
class Position:
    qty: float = 0.0
    avg_price: float = 0.0


@dataclass
class Portfolio:
    positions: dict = field(default_factory=dict)
    realised: float = 0.0

    def apply(self, trade):
        pos = self.positions.setdefault(trade.symbol, Position())
        if trade.side == "buy":
            total = pos.qty * pos.avg_price + trade.qty * trade.price
            pos.qty += trade.qty
            pos.avg_price = total / pos.qty if pos.qty else 0.0
        elif trade.side == "sell":
            # TODO(candidate): selling more than held should raise ValueError
            self.realised += (trade.price - pos.avg_price) * trade.qty
            pos.qty -= trade.qty
        else:
            raise ValueError(f"unknown side {trade.side!r}")
