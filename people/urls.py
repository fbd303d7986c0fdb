from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/cv/", views.cv, name="cv"),
    path("<slug:slug>/cv.pdf", views.cv_pdf, name="cv_pdf"),
    path("<slug:slug>/profile.md", views.profile_markdown, name="markdown"),
    path("<slug:slug>/resume.json", views.resume_json, name="resume"),
    path("<slug:slug>/vcard.vcf", views.vcard_file, name="vcard"),
    path("<slug:slug>/publications.bib", views.publications_bib, name="bibtex"),
    path(
        "<slug:slug>/publications/<int:pk>.bib",
        views.citation_bib,
        {"kind": "publication"},
        name="cite",
    ),
    path(
        "<slug:slug>/patents/<int:pk>.bib",
        views.citation_bib,
        {"kind": "patent"},
        name="cite-patent",
    ),
]
