from datetime import datetime, timedelta, timezone

import requests
from sqlalchemy import delete, insert

from .celery_app import app
from .db import candles, engine

PRICE_API = "https://api.prices.example.invalid/v3/simple/price"
SYMBOLS = {"bitcoin": "BTC", "ethereum": "ETH", "solana": "SOL"}


@app.task(autoretry_for=(requests.RequestException,), retry_backoff=True, max_retries=3)
def poll_prices():
    r = requests.get(PRICE_API, params={"ids": ",".join(SYMBOLS), "vs_currencies": "usd"}, timeout=10)
    r.raise_for_status()
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    rows = [
        {"symbol": SYMBOLS[k], "ts": now, "open": v["usd"], "high": v["usd"], "low": v["usd"], "close": v["usd"]}
        for k, v in r.json().items()
        if k in SYMBOLS
    ]
    with engine.begin() as conn:
        conn.execute(insert(candles), rows)
    return len(rows)


@app.task
def prune(days: int = 30):
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    with engine.begin() as conn:
        conn.execute(delete(candles).where(candles.c.ts < cutoff))
