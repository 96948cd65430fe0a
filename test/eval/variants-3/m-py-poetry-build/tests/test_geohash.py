from geohash_fast import encode


def test_encode_known():
    assert encode(57.64911, 10.40744, 11) == "u4pruydqqvj"
