import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio.models import Status
from publications.models import Question
from tests import factories

pytestmark = pytest.mark.django_db


def test_interview_page_reads_question_by_question(client):
    person = factories.make_person(name="Sam Example")
    interview = factories.make_interview(
        person, title="Interview with Sam", interviewer="Nia", outlet="Data Series", questions=3
    )
    Question.objects.filter(interview=interview, order=2).update(is_highlight=True)
    page = client.get(interview.get_absolute_url()).content.decode()
    html = page.split('<ol class="questions">', 1)[1]
    assert 'href="#q3"' in page
    page = page.split('<ol class="questions">', 1)[0]
    assert "<h1>Interview with Sam</h1>" in page
    assert 'href="/people/sam-example/"' in page
    assert "Nia" in page and "Data Series" in page
    assert html.index("Question number 1?") < html.index("Question number 2?")
    assert html.index("Answer number 2.") < html.index("Question number 3?")
    assert 'id="q3"' in html
    assert "pull-quote" in html


def test_an_answers_ids_never_take_the_pages_own(client):
    interview = factories.make_interview(questions=2)
    question = interview.questions.get(order=2)
    question.answer = 'See <a href="#q1">the first</a>.\n\n<h2 id="main">x</h2> <a id="q1">y</a>'
    question.save()
    page = client.get(interview.get_absolute_url()).content.decode()
    assert page.count('id="main"') == 1
    assert page.count('id="q1"') == 1
    assert page.index('id="q1"') < page.index('id="q2"')  # the template's, not the answer's
    assert 'id="user-content-main"' in page
    assert '<a href="#user-content-q1">the first</a>' in page


def test_interview_page_query_count_does_not_grow_with_questions(client):
    small = factories.make_interview(questions=1)
    large = factories.make_interview(questions=150)
    counts = []
    for interview in (small, large):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(interview.get_absolute_url()).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_draft_interview_is_404_for_visitors_and_shown_to_staff(client, staff_user):
    interview = factories.make_interview(status=Status.DRAFT, questions=1)
    assert client.get(interview.get_absolute_url()).status_code == 404
    client.force_login(staff_user)
    response = client.get(interview.get_absolute_url())
    assert response.status_code == 200
    assert "draft-banner" in response.content.decode()


def test_interview_of_a_draft_person_is_hidden_from_visitors(client):
    person = factories.make_person(status=Status.DRAFT)
    interview = factories.make_interview(person)
    assert client.get(interview.get_absolute_url()).status_code == 404


def test_a_questions_link_points_at_its_anchor_even_with_gaps_in_order(client):
    interview = factories.make_interview(questions=0)
    for order in (10, 20, 35):
        Question.objects.create(interview=interview, order=order, question=f"Q at {order}?")
    third = Question.objects.get(order=35)
    assert third.get_absolute_url().endswith("#q3")
    assert 'id="q3"' in client.get(interview.get_absolute_url()).content.decode()


def test_closing_words_follow_the_last_answer_rendered_once_on_save(client):
    interview = factories.make_interview(
        questions=2, outro="*Produced by **Ines Batra**.* <script>alert(1)</script>"
    )
    assert interview.outro_html.startswith("<p><em>Produced by <strong>Ines Batra")
    assert "<script" not in interview.outro_html
    page = client.get(interview.get_absolute_url()).content.decode()
    assert page.index("Answer number 2.") < page.index('<div class="prose outro">')
    assert "Produced by <strong>Ines Batra</strong>" in page
