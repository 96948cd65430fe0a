from .handlers import setup_handlers


def _jupyter_server_extension_points():
    return [{"module": "jupyter_datasets"}]


def _load_jupyter_server_extension(server_app):
    root = server_app.config.get("DatasetsExtension", {}).get("root", "~/datasets")
    setup_handlers(server_app.web_app, root)
    server_app.log.info("jupyter_datasets: serving %s", root)
