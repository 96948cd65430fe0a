from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .compat import ext


@dataclass
class FeatureView:
    name: str
    entity: str
    timestamp: str
    compute: Callable[[pd.DataFrame], pd.DataFrame]
    ttl_days: int = 30


@dataclass
class FeatureStore:
    root: Path
    views: dict = field(default_factory=dict)

    def register(self, view: FeatureView):
        self.views[view.name] = view

    def materialise(self, name: str, source: pd.DataFrame) -> Path:
        view = self.views[name]
        df = view.compute(source)
        df["_bucket"] = df[view.entity].map(lambda v: ext.stable_hash(v) % 16)
        out = Path(self.root) / f"{name}.parquet"
        out.parent.mkdir(parents=True, exist_ok=True)
        df.to_parquet(out, index=False)
        return out

    def get_historical(self, name: str, entities: pd.DataFrame) -> pd.DataFrame:
        # TODO(candidate): point-in-time join — for each (entity, ts) take the latest feature row
        # with timestamp <= ts and within ttl_days.
        raise NotImplementedError
