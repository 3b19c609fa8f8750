"""The portal's addresses: the department pages, the JSON API (/api/v1/) and its OpenAPI schema."""
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView

from portal import api, deskviews, views

app_name = "portal"
YEAR = "years/<int:year>/<str:code>/"
department = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", set_language, name="set_language"),
    path("report.css", views.report_css, name="report_css"),
    path("desk/<int:year>/", deskviews.dashboard, name="desk"),
    path("desk/<int:year>/rows", deskviews.rows, name="desk_rows"),
    path("desk/<int:year>/settings", deskviews.year_settings, name="year_settings"),
    path("desk/<int:year>/remind", deskviews.remind, name="remind"),
    path("desk/<int:year>/builds/", deskviews.build_list, name="builds"),
    path("desk/<int:year>/builds/new", deskviews.build_new, name="build_new"),
    path("desk/<int:year>/builds/<int:number>/", deskviews.build_page, name="build"),
    path("desk/<int:year>/builds/<int:number>/status", deskviews.build_status, name="build_status"),
    path("desk/<int:year>/builds/<int:number>/mark", deskviews.build_mark, name="build_mark"),
    path("desk/<int:year>/builds/<int:number>/files/<path:name>", deskviews.build_file, name="build_file"),
    path("shelf/<int:year>/", deskviews.shelf, name="shelf"),
    path("shelf/<int:year>/published.zip", deskviews.published_zip, name="published_zip"),
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
    path("api/v1/years/<int:year>/departments", api.Departments.as_view(), name="api_departments"),
    path("api/v1/years/<int:year>/builds", api.Builds.as_view(), name="api_builds"),
    path("api/v1/years/<int:year>/builds/<int:pk>", api.BuildDetail.as_view(), name="api_build"),
    path("api/v1/schema", SpectacularAPIView.as_view(), name="api_schema"),
]
urlpatterns = [path("", include((department + apis, "portal")))]
