"""Write your solutions here. Each function has a docstring describing the task."""


def merge_intervals(intervals):
    """Merge overlapping [start, end] intervals and return them sorted."""
    raise NotImplementedError


def top_k_frequent(words, k):
    """Return the k most frequent words, ties broken alphabetically."""
    raise NotImplementedError


def lru_cache_ops(capacity, ops):
    """Simulate an LRU cache; ops are ("get", k) or ("put", k, v). Return the list of get results."""
    raise NotImplementedError
