"""Where keys stand in a bank file (quiz.core.tomlfile.lines.scan), and the Problem type."""

from quiz.core.errors import Problem, QuizError
from quiz.core.tomlfile.lines import scan

BANK = '''\
# A comment [with a bracket
[ bank ]
id = "t"
title = "Title [b]"

[[questions]]
id = "q1"
options = [
  "a",
  "b",
]
answer = "a"

[questions.feedback]
"a" = "Yes."
b = "No."

[[ questions ]]
id = "q2"
explanation = """Line one
id = "not a key"
[[questions]]
"""
prompt = 'literal [ string'
"quoted key" = 1
'''


def test_scan_tables_and_keys() -> None:
    found = scan(BANK)
    assert found.bank.header == 2
    assert found.bank.keys == {"id": 3, "title": 4}
    assert len(found.questions) == 2
    first, second = found.questions
    assert first.header == 6
    assert first.keys == {
        "id": 7,
        "options": 8,
        "options.0": 9,
        "options.1": 10,
        "answer": 12,
        "feedback": 14,
        "feedback.a": 15,
        "feedback.b": 16,
    }
    assert second.header == 18
    assert second.keys == {"id": 19, "explanation": 20, "prompt": 24, "quoted key": 25}


def test_scan_top_level_keys_and_single_tables() -> None:
    found = scan('title = "x"\n[bank]\nid = "t"\n\n[questions]\nid = "q1"\n[extra.sub]\na = 1\n')
    assert found.top.keys == {"title": 1, "questions": 5, "extra": 7}
    assert found.headers == {"questions": "[questions]", "extra": "[extra.sub]"}
    assert found.questions == []
    assert found.bank.keys == {"id": 3}


def test_scan_notes_other_array_headers_as_written() -> None:
    found = scan('[bank]\nid = "t"\n\n[[questions]]\nid = "q1"\n\n[[question]]\nid = "q2"\n')
    assert found.top.keys == {"question": 7}
    assert found.headers == {"question": "[[question]]"}
    assert len(found.questions) == 1


def test_line_falls_back_to_header_then_line_1() -> None:
    found = scan(BANK)
    assert found.questions[1].line("points") == 18
    assert found.questions[1].line(None) == 18
    assert found.question(5).line("id") == 1
    assert scan("").bank.line("id") == 1


def test_a_sub_key_falls_back_to_its_key() -> None:
    found = scan('[[questions]]\nid = "q"\nfeedback = { "a" = "x" }\nfeedback."b" = "y"\n')
    (question,) = found.questions
    assert question.line("feedback.a") == 3
    assert question.line("feedback.b") == 4
    assert question.line("feedback.c") == 3
    assert question.line("points.x") == 1


def test_crlf_text() -> None:
    found = scan(BANK.replace("\n", "\r\n"))
    assert found.bank.keys == {"id": 3, "title": 4}
    assert found.questions[0].keys["answer"] == 12


def test_problem_text_and_strict() -> None:
    problem = Problem("bank.toml", 7, "warning", "no explanation")
    assert str(problem) == "bank.toml:7: warning: no explanation"
    assert problem.as_error() == Problem("bank.toml", 7, "error", "no explanation")
    assert str(QuizError("x.toml: broken", (problem,))) == "x.toml: broken"
    assert QuizError("m", (problem,)).problems == (problem,)
