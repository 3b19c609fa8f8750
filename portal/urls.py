"""The portal's addresses: the department pages, the JSON API (/api/v1/) and its OpenAPI schema."""
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView

from portal import api, views

app_name = "portal"
YEAR = "years/<int:year>/<str:code>/"
department = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", set_language, name="set_language"),
    path("report.css", views.report_css, name="report_css"),
    path(YEAR, views.year_page, name="year"),
    path(YEAR + "upload", views.upload, name="upload"),
    path(YEAR + "template", views.template, name="template"),
    path(YEAR + "preview", views.preview, name="preview"),
    path(YEAR + "preview/chapter", views.chapter, name="chapter"),
    path(YEAR + "submissions/<int:pk>/", views.submission, name="submission"),
    path(YEAR + "submissions/<int:pk>/retry", views.retry, name="retry"),
    path(YEAR + "submissions/<int:pk>/file", views.original, name="file"),
    path(YEAR + "submissions/<int:pk>/feedback", views.feedback, name="feedback"),
]
API = "api/v1/years/<int:year>/submissions"
apis = [
    path(API, api.SubmissionList.as_view(), name="api_submissions"),
    path(API + "/<int:pk>", api.SubmissionDetail.as_view(), name="api_submission"),
    path(API + "/<int:pk>/feedback", api.SubmissionFeedback.as_view(), name="api_feedback"),
    path(API + "/<int:pk>/file", api.SubmissionFile.as_view(), name="api_file"),
    path("api/v1/schema", SpectacularAPIView.as_view(), name="api_schema"),
]
urlpatterns = [path("", include((department + apis, "portal")))]
