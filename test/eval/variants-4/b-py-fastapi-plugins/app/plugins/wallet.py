from fastapi import APIRouter

PLUGIN = {"name": "wallet", "version": "0.3"}
router = APIRouter()


@router.get("/methods")
async def methods():
    return ["apple_pay", "google_pay"]
