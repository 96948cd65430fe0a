from geoshard import bucket


def test_same_point_same_cell():
    assert bucket(52.37, 4.89) == bucket(52.37, 4.89)
