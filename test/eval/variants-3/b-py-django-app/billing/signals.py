import logging

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Invoice

log = logging.getLogger(__name__)


@receiver(post_save, sender=Invoice)
def log_paid(sender, instance, **kwargs):
    if instance.paid:
        log.info("invoice %s paid (%s)", instance.pk, instance.external_id)
