from django.db import models


class Invoice(models.Model):
    customer_email = models.EmailField()
    amount_cents = models.PositiveIntegerField()
    currency = models.CharField(max_length=3, default="EUR")
    paid = models.BooleanField(default=False)
    external_id = models.CharField(max_length=64, blank=True)
