from rest_framework import serializers, viewsets

from .models import Candidate


class CandidateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Candidate
        fields = ["id", "name", "email", "stage", "skills"]


class CandidateViewSet(viewsets.ModelViewSet):
    queryset = Candidate.objects.all().order_by("-created")
    serializer_class = CandidateSerializer
    # TODO(candidate): stage/skills filters
