from fastapi import FastAPI

from app.core.cache import warm_cache
from app.core.db import init_db
from app.routers import reviews

app = FastAPI(title="KYC review service", version="0.3.0")
app.include_router(reviews.router)


@app.on_event("startup")
async def startup() -> None:
    await init_db()
    warm_cache()


@app.get("/health")
async def health():
    return {"ok": True}
