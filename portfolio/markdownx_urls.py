"""markdownx's preview and image upload endpoints, for editors only.

markdownx's own views answer anyone and trust the browser about an upload's type; its editor
appears only on admin forms that add or change a model with a markdown field, so these
require a staff login and that permission on one such model, the preview renders a bounded
amount of markdown, and images dropped into an editor go through the same checks as every
other upload (portfolio.uploads).
"""

from collections.abc import Callable
from functools import cache, wraps

from django.apps import apps
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST
from markdownx.models import MarkdownxField

from portfolio.uploads import clean_image


@cache
def _markdown_permissions() -> frozenset[str]:
    """'app.add_model' and 'app.change_model' for every model with a markdown field."""
    return frozenset(
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in apps.get_models()
        if any(isinstance(field, MarkdownxField) for field in model._meta.get_fields())
        for action in ("add", "change")
    )


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A staff login (anyone else is sent to the admin's login page), then 403 unless the
    user may add or change something the editor writes."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _markdown_permissions() & request.user.get_all_permissions():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_member_required(wrapped)


@require_POST
def markdownify(request: HttpRequest) -> HttpResponse:
    # Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE never get here: Django refuses them with 413
    # (portfolio.views.bad_request).
    content = request.POST.get("content", "")
    limit = settings.MARKDOWN_PREVIEW_MAX_BYTES
    if len(content.encode()) > limit:
        return HttpResponse(
            f"The preview shows at most {filesizeformat(limit)} of markdown.",
            status=413,
            content_type="text/plain; charset=utf-8",
        )
    render = import_string(settings.MARKDOWNX_MARKDOWNIFY_FUNCTION)
    return HttpResponse(render(content))


@require_POST
def upload_image(request: HttpRequest) -> JsonResponse:
    upload = request.FILES.get("image")
    if upload is None:
        return JsonResponse({"image": ["No image was uploaded."]}, status=400)
    try:
        image = clean_image(upload, max_bytes=settings.MARKDOWNX_UPLOAD_MAX_SIZE)
    except ValidationError as error:
        return JsonResponse({"image": error.messages}, status=400)
    folder = timezone.now().strftime(settings.MARKDOWNX_MEDIA_PATH)
    name = default_storage.save(f"{folder}{image.name}", image)
    # The snippet markdownx's editor inserts at the cursor.
    return JsonResponse({"image_code": f"![]({default_storage.url(name)})"})


urlpatterns = [
    path("markdownify/", editor_required(markdownify), name="markdownx_markdownify"),
    path("upload/", editor_required(upload_image), name="markdownx_upload"),
]
