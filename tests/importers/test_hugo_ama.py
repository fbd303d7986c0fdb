from tests.importers.helpers import parse_fixture


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
