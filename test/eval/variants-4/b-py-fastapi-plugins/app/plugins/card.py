from fastapi import APIRouter
from pydantic import BaseModel, Field

PLUGIN = {"name": "card", "version": "1.0"}
router = APIRouter()


class CardCharge(BaseModel):
    amount_cents: int = Field(gt=0)
    currency: str = "EUR"
    token: str


@router.post("/charge")
async def charge(body: CardCharge):
    # the card token comes from the provider's hosted fields; we never see PANs
    return {"status": "authorized", "amount_cents": body.amount_cents, "currency": body.currency}
