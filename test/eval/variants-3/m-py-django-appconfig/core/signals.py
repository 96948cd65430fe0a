from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Employee


@receiver(post_save, sender=Employee)
def normalise_email(sender, instance, created, **kwargs):
    if instance.email and instance.email != instance.email.lower():
        Employee.objects.filter(pk=instance.pk).update(email=instance.email.lower())
