from .cells import bucket

__all__ = ["bucket"]
