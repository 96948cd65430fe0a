"""normalise symbols to upper case and dedupe minute candles

Revision ID: 0002
Revises: 0001
Create Date: 2024-10-03 14:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def _backfill() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE candles_1m SET symbol = UPPER(symbol)"))
    conn.execute(
        sa.text(
            "DELETE FROM candles_1m WHERE id NOT IN ("
            "  SELECT MIN(id) FROM candles_1m GROUP BY symbol, ts"
            ")"
        )
    )


def upgrade() -> None:
    _backfill()
    op.create_unique_constraint("uq_candles_symbol_ts", "candles_1m", ["symbol", "ts"])


def downgrade() -> None:
    op.drop_constraint("uq_candles_symbol_ts", "candles_1m")
