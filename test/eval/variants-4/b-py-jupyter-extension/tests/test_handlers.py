import json

import pytest

pytest_plugins = ("pytest_jupyter.jupyter_server",)


@pytest.fixture
def jp_server_config(tmp_path):
    (tmp_path / "a.csv").write_text("x,y\n1,2\n")
    return {"ServerApp": {"jpserver_extensions": {"jupyter_datasets": True}}, "DatasetsExtension": {"root": str(tmp_path)}}


async def test_list(jp_fetch):
    resp = await jp_fetch("datasets")
    assert "a.csv" in json.loads(resp.body)
