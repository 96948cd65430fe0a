import os

from celery import Celery

app = Celery("arbbot", broker=os.getenv("REDIS_URL", "redis://localhost:6379/0"), include=["arbbot.tasks"])
app.conf.update(
    timezone="UTC",
    task_ignore_result=True,
    beat_schedule={
        "scan-prices": {"task": "arbbot.tasks.scan_prices", "schedule": 15.0},
        "sync-watchlist": {"task": "arbbot.tasks.sync_watchlist", "schedule": 1.0},
    },
)
