from fastapi import FastAPI, Request

app = FastAPI()
received = []


@app.post("/hook")
async def hook(request: Request):
    received.append(await request.body())
    return {"ok": True}


@app.get("/health")
async def health():
    return {"ok": True}
