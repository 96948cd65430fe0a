"""candles table

Revision ID: 0001
Revises:
Create Date: 2024-09-12 08:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "candles_1m",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.String(20), index=True),
        sa.Column("ts", sa.DateTime, index=True),
        sa.Column("open", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("close", sa.Float),
    )


def downgrade() -> None:
    op.drop_table("candles_1m")
