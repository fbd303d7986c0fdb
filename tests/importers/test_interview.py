import pytest

from importers.parse.families import PARSERS
from importers.parse.transcripts.parser import interviewee_from_title, looks_like_transcript
from tests.importers.helpers import FIXTURES, parse_fixture


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


def test_q_period_and_a_period_turns():
    doc = parse_fixture("interview/qa_period_liesl.md")
    assert doc.family == "interview"
    (interview,) = doc.interviews
    assert interview.title == "In Conversation with Dr. Liesl Okonjo-Marsh"
    assert interview.interviewee == "Liesl Okonjo-Marsh" == doc.person.name
    assert len(interview.questions) == 7
    assert interview.questions[0].question == "What first drew you to kelp?"
    assert interview.questions[1].answer.endswith("knows what is happening.")
    assert "1. Learn to dive properly" in interview.questions[3].answer
    assert all(q.asker == "" for q in interview.questions)


def test_initials_with_a_full_stop_are_not_turns():
    body = "\n\n".join(
        ["A. Lindqvist and Q. Zhang. Kelp recovery. 2021.", "A. Lindqvist. Urchins. 2022."] * 3
    )
    assert not looks_like_transcript(body)


def test_full_name_before_on_in_the_title():
    doc = parse_fixture("interview/name_on_topic_bettina.md")
    (interview,) = doc.interviews
    assert interview.interviewee == "Bettina Kowalczyk" == doc.person.name
    assert len(interview.questions) == 5


def test_a_topic_before_on_in_the_title_is_not_a_name():
    title = "Machine Learning on the Edge"
    assert interviewee_from_title(title, "Host: What is on the edge?\n\nAna: Devices.") == ("", "")


def test_title_full_name_wins_over_a_first_name_label():
    doc = parse_fixture("interview/first_name_labels_ruth.md")
    (interview,) = doc.interviews
    assert interview.interviewee == "Ruth Abernathy-Kole" == doc.person.name
    # The labels say "Owen"; the post's author, in its front matter, is the full name.
    assert interview.interviewer == "Owen Marsh"
    assert len(interview.questions) == 6


def test_n_questions_for_title():
    doc = parse_fixture("interview/questions_for_tomas.md")
    (interview,) = doc.interviews
    assert interview.interviewee == "Tomás Ferreira-Lund" == doc.person.name
    assert interview.interviewer == "Nell Abara"  # the front matter's author


@pytest.mark.parametrize(
    "relative, last_words",
    [
        ("interview/name_on_topic_bettina.md", "first Saturday of each month.*"),
        ("interview/first_name_labels_ruth.md", "bread list there on Thursdays."),
        ("interview/questions_for_tomas.md", "than any of them alone."),
    ],
)
def test_share_widgets_after_the_last_answer_are_dropped(relative, last_words):
    (interview,) = parse_fixture(relative).interviews
    # The page ends with the last answer, or with its closing words.
    assert (interview.outro or interview.questions[-1].answer).endswith(last_words)
    for residue in ("Facebook", "Twitter", "LinkedIn", "Share", "Like", "Loading", "Related"):
        assert residue not in interview.questions[-1].answer
        assert residue not in interview.outro


def test_comment_form_after_the_last_answer_is_dropped():
    text = (FIXTURES / "interview/questions_for_tomas.md").read_text(encoding="utf-8")
    text += (
        "\nShare this:\n\nClick to share on Facebook (Opens in new window)\n\n"
        "Leave a Reply Cancel reply\n\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        "Loading...\n"
    )
    (interview,) = PARSERS["interview"](text).interviews
    assert interview.questions[-1].answer.endswith("than any of them alone.")


def test_a_blogs_related_posts_after_the_share_buttons_are_dropped():
    text = (FIXTURES / "interview/questions_for_tomas.md").read_text(encoding="utf-8")
    text += (
        "\nShare this:\n\nTwitter\nFacebook\n\nLike this:\n\nLike Loading...\n\nRelated\n\n"
        "Interview with Ama Boateng, Data Lead at Example Health\nJune 2, 2022\n"
        'In "Interviews"\n'
    )
    (interview,) = PARSERS["interview"](text).interviews
    assert interview.questions[-1].answer.endswith("than any of them alone.")
    assert "Ama Boateng" not in interview.questions[-1].answer + interview.outro


def test_platform_names_inside_the_transcript_are_kept():
    doc = parse_fixture("interview/name_on_topic_bettina.md")
    assert doc.interviews[0].questions[1].answer == "Facebook"
    text = (FIXTURES / "interview/questions_for_tomas.md").read_text(encoding="utf-8")
    text = text.replace("Like this:\n\nLike Loading...\n\nRelated\n", "")
    text = text.replace("them alone.", "them alone. Where do I post about it?\n\nTwitter\n")
    (interview,) = PARSERS["interview"](text).interviews
    assert interview.questions[-1].answer.endswith("Where do I post about it?\n\nTwitter")


def test_words_after_a_rule_below_the_last_answer_close_the_interview():
    doc = parse_fixture("interview/closing_words_noor.md")
    (interview,) = doc.interviews
    assert interview.questions[-1].answer == "The maps. Nobody could read the old ones at 3am."
    assert interview.outro == "*The Long Commute is produced by Ines Batra. Music by Cal Okafor.*"


def test_accented_speaker_labels_editor_notes_and_the_interviewer_named_in_the_intro():
    doc = parse_fixture("interview/in_conversation_olof.md")
    assert doc.family == "interview"
    assert doc.person.name == "Ólöf Sigurðardóttir"
    assert doc.person.headline == "Head of Data at Example Geo"
    (interview,) = doc.interviews
    assert interview.interviewer == "Tomás Reyes"
    assert [q.question for q in interview.questions] == [
        "How did you end up in data?",
        "What keeps you going?",
        "What is next?",
    ]
    # "Note:" lines are asides, not a speaker; they stay where they were written.
    assert "condensed and edited" in interview.intro
    assert "now open source" in interview.questions[0].answer
    # "Powered by ..." in an answer is the person's words, not a share widget.
    assert "Powered by coffee and stubbornness." in interview.questions[1].answer
    # A quoted line that repeats no answer is part of the answer, where it was said.
    last = interview.questions[2].answer
    assert last.index("used to say:") < last.index("“Measure the island twice, drill once.”")
    assert last.endswith("She was right.")
    assert not interview.highlights


def test_a_headline_title_names_the_person_its_turns_call_by_first_name():
    doc = parse_fixture("interview/headline_title_adjoa.md")
    assert doc.person.name == "Adjoa Mensah"
    (interview,) = doc.interviews
    assert [q.asker for q in interview.questions] == ["Hannah", "Hannah"]
    assert interview.questions[1].answer == "Publish earlier. Waiting for perfect cost us a year."
