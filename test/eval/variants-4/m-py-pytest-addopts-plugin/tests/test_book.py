from matchbook import Order, OrderBook


def test_cross():
    b = OrderBook()
    b.add(Order(id="s1", side="sell", price=101, qty=5))
    fills = b.add(Order(id="b1", side="buy", price=102, qty=3))
    assert fills == [("b1", "s1", 101, 3)]


def test_cancel():
    b = OrderBook()
    b.add(Order(id="b1", side="buy", price=99, qty=1))
    assert b.cancel("b1")
    assert not b.bids
