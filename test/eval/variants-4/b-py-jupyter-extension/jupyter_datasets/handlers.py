import json
from pathlib import Path

import pandas as pd
import tornado
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

SUFFIXES = {".csv", ".parquet", ".json"}


class ListHandler(APIHandler):
    def initialize(self, root: Path):
        self.root = root

    @tornado.web.authenticated
    def get(self):
        files = [str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.suffix in SUFFIXES]
        self.finish(json.dumps(sorted(files)))


class PreviewHandler(APIHandler):
    def initialize(self, root: Path):
        self.root = root

    @tornado.web.authenticated
    def get(self):
        rel = self.get_argument("path")
        path = (self.root / rel).resolve()
        if self.root not in path.parents or path.suffix not in SUFFIXES:
            raise tornado.web.HTTPError(400, "path outside the datasets root")
        reader = {".csv": pd.read_csv, ".parquet": pd.read_parquet, ".json": pd.read_json}[path.suffix]
        df = reader(path).head(20)
        self.finish(df.to_json(orient="split"))


def setup_handlers(web_app, root: str):
    base = web_app.settings["base_url"]
    resolved = Path(root).expanduser().resolve()
    resolved.mkdir(parents=True, exist_ok=True)
    web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base, "datasets"), ListHandler, {"root": resolved}),
            (url_path_join(base, "datasets", "preview"), PreviewHandler, {"root": resolved}),
        ],
    )
