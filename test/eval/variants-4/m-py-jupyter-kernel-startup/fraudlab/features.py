import pandas as pd


def add_velocity_features(df: pd.DataFrame) -> pd.DataFrame:
    """Number of transactions per card in the previous hour."""
    df = df.sort_values(["card_id", "ts"]).copy()
    df["ts"] = pd.to_datetime(df["ts"])
    df["tx_last_hour"] = (
        df.set_index("ts").groupby("card_id")["amount"].rolling("1h").count().reset_index(level=0, drop=True).values
    )
    return df
