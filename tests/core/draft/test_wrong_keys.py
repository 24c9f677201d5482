"""Never a wrong answer key: one test for each kind of wrong key found on unseen articles, each
written from a sentence of the same shape (not the article's own)."""

from __future__ import annotations

from pathlib import Path

from quiz.core.draft import Draft, draft_article
from quiz.core.draft.common import fold
from quiz.core.text.article import Article, ArticleMeta, split_sentences

from .facts import answers


def drafted(text: str) -> list[Draft]:
    article = Article(Path("a.txt"), ArticleMeta(), split_sentences(text))
    return draft_article(article, 200).questions


def keyed(questions: list[Draft]) -> list[tuple[Draft, list[str]]]:
    return [(q, answers(q)) for q in questions if q.kind != "claim"]


def test_a_name_is_never_taken_out_of_a_possessive() -> None:
    questions = drafted(
        "The Treasury on Monday sanctioned Varga's nephew, Bence Varga, and a shipping agent, "
        "Imre Tóth, over fuel sales to Serbia.\n\n"
        "Economy Minister Márton Kiss said he had not been told. Bence Varga denied any wrongdoing."
    )
    for q, keys in keyed(questions):
        assert "Varga" not in keys, (q.prompt, keys)  # the uncle is not the one sanctioned
    targets = [q for q in questions if q.rule == "sanctions/targets"]
    assert targets, [q.prompt for q in questions]
    assert set(targets[0].answers) == {"Bence Varga", "Imre Tóth"}


def test_a_role_and_the_name_beside_it_are_one_actor() -> None:
    questions = drafted(
        "The ministry rejected the report on Tuesday.\n\n"
        "“Nothing in it stands up to a second reading,” said its spokesperson, Laura Finch. "
        "“We will publish our own figures.”\n\n"
        "Opposition leader Pieter de Wit called for an inquiry."
    )
    said = [q for q in questions if q.tag == "quotes"]
    assert said, [q.prompt for q in questions]
    for q in said:
        assert q.answer == "Laura Finch", (q.prompt, q.answer)
        assert not any("spokesperson" in o for o in q.options), q.options
    for q, keys in keyed(questions):
        assert not any("spokesperson" in fold(k) for k in keys), (q.prompt, keys)


def test_two_names_of_one_actor_are_never_both_offered() -> None:
    questions = drafted(
        "Daniel Pryce, the agency's spokesperson, said the checks would go on. "
        "“We have found nothing yet,” Pryce said.\n\n"
        "Inspector Maria Olsen led the team, and Judge Tom Reyes signed the warrant."
    )
    for q in questions:
        if q.kind in ("choice", "multi"):
            names = [fold(o) for o in q.options]
            assert not ("pryce" in names and "daniel pryce" in names), q.options
            assert not any("spokesperson" in n for n in names), q.options


def test_the_organisation_is_not_keyed_for_the_person_of_it() -> None:
    questions = drafted(
        "Energy analyst Kemal Aydın of the Ankara consultancy Enerji Analiz said prices would "
        "rise by the winter. Officials in Ankara did not comment on the forecast.\n\n"
        "“Stocks are lower than a year ago,” Aydın said in a note to clients."
    )
    said = [q for q in questions if q.tag == "quotes" or q.rule == "claims/attributed"]
    assert said, [q.prompt for q in questions]
    for q in said:
        text = q.answer or q.claim
        assert "Enerji Analiz" not in text, text
        assert "Aydın" in text, text


def test_a_title_is_never_fused_into_a_name() -> None:
    questions = drafted(
        "Deputy Secretary for Trade and Competition Nora Blake announced the review in Ottawa. "
        "Blake said the rules had not changed since 2019.\n\n"
        "Assistant Director of Public Prosecutions Omar Haddad will lead the case, "
        "officials said. Haddad joined the service in 2015."
    )
    for _q, keys in keyed(questions):
        for key in keys:
            assert not key.startswith(("Competition", "Public Prosecutions", "Prosecutions")), key
    for q in questions:
        for option in q.options:
            assert not option.startswith(("Competition ", "Prosecutions ")), q.options
    roles = {a for q in questions if q.rule == "actors/role" for a in answers(q)}
    assert roles & {"Nora Blake", "Omar Haddad"}, roles


def test_added_with_an_object_is_not_speech() -> None:
    questions = drafted(
        "The regulator added twelve of the same lenders to its watch list on Friday. "
        "Chief Executive Sara Lund added that the list would be reviewed in June 2027.\n\n"
        "Lenders on the list cannot take new deposits, said the banking union's head, Ulla Berg."
    )
    said = [q for q in questions if q.tag == "quotes"]
    for q in said:
        assert "twelve" not in q.prompt, q.prompt  # "added twelve lenders" says nothing
    assert any(q.answer == "Sara Lund" for q in said), [q.prompt for q in said]


def test_he_said_goes_to_the_one_person_named_just_before_and_else_is_left_out() -> None:
    one = drafted(
        "Harbour master Jonas Berg inspected the pier on Monday.\n\n"
        "“The timbers will not last another winter,” he said.\n\n"
        "Mayor Eva Dahl will visit the pier next week."
    )
    said = [q for q in one if q.tag == "quotes"]
    assert said and said[0].answer == "Jonas Berg", [q.prompt for q in one]
    two = drafted(
        "Harbour master Jonas Berg met engineer Petter Lie on the pier on Monday.\n\n"
        "“The timbers will not last another winter,” he said.\n\n"
        "Mayor Eva Dahl will visit the pier next week."
    )
    assert not [q for q in two if q.tag == "quotes" and "timbers" in q.prompt]


def test_a_distractor_never_stands_in_the_prompts_own_sentence() -> None:
    questions = drafted(
        "Mayor Ines Costa and councillor Rui Gomes opened the bridge in Porto on Monday. "
        "Engineer Lara Pinto said it had cost 40 million euros. "
        "Critic Hugo Neves said the bridge was late. Planner Ana Reis said it would carry "
        "20,000 cars a day."
    )
    for q in questions:
        if q.kind == "choice":
            said = fold(q.sentence.text)
            for option in q.options:
                if option != q.answer:
                    assert fold(option) not in said, (q.prompt, option)


def test_the_reporters_aside_is_not_given_to_the_speaker() -> None:
    questions = drafted(
        "Prime Minister Ana Brnabić said Belgrade would buy six more drones from China, in a "
        "move that could strain ties with Brussels. Economy Minister Siniša Mali said the deal "
        "was worth 40 million euros."
    )
    framed = [q for q in questions if q.rule == "claims/attributed" or q.rule == "quotes/reported"]
    assert framed, [q.prompt or q.claim for q in questions]
    for q in framed:
        assert "strain ties" not in (q.claim or q.prompt), q.claim or q.prompt


def test_a_surname_with_a_particle_is_never_cut_from_it() -> None:
    questions = drafted(
        "The airline said on Friday it would cut 300 jobs.\n\n"
        "Its chief executive, Anouk van Dijk, said the cuts would fall mostly on ground staff. "
        "“We had no other way to stay open,” van Dijk said.\n\n"
        "Union leader Tomas Berg called the cuts a betrayal."
    )
    said = [q for q in questions if q.tag == "quotes"]
    assert said, [q.prompt for q in questions]
    for q, keys in keyed(questions):
        assert "Dijk" not in keys, (q.prompt, keys)  # the surname is "van Dijk"
        assert "Dijk" not in q.options, (q.prompt, q.options)
    assert any({"van Dijk", "Anouk van Dijk"} & set(keys) for _, keys in keyed(said))
