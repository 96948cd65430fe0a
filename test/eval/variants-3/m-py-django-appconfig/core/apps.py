from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "HR core"

    def ready(self):
        # register signal handlers and warm the org-chart cache
        from . import signals  # noqa: F401
        from .checks import warm_cache

        warm_cache()
