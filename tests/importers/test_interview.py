from tests.importers.helpers import parse_fixture


def test_turns_become_questions_and_residue_is_dropped():
    doc = parse_fixture("interview/jun_park.md")
    assert doc.family == "interview"
    (interview,) = doc.interviews
    assert interview.interviewee == "Jun Park" == doc.person.name
    assert interview.interviewer == "Alex"
    assert interview.outlet == "Practitioner Interview Series"
    assert len(interview.questions) == 5
    assert interview.questions[0].question == "How did you get started with data engineering?"
    everything = repr(doc)
    for residue in ("Scroll to Top", "Share via", "Social Snap", "Copy link"):
        assert residue not in everything


def test_pull_quotes_mark_highlighted_answers():
    (interview,) = parse_fixture("interview/jun_park.md").interviews
    assert interview.highlights == ("Clean data is a kindness to your future self.",)
    assert [q.is_highlight for q in interview.questions] == [False, True, False, False, False]


def test_answers_without_a_turn_and_empty_answers():
    doc = parse_fixture("interview/jun_park.md")
    questions = doc.interviews[0].questions
    assert "Curious, Stubborn, Patient" in questions[2].answer
    assert questions[3].answer == ""
    assert any("no answer" in w for w in doc.warnings)
    assert "- How she moved from physics to data" in doc.interviews[0].intro


def test_heading_title_and_multi_paragraph_answers():
    (interview,) = parse_fixture("interview/conversation_ines.md").interviews
    assert interview.interviewee == "Ines Moreau"
    assert interview.interviewer == "Sam"
    assert len(interview.questions) == 3
    assert "fold a towel" in interview.questions[1].answer
    assert interview.intro == "Ines Moreau runs the Robotics Reading Group in Lyon."
