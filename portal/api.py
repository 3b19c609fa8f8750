"""The JSON API for scripts (docs/portal-api.md): the department pages' submissions, with a personal token
(`Authorization: Token <key>`) or the browser's session. Errors carry error_it and error_en."""
from __future__ import annotations

from django.http import FileResponse, Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_handler

from portal import access, audit, builds, mail, desk, deskviews, store, texts
from portal.models import COORDINATOR, DEPARTMENT, Build, Submission

FINDING_FIELDS = ("source_file", "sheet", "source_row", "column", "cell", "department", "severity", "code",
                  "message_it", "message_en")


class SubmissionSerializer(serializers.ModelSerializer):
    uploaded_by = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()
    findings = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = ("id", "department", "year", "file_name", "sha256", "size", "uploaded_at", "uploaded_by",
                  "status", "counts", "findings")

    def get_uploaded_by(self, sub) -> str:
        return sub.uploaded_by.email if sub.uploaded_by else ""

    def get_counts(self, sub) -> dict[str, int]:
        return {key: int(sub.counts.get(key, 0)) for key in ("read", "accepted", "rejected", "outside")}

    def get_findings(self, sub) -> list[dict]:
        return [{key: f.get(key) for key in FINDING_FIELDS} for f in sub.findings]


ERROR_BODY = inline_serializer("Error", {"error_it": serializers.CharField(), "error_en": serializers.CharField()})
KEYS = {401: "unauthenticated", 403: "forbidden", 404: "not_found", 409: "build_running", 413: "too_large",
        415: "unsupported"}


def error(key: str, code: int) -> Response:
    it, en = texts.error(key)
    return Response({"error_it": it, "error_en": en}, status=code)


def exception_handler(exc, context):
    """DRF's answer, its body replaced by the bilingual pair of its status."""
    response = drf_handler(exc, context)
    if response is not None:
        it, en = texts.error(KEYS.get(response.status_code, "invalid"))
        response.data = {"error_it": it, "error_en": en}
    return response


def _codes(year: int) -> tuple[str, ...]:
    return store.report_settings(year).config.codes


class SubmissionList(APIView):
    @extend_schema(responses={200: SubmissionSerializer(many=True), 401: ERROR_BODY})
    def get(self, request, year: int):
        subs = access.submissions(request.user, year, _codes(year)).select_related("uploaded_by")
        return Response(SubmissionSerializer(subs, many=True).data)

    @extend_schema(
        request={"multipart/form-data": inline_serializer("Upload", {
            "file": serializers.FileField(), "department": serializers.CharField(required=False)})},
        responses={201: SubmissionSerializer, 400: ERROR_BODY, 401: ERROR_BODY, 403: ERROR_BODY,
                   404: ERROR_BODY, 413: ERROR_BODY, 415: ERROR_BODY})
    def post(self, request, year: int):
        role = access.role(request.user)
        if role not in (DEPARTMENT, COORDINATOR):
            return error("forbidden", status.HTTP_403_FORBIDDEN)
        allowed = access.departments(request.user, _codes(year))
        if role == COORDINATOR:
            code = str(request.data.get("department", "")).upper()
            if not code:
                return error("department_required", status.HTTP_400_BAD_REQUEST)
        else:
            code = allowed[0] if allowed else ""
        if code not in allowed:
            raise Http404
        upload = request.FILES.get("file")
        if upload is None:
            return error("no_file", status.HTTP_400_BAD_REQUEST)
        try:
            sub = store.store(upload, user=request.user, department=code, year=year)
        except store.Refused as exc:
            return error(exc.key, exc.status)
        audit.record("upload", user=request.user, request=request, submission=sub.pk, department=code,
                     sha256=sub.sha256, size=sub.size, via="api")
        store.check(sub)
        mail.receipt(sub)
        return Response(SubmissionSerializer(sub).data, status=status.HTTP_201_CREATED)


class SubmissionDetail(APIView):
    @extend_schema(responses={200: SubmissionSerializer, 401: ERROR_BODY, 404: ERROR_BODY})
    def get(self, request, year: int, pk: int):
        return Response(SubmissionSerializer(access.submission(request.user, year, pk, _codes(year))).data)


FILE_RESPONSE = {(200, "application/octet-stream"): OpenApiResponse(description="the file's bytes"),
                 401: ERROR_BODY, 404: ERROR_BODY}


class SubmissionFeedback(APIView):
    @extend_schema(responses=FILE_RESPONSE)
    def get(self, request, year: int, pk: int):
        sub = access.submission(request.user, year, pk, _codes(year))
        path = store.feedback_path(sub)
        if path is None:
            raise exceptions.NotFound
        audit.record("download", user=request.user, request=request, what="feedback", submission=sub.pk, via="api")
        return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)


class SubmissionFile(APIView):
    @extend_schema(responses=FILE_RESPONSE)
    def get(self, request, year: int, pk: int):
        sub = access.submission(request.user, year, pk, _codes(year))
        audit.record("download", user=request.user, request=request, what="file", submission=sub.pk, via="api")
        return FileResponse(store.file_path(sub).open("rb"), as_attachment=True, filename=sub.file_name)


def _coordinator_only(request):
    if access.role(request.user) != COORDINATOR:
        return error("forbidden", status.HTTP_403_FORBIDDEN)
    return None


class Departments(APIView):
    """The coordinator's dashboard as JSON: one row per department in chapter order, the deadline and ledger."""

    @extend_schema(responses={200: OpenApiResponse(description="the dashboard's rows"), 401: ERROR_BODY,
                              403: ERROR_BODY, 404: ERROR_BODY})
    def get(self, request, year: int):
        store.report_settings(year)
        return _coordinator_only(request) or Response(desk.summary(year))


def _build_body(build) -> dict:
    return deskviews.build_json(build, deskviews.file_url)


class Builds(APIView):
    @extend_schema(request=None, responses={202: OpenApiResponse(description="{id, state}"), 401: ERROR_BODY,
                                            403: ERROR_BODY, 409: ERROR_BODY})
    def post(self, request, year: int):
        store.report_settings(year)
        refused = _coordinator_only(request)
        if refused:
            return refused
        try:
            build = builds.request(year, request.user)
        except builds.Running as exc:
            it, en = texts.error("build_running")
            return Response({"error_it": it, "error_en": en, "id": exc.build.pk, "state": exc.build.state},
                            status=status.HTTP_409_CONFLICT)
        audit.record("build", user=request.user, request=request, year=year, build=build.number, via="api")
        return Response({"id": build.pk, "state": build.state}, status=status.HTTP_202_ACCEPTED)


class BuildDetail(APIView):
    @extend_schema(responses={200: OpenApiResponse(description="state, stage, files"), 401: ERROR_BODY,
                              403: ERROR_BODY, 404: ERROR_BODY})
    def get(self, request, year: int, pk: int):
        store.report_settings(year)
        refused = _coordinator_only(request)
        if refused:
            return refused
        build = Build.objects.filter(year=year, pk=pk).first()
        if build is None:
            raise exceptions.NotFound
        return Response(_build_body(build))
