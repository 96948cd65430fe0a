from app.plugin_loader import discover


def test_discovers_local_plugins():
    assert {"card", "wallet"} <= set(discover())
