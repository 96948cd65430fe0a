import hashlib
import hmac

import requests


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def deliver(url: str, body: bytes, secret: str, timeout: float = 5.0) -> int:
    resp = requests.post(url, data=body, headers={"X-Signature": sign(secret, body), "Content-Type": "application/json"}, timeout=timeout)
    return resp.status_code
