"""List AWS shared-config profiles without touching secret values."""
import configparser
import os
from pathlib import Path


def _aws_file(env: str, default: str) -> Path:
    return Path(os.environ.get(env, Path.home() / ".aws" / default)).expanduser()


def list_profiles() -> list[dict]:
    cfg = configparser.RawConfigParser()
    cfg.read(_aws_file("AWS_CONFIG_FILE", "config"))
    creds = configparser.RawConfigParser()
    creds.read(_aws_file("AWS_SHARED_CREDENTIALS_FILE", "credentials"))

    names: dict[str, dict] = {}
    for section in cfg.sections():
        if section == "default" or section.startswith("profile "):
            name = section.removeprefix("profile ")
            names[name] = {
                "name": name,
                "region": cfg.get(section, "region", fallback=None),
                "sso": cfg.has_option(section, "sso_session") or cfg.has_option(section, "sso_start_url"),
                "role": cfg.has_option(section, "role_arn"),
            }
    for section in creds.sections():
        names.setdefault(section, {"name": section, "region": None, "sso": False, "role": False})
        names[section]["static_keys"] = True  # presence only
    return sorted(names.values(), key=lambda p: (p["name"] != "default", p["name"]))
