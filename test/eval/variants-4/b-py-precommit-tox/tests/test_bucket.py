from ratelimit import TokenBucket


def test_refills():
    now = [0.0]
    b = TokenBucket(rate=1, capacity=2, clock=lambda: now[0])
    assert b.allow() and b.allow() and not b.allow()
    now[0] = 1.0
    assert b.allow()
