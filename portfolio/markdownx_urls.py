"""markdownx's preview and upload endpoints, for staff only.

markdownx's own views answer anyone; the admin is the only place its editor appears, so its
endpoints require a staff login like the rest of the admin.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.urls import path
from markdownx.views import ImageUploadView, MarkdownifyView

urlpatterns = [
    path(
        "markdownify/",
        staff_member_required(MarkdownifyView.as_view()),
        name="markdownx_markdownify",
    ),
    path("upload/", staff_member_required(ImageUploadView.as_view()), name="markdownx_upload"),
]
