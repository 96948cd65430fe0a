from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Employee


def _serialise(e):
    return {
        "id": e.pk,
        "name": str(e),
        "email": e.email,
        "department": e.department.name,
        "manager": e.manager_id,
    }


def employee_list(request):
    qs = Employee.objects.select_related("department").order_by("last_name")
    dept = request.GET.get("department")
    if dept:
        qs = qs.filter(department__name__iexact=dept)
    return JsonResponse({"results": [_serialise(e) for e in qs]})


def employee_detail(request, pk):
    # TODO(candidate): include the full management chain up to the CEO
    return JsonResponse(_serialise(get_object_or_404(Employee, pk=pk)))
