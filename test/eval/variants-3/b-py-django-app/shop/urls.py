from django.urls import path

from billing import views

urlpatterns = [path("invoices/<int:pk>/pay/", views.pay_invoice)]
