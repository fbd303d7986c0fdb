import pytest

from importers.parse.families import PARSERS
from tests.importers.helpers import FIXTURES, parse_fixture


def test_legend_and_numbered_participants():
    doc = parse_fixture("hugo-ama/ama_priya.md")
    assert doc.family == "hugo-ama"
    (ama,) = doc.interviews
    assert ama.kind == "ama"
    assert ama.interviewee == "Priya Raman"
    assert [q.asker for q in ama.questions] == ["Participant 1", "Participant 2", "Participant 3"]
    assert ama.questions[0].question == "How do I pick my first machine learning project?"
    assert "two weekends" in ama.questions[0].answer
    assert "- Import AI" in ama.questions[2].answer


def test_title_and_legend_win_over_a_wrong_name_in_the_body():
    doc = parse_fixture("hugo-ama/ama_priya.md")
    assert doc.person.name == "Priya Raman"
    assert "Kiran Shah" not in doc.person.name
    assert doc.person.handles == ("priya-raman",)


def test_date_from_front_matter_and_no_legend_or_draft_in_output():
    (ama,) = parse_fixture("hugo-ama/ama_priya.md").interviews
    assert ama.date.isoformat() == "2021-02-20"
    assert "Legend" not in ama.intro
    assert "draft" not in ama.intro
    assert "😛" in ama.questions[1].answer


def test_ask_me_anything_title_and_inline_legend_with_a_range():
    doc = parse_fixture("hugo-ama/ama_tomasz.md")
    assert doc.family == "hugo-ama"
    (ama,) = doc.interviews
    assert ama.interviewee == "Tomasz Wrona" == doc.person.name
    assert ama.outlet == ""
    assert [q.asker for q in ama.questions] == [
        "Participant 1",
        "Participant 2",
        "Participant 3",
        "Participant 6",
    ]
    assert "fuzz the deoptimizer" in ama.questions[2].answer
    assert "Legend" not in ama.intro


def test_legend_table_and_two_letter_codes():
    doc = parse_fixture("hugo-ama/ama_table_legend.md")
    (ama,) = doc.interviews
    assert doc.person.name == "Helena Costa"
    assert ama.outlet == "Data Science Meetup Lisbon"
    assert ama.date.isoformat() == "2020-11-28"
    assert ama.questions[0].asker == "Community member 1"
    assert ama.questions[1].answer.startswith("Both.")
    assert "- *Statistical Rethinking*" in ama.questions[3].answer
    assert "| Code |" not in ama.intro


def test_bare_legend_lines_without_a_heading():
    doc = parse_fixture("hugo-ama/ama_bare_legend_dalia.md")
    assert doc.family == "hugo-ama"
    (ama,) = doc.interviews
    assert ama.interviewee == "Dalia Fernsby" == doc.person.name
    assert [q.asker for q in ama.questions] == [
        "Participant 1",
        "Participant 2",
        "Participant 3",
        "Participant 2",
        "Participant 4",
        "Participant 5",
    ]
    assert ama.questions[0].question == "How did you become a cartographer?"
    assert ama.questions[0].answer.startswith("By getting lost.")
    assert ama.questions[4].question == "Are you looking for volunteers? 🙂"
    assert ama.questions[4].answer == ""
    assert "Dalia" not in [q.question for q in ama.questions]
    assert "Participants" not in ama.intro


@pytest.mark.parametrize(
    "legend",
    [
        "**Legend:**\n\nD: Dalia\nP(n): Participants",
        "- D: Dalia\n- P(n): Participants",
        "Key:\n\n- D: Dalia\n- P(n): Participants",
    ],
)
def test_legend_with_or_without_heading_and_list_markers(legend):
    text = (FIXTURES / "hugo-ama/ama_bare_legend_dalia.md").read_text(encoding="utf-8")
    text = text.replace("D: Dalia  \nP(n): Participants", legend)
    (ama,) = PARSERS["hugo-ama"](text).interviews
    assert [q.asker for q in ama.questions][:3] == [
        "Participant 1",
        "Participant 2",
        "Participant 3",
    ]
    assert ama.questions[1].answer.startswith("QGIS for the data")
    assert "Participants" not in ama.intro
    assert "Legend" not in ama.intro


def test_closing_text_is_kept_as_the_closing():
    (ama,) = parse_fixture("hugo-ama/ama_bare_legend_dalia.md").interviews
    assert "The next AMA is in April." in ama.outro
    assert "The next AMA is in April." not in ama.questions[-1].answer


def test_legend_name_with_n_takes_the_number():
    doc = parse_fixture("hugo-ama/ama_speakers_marek.md")
    (ama,) = doc.interviews
    assert ama.interviewee == "Marek Novotný"
    assert [q.asker for q in ama.questions] == [
        "Participant 1",
        "Participant 2",
        "Participant 3",
        "Participant 1",
    ]


def test_question_continues_on_the_line_before_the_answer_label():
    (ama,) = parse_fixture("hugo-ama/ama_speakers_marek.md").interviews
    assert ama.questions[1].question == (
        "Do you think beginners should start with repairs?\n"
        "Or is it better to build a whole instrument first?"
    )
    assert ama.questions[1].answer.startswith("Repairs.")


def test_an_italic_sign_off_after_the_last_answer_closes_the_ama():
    doc = parse_fixture("hugo-ama/ama_sign_off_rami.md")
    (interview,) = doc.interviews
    assert [q.answer for q in interview.questions] == [
        "By rewriting a tool I used every day.",
        "The book, then other people's code.",
    ]
    assert interview.outro == "*Thank you Rami! The recording is on our channel.*"


def test_a_legend_code_for_a_name_with_a_letter_of_its_own():
    doc = parse_fixture("hugo-ama/ama_lukasz_like.md")
    assert doc.person.name == "Łucja Nowak"
    (ama,) = doc.interviews
    assert [(q.asker, q.answer) for q in ama.questions] == [
        ("Participant 1", "At university, with a toy interpreter."),
        ("Participant 2", "The dragon book, slowly."),
    ]


@pytest.mark.parametrize(
    ("relative", "name", "first_answer"),
    [
        (
            "hugo-ama/ama_event_title_ines.md",
            "Inês Castro",
            "With a question you care about, then the simplest test that answers it.",
        ),
        (
            "hugo-ama/ama_table_legend_kwesi.md",
            "Kwesi Appiah",
            "Against what nurses decided, case by case, for a month.",
        ),
    ],
)
def test_the_legend_names_who_answers_when_the_title_names_an_event(relative, name, first_answer):
    doc = parse_fixture(relative)
    assert doc.person.name == name
    (ama,) = doc.interviews
    assert ama.questions[0].asker == "Participant 1"
    assert ama.questions[0].answer == first_answer
