from fastapi import APIRouter
from sqlalchemy import select

from app.core.cache import feature
from app.core.db import Session
from app.models import Review

router = APIRouter(prefix="/reviews", tags=["reviews"])


@router.get("")
async def list_reviews():
    async with Session() as s:
        rows = (await s.execute(select(Review))).scalars().all()
    threshold = feature("pep_threshold", 0.8)
    return [{"id": r.id, "customer": r.customer, "status": r.status, "risk": r.risk_level, "pep_threshold": threshold} for r in rows]
