"""Discover payment plugins in the local app/plugins package."""
import importlib
import logging
import pkgutil
from types import ModuleType

from fastapi import FastAPI

from app import plugins as plugins_pkg

log = logging.getLogger(__name__)


def discover() -> dict[str, ModuleType]:
    found = {}
    for info in pkgutil.iter_modules(plugins_pkg.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{plugins_pkg.__name__}.{info.name}")
        if hasattr(module, "router") and hasattr(module, "PLUGIN"):
            found[module.PLUGIN["name"]] = module
    return found


def mount(app: FastAPI, enabled: list[str]) -> list[str]:
    mounted = []
    for name, module in discover().items():
        if name not in enabled:
            log.info("plugin %s disabled", name)
            continue
        app.include_router(module.router, prefix=f"/pay/{name}", tags=[name])
        mounted.append(name)
    return mounted
