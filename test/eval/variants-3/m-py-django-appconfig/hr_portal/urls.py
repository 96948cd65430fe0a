from django.contrib import admin
from django.urls import path

from core import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("employees/", views.employee_list, name="employee-list"),
    path("employees/<int:pk>/", views.employee_detail, name="employee-detail"),
]
