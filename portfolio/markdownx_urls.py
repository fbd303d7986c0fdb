"""markdownx's preview and image upload endpoints, for staff only.

markdownx's own views answer anyone and trust the browser about an upload's type; the admin is
the only place its editor appears, so these require a staff login, and images dropped into
an editor go through the same checks as every other upload (portfolio.uploads).
"""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST
from markdownx.views import MarkdownifyView

from portfolio.uploads import clean_image


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
    path(
        "markdownify/",
        staff_member_required(MarkdownifyView.as_view()),
        name="markdownx_markdownify",
    ),
    path("upload/", staff_member_required(upload_image), name="markdownx_upload"),
]
