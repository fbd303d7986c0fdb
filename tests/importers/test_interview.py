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


def test_bold_q_and_a_labels_are_not_people():
    doc = parse_fixture("interview/qa_style_olu.md")
    assert doc.family == "interview"
    (interview,) = doc.interviews
    assert interview.interviewee == "Olu Adebayo" == doc.person.name
    assert doc.person.headline == "founder of Example Robotics Club"
    assert interview.interviewer == ""
    assert [q.question for q in interview.questions][:2] == [
        "How did the club start?",
        "What was the hardest part of the first year?",
    ]
    assert all(q.asker == "" for q in interview.questions)
    assert [q.is_highlight for q in interview.questions] == [False, False, True, False]
    assert interview.date.isoformat() == "2022-09-14"


def test_bold_full_names_and_a_generic_interviewer_label():
    doc = parse_fixture("interview/bold_names_henrik.md")
    (interview,) = doc.interviews
    assert interview.interviewee == "Henrik Lund"
    assert interview.interviewer == ""
    assert len(interview.questions) == 4
    assert "- the number of left turns" in interview.questions[1].answer
    assert interview.date.isoformat() == "2023-03"
    assert doc.person.handles == ("henrik_lund",)


def test_name_dash_turns_without_front_matter():
    doc = parse_fixture("interview/dash_style_amara.md")
    assert doc.family == "interview"
    (interview,) = doc.interviews
    assert interview.title == "A conversation with Amara Osei"
    assert interview.interviewee == "Amara Osei"
    assert interview.interviewer == "Tom Reyes"
    assert interview.outlet == "Deep Blue Podcast"
    assert len(interview.questions) == 4
    assert interview.questions[1].answer.startswith("Warming water.")
