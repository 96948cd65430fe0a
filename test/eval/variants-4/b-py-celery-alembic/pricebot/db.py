import os

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table, create_engine

engine = create_engine(os.getenv("DATABASE_URL", "sqlite:///pricebot.db"))
metadata = MetaData()

candles = Table(
    "candles_1m",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("symbol", String(20), index=True),
    Column("ts", DateTime, index=True),
    Column("open", Float),
    Column("high", Float),
    Column("low", Float),
    Column("close", Float),
)
