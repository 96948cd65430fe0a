import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-insecure")
DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "billing.apps.BillingConfig",
]
ROOT_URLCONF = "shop.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
PAYMENTS_API_URL = os.environ.get("PAYMENTS_API_URL", "https://api.payments.example.invalid/v1")
PAYMENTS_API_KEY = os.environ.get("PAYMENTS_API_KEY", "")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
