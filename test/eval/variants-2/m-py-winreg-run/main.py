import updater  # noqa: F401
print("ready")
