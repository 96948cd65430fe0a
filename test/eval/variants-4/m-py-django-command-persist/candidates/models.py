from django.db import models


class Candidate(models.Model):
    STAGES = [("applied", "Applied"), ("screen", "Screen"), ("onsite", "Onsite"), ("offer", "Offer")]

    name = models.CharField(max_length=120)
    email = models.EmailField(unique=True)
    stage = models.CharField(max_length=20, choices=STAGES, default="applied")
    skills = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
