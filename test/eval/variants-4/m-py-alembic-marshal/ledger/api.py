from fastapi import FastAPI

app = FastAPI(title="ledger")


@app.get("/health")
def health():
    return {"ok": True}


# TODO(candidate): POST /transfers
