import os

from celery import Celery

app = Celery("pricebot", broker=os.getenv("REDIS_URL", "redis://localhost:6379/0"), include=["pricebot.tasks"])
app.conf.update(
    timezone="UTC",
    task_ignore_result=True,
    beat_schedule={
        "poll-prices": {"task": "pricebot.tasks.poll_prices", "schedule": 30.0},
        "prune-old": {"task": "pricebot.tasks.prune", "schedule": 3600.0},
    },
)
