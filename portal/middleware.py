"""Two small middlewares: a request body over the upload limit is refused (413) from its Content-Length, before any
of it is read; the interface is Italian unless the person chose English (the browser's languages are not asked)."""
from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

from portal import texts

MULTIPART_MARGIN = 64 * 1024   # the form fields and boundaries around the file


def body_limit(get_response):
    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.PORTAL_MAX_BYTES + MULTIPART_MARGIN:
            return too_large(request)
        return get_response(request)
    return middleware


def too_large(request):
    it, en = texts.error("too_large")
    if request.path.startswith("/api/"):
        return JsonResponse({"error_it": it, "error_en": en}, status=413)
    return render(request, "portal/error.html", {"error_it": it, "error_en": en}, status=413)


def italian_first(get_response):
    """Drop Accept-Language, so that LocaleMiddleware goes by the language cookie (the switch) or Italian."""
    def middleware(request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return get_response(request)
    return middleware
