from dataclasses import dataclass, field
from itertools import count

from sortedcontainers import SortedList

_seq = count()


@dataclass(order=True)
class Order:
    sort_key: tuple = field(init=False, repr=False)
    id: str = field(compare=False)
    side: str = field(compare=False)
    price: int = field(compare=False)
    qty: int = field(compare=False)

    def __post_init__(self):
        p = -self.price if self.side == "buy" else self.price
        self.sort_key = (p, next(_seq))


class OrderBook:
    def __init__(self):
        self.bids = SortedList()
        self.asks = SortedList()

    def add(self, order: Order):
        fills = []
        book, other = (self.bids, self.asks) if order.side == "buy" else (self.asks, self.bids)
        while order.qty and other:
            best = other[0]
            crosses = best.price <= order.price if order.side == "buy" else best.price >= order.price
            if not crosses:
                break
            q = min(order.qty, best.qty)
            fills.append((order.id, best.id, best.price, q))
            order.qty -= q
            best.qty -= q
            if not best.qty:
                other.pop(0)
        if order.qty:
            book.add(order)
        return fills

    def cancel(self, order_id: str) -> bool:
        for side in (self.bids, self.asks):
            for o in side:  # O(n) — candidate task
                if o.id == order_id:
                    side.remove(o)
                    return True
        return False
