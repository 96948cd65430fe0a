"""featurestore-lite: register feature views, materialise them to parquet, serve point-in-time joins."""
from .compat import ext  # noqa: F401
from .store import FeatureStore, FeatureView

__all__ = ["FeatureStore", "FeatureView"]
__version__ = "0.6.1"
