from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .client import PaymentsClient
from .models import Invoice


@require_POST
def pay_invoice(request, pk):
    inv = get_object_or_404(Invoice, pk=pk)
    if inv.paid:
        return JsonResponse({"status": "already paid"})
    charge = PaymentsClient().charge(inv.amount_cents, inv.currency, reference=f"inv-{inv.pk}")
    inv.paid, inv.external_id = True, charge["id"]
    inv.save()
    return JsonResponse({"status": "paid", "charge": charge["id"]})
