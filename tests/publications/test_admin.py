"""The Interview admin edits an interview together with its questions."""

from __future__ import annotations

from django.urls import reverse

from publications.models import Interview
from tests import factories


def test_interview_change_page_shows_its_questions_inline_in_order(admin_client):
    interview = factories.make_interview(questions=3)

    response = admin_client.get(reverse("admin:publications_interview_change", args=[interview.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="questions-TOTAL_FORMS" value="3"' in html
    first, second, third = (html.index(f"Question number {n}?") for n in (1, 2, 3))
    assert first < second < third
    assert 'name="questions-0-is_highlight"' in html
    assert 'name="questions-0-answer"' in html


def test_interview_list_counts_questions(admin_client):
    factories.make_interview(questions=3, title="Three questions")

    response = admin_client.get(reverse("admin:publications_interview_changelist"))

    assert '<td class="field-question_count">3</td>' in response.content.decode()


def test_saving_an_interview_updates_its_questions(admin_client):
    interview = factories.make_interview(questions=1)
    question = interview.questions.get()
    data = {
        "person": str(interview.person_id),
        "title": interview.title,
        "slug": interview.slug,
        "kind": Interview.Kind.INTERVIEW,
        "interviewer": "",
        "outlet": "",
        "date": "",
        "date_precision": "day",
        "source_url": "",
        "intro": "",
        "status": interview.status,
        "published_at_0": "",
        "published_at_1": "",
        "questions-TOTAL_FORMS": "2",
        "questions-INITIAL_FORMS": "1",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-id": str(question.pk),
        "questions-0-interview": str(interview.pk),
        "questions-0-order": "2",
        "questions-0-asker": "Host",
        "questions-0-question": "What did you build?",
        "questions-0-answer": "A **compiler**.",
        "questions-0-is_highlight": "on",
        "questions-1-interview": str(interview.pk),
        "questions-1-order": "1",
        "questions-1-asker": "P1",
        "questions-1-question": "Why?",
        "questions-1-answer": "Because.",
    }

    response = admin_client.post(
        reverse("admin:publications_interview_change", args=[interview.pk]), data
    )

    assert response.status_code == 302
    questions = list(interview.questions.all())
    assert [q.asker for q in questions] == ["P1", "Host"]
    assert questions[1].is_highlight
    assert "<strong>compiler</strong>" in questions[1].answer_html


def test_patent_list_names_its_people(admin_client):
    grace = factories.make_person(name="Grace Example")
    alan = factories.make_person(name="Alan Example")
    factories.make_patent(grace, alan, number="US9910916B1")

    response = admin_client.get(reverse("admin:publications_patent_changelist"))

    html = response.content.decode()
    assert "US9910916B1" in html
    assert "Alan Example, Grace Example" in html
