from django.urls import include, path

urlpatterns = [path("api/", include("candidates.urls"))]
