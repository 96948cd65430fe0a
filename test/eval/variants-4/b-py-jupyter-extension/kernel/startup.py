# "Python (datasets)" kernel: preload pandas/numpy and display options.
import os

import numpy as np
import pandas as pd

pd.set_option("display.max_columns", 60)
pd.set_option("display.width", 160)
np.set_printoptions(precision=4, suppress=True)

DATASETS = os.path.expanduser(os.environ.get("DATASETS_ROOT", "~/datasets"))


def load(name: str) -> pd.DataFrame:
    """load('sales.csv') -> DataFrame from the datasets root."""
    path = os.path.join(DATASETS, name)
    return pd.read_parquet(path) if name.endswith(".parquet") else pd.read_csv(path)
