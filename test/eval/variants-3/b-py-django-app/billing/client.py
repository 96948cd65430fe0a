import requests
from django.conf import settings


class PaymentsClient:
    def __init__(self, base_url=None, api_key=None, timeout=10):
        self.base_url = base_url or settings.PAYMENTS_API_URL
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key or settings.PAYMENTS_API_KEY}"
        self.timeout = timeout

    def charge(self, amount_cents, currency, reference):
        resp = self.session.post(
            f"{self.base_url}/charges",
            json={"amount": amount_cents, "currency": currency, "reference": reference},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()
