import pandas as pd

from featurestore import FeatureStore, FeatureView


def test_materialise(tmp_path):
    fs = FeatureStore(tmp_path)
    fs.register(FeatureView("clicks", "user_id", "ts", lambda df: df.groupby("user_id", as_index=False).agg(n=("ts", "count"))))
    src = pd.DataFrame({"user_id": [1, 1, 2], "ts": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-02"])})
    out = fs.materialise("clicks", src)
    assert out.exists()
