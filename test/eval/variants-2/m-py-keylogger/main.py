import tracker  # noqa: F401
