"""Broken seeds: each gives a LedgerError naming file, line, record and field, and saying what
was expected and what was found; every problem is reported at once.

Each test breaks a copy of the seeds by replacing text in place, so the ledger keeps its line
numbers: the expected lines are those of seeds/ledger/000_a622ddb6cab2c3b2.yaml as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import SOURCE_ID

import analysis

if TYPE_CHECKING:
    from pathlib import Path

LEDGER = f"ledger/{SOURCE_ID}.yaml"
TEXT = f"sources/{SOURCE_ID}.txt"


def edit(seeds: Path, old: str, new: str, file: str = LEDGER) -> None:
    """Replace the one occurrence of ``old`` in a seeds file."""
    path = seeds / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(seeds: Path) -> tuple[list[analysis.Problem], str]:
    """The problems ``load`` reports for ``seeds`` and the error's text."""
    with pytest.raises(analysis.LedgerError) as info:
        analysis.load(seeds)
    return info.value.problems, str(info.value)


def only_problem(seeds: Path) -> tuple[analysis.Problem, str]:
    problems, message = problems_of(seeds)
    assert len(problems) == 1, message
    return problems[0], message


def line_at(seeds: Path, line: int, file: str = LEDGER) -> str:
    return (seeds / file).read_text(encoding="utf-8").splitlines()[line - 1]


# -- the broken ledgers of the acceptance list -------------------------------------------------


def test_missing_field_names_file_line_record_and_field(seeds_copy: Path) -> None:
    edit(seeds_copy, "    name: Pam Bondi\n", "")
    problem, message = only_problem(seeds_copy)
    assert problem.file == str(seeds_copy / LEDGER)
    assert (problem.line, problem.record, problem.field) == (65, "pam-bondi", "name")
    assert problem.message == "is required but missing"
    assert f"{seeds_copy / LEDGER}:65, record 'pam-bondi', field 'name': is required" in message


def test_wrong_type_says_what_was_expected_and_what_was_found(seeds_copy: Path) -> None:
    edit(seeds_copy, "people: 26", 'people: "26"')
    problem, message = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (117, "transfer-2025-08-12", "people")
    assert "valid integer" in problem.message
    assert "found '26' (str)" in problem.message
    assert "record 'transfer-2025-08-12', field 'people'" in message


def test_duplicate_id_names_both_places(seeds_copy: Path) -> None:
    # A second actor "mx" after the last actor (line 109), so it starts on line 110.
    edit(
        seeds_copy,
        "\nevents:\n",
        '  - id: mx\n    kind: country\n    name: Mexico\n    evidence: ["Mexico"]\n\nevents:\n',
    )
    problems, message = problems_of(seeds_copy)
    duplicates = [p for p in problems if p.field == "id"]
    assert len(duplicates) == 1, message
    problem = duplicates[0]
    assert (problem.line, problem.record) == (110, "mx")
    assert problem.message == f"duplicate id: already used at {seeds_copy / LEDGER}:12"
    assert "record 'mx', field 'id': duplicate id" in message


def test_unknown_speaker_is_reported_on_the_quote(seeds_copy: Path) -> None:
    edit(seeds_copy, "speaker: ronald-johnson", "speaker: ron-johnson")
    problem, message = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (
        269,
        "johnson-governments-united",
        "speaker",
    )
    assert problem.message == "expected the id of a known speaker, found 'ron-johnson'"
    assert "record 'johnson-governments-united', field 'speaker'" in message


def test_speaker_that_is_a_country_is_reported(seeds_copy: Path) -> None:
    edit(seeds_copy, "speaker: donald-trump", "speaker: us")
    problem, _ = only_problem(seeds_copy)
    assert (problem.record, problem.field) == ("trump-extraordinary-threat", "speaker")
    assert problem.message == (
        "expected speaker of kind person or organisation, found 'us' of kind 'country'"
    )


def test_evidence_not_in_the_source_is_reported_with_its_words(seeds_copy: Path) -> None:
    edit(seeds_copy, '["U.S. DEA agent Enrique Camarena"]', '["U.S. DEA agent Enrique Kamarena"]')
    problem, message = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (45, "dea", "evidence[0]")
    assert problem.message == (
        f"the words 'U.S. DEA agent Enrique Kamarena' are not in the source (source {SOURCE_ID})"
    )
    assert "record 'dea', field 'evidence[0]'" in message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-13", "'2025-13' is not a calendar date"),
        ("2025-02-30", "'2025-02-30' is not a calendar date"),
        ("February 2025", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found 'February 2025'"),
        ("2025/02", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '2025/02'"),
        ("[2025, 2]", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found [2025, 2]"),
    ],
)
def test_unparseable_date_names_the_record_and_what_was_found(
    seeds_copy: Path, written: str, expected: str
) -> None:
    edit(seeds_copy, "    date: 2025-02\n", f"    date: {written}\n")
    problem, message = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (170, "transfer-2025-02", "date")
    assert problem.message.startswith(expected)
    assert "record 'transfer-2025-02', field 'date'" in message


def test_ledger_that_is_not_utf8_names_the_file_line_and_byte(seeds_copy: Path) -> None:
    path = seeds_copy / LEDGER
    data = path.read_bytes()
    old = "    name: Mexico\u2019s National Security team\n".encode()  # line 36
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, b"    name: Mexico\xe2s National Security team\n"))
    problem, message = only_problem(seeds_copy)
    assert problem.file == str(path)
    assert problem.line == 36
    assert problem.message.startswith("is not UTF-8 text: byte 0xe2 at offset")
    assert message.splitlines()[1].startswith(f"  - {path}:36: is not UTF-8 text")


def test_source_text_that_is_not_utf8_is_reported_once(seeds_copy: Path) -> None:
    path = seeds_copy / TEXT
    path.write_bytes(path.read_bytes().replace("Sheriff\u2019s".encode(), b"Sheriff\x92s"))
    problem, _ = only_problem(seeds_copy)
    assert problem.file == str(path)
    assert problem.line == 2  # "Sheriff's" is in the second paragraph
    assert problem.message.startswith("is not UTF-8 text: byte 0x92")


@pytest.mark.parametrize(
    "content", ["", "\n  \n", "# facts to come\n"], ids=["empty", "blank", "comment"]
)
def test_empty_ledger_file_is_reported(seeds_copy: Path, content: str) -> None:
    path = seeds_copy / LEDGER
    path.write_text(content, encoding="utf-8")
    problem, message = only_problem(seeds_copy)
    assert problem.file == str(path)
    assert problem.message == "is empty: expected a YAML mapping"
    assert f"{path}: is empty" in message


def test_empty_source_text_is_reported_once(seeds_copy: Path) -> None:
    path = seeds_copy / TEXT
    path.write_text("", encoding="utf-8")
    problem, _ = only_problem(seeds_copy)
    assert problem.file == str(path)
    assert problem.message == "is empty: a source needs its text"


def test_ledger_that_is_a_list_says_a_mapping_was_expected(seeds_copy: Path) -> None:
    (seeds_copy / LEDGER).write_text("- mx\n- us\n", encoding="utf-8")
    problem, _ = only_problem(seeds_copy)
    assert problem.message == "expected a YAML mapping at the top, found list"


def test_invalid_yaml_gives_its_line(seeds_copy: Path) -> None:
    edit(seeds_copy, "    when: In February\n", "    when: [In February\n")
    problem, _ = only_problem(seeds_copy)
    assert problem.message.startswith("is not valid YAML")
    assert problem.line is not None
    assert 169 <= problem.line <= 172


# -- all problems at once ----------------------------------------------------------------------


def test_every_problem_of_every_file_is_reported_at_once(seeds_copy: Path) -> None:
    edit(seeds_copy, "    name: Pam Bondi\n", "")
    edit(seeds_copy, "people: 29", "peple: 29")
    edit(seeds_copy, "speaker: ronald-johnson", "speaker: ron-johnson")
    edit(seeds_copy, "    date: 2025-07\n", "    date: July\n")
    edit(seeds_copy, '["U.S. DEA agent Enrique Camarena"]', '["U.S. DEA agent Enrique Kamarena"]')
    (seeds_copy / "ledger" / "001_empty.yaml").write_text("", encoding="utf-8")
    problems, message = problems_of(seeds_copy)
    found = {(p.record, p.field) for p in problems}
    assert found == {
        ("pam-bondi", "name"),
        ("transfer-2025-02", "peple"),
        ("johnson-governments-united", "speaker"),
        ("tariff-exemption-extended-2025-07", "date"),
        ("dea", "evidence[0]"),
        (None, None),  # the empty file
    }
    assert message.startswith("6 problems in the seeds:\n")
    for record in ("pam-bondi", "transfer-2025-02", "johnson-governments-united", "dea"):
        assert f"record '{record}'" in message
    assert "001_empty.yaml: is empty" in message


def test_invalid_record_is_not_reported_again_where_it_is_referred_to(seeds_copy: Path) -> None:
    # transfer-2025-08-12 is referred to by 2 events, 2 quotes and 5 allegations.
    edit(seeds_copy, "people: 26", "people: twenty-six")
    problems, message = problems_of(seeds_copy)
    assert [(p.record, p.field) for p in problems] == [("transfer-2025-08-12", "people")], message


# -- hints -------------------------------------------------------------------------------------


def test_straight_apostrophe_where_the_source_has_a_curly_one_gives_a_hint(
    seeds_copy: Path,
) -> None:
    edit(
        seeds_copy,
        'evidence: ["We are grateful to Mexico\u2019s National Security team for their '
        'collaboration."]\n  - id: us-federal-courts',
        "evidence: [\"We are grateful to Mexico's National Security team for their "
        'collaboration."]\n  - id: us-federal-courts',
    )
    problem, _ = only_problem(seeds_copy)
    assert (problem.record, problem.field) == ("mx-national-security-team", "evidence[0]")
    assert "are not in the source verbatim" in problem.message
    assert "quotation marks, apostrophes and spaces are normalised" in problem.message
    assert "(e.g. \u2019 rather than ')" in problem.message


def test_words_not_in_the_source_at_all_give_no_quote_mark_hint(seeds_copy: Path) -> None:
    edit(
        seeds_copy,
        '["Attorney General Pam Bondi said", "Under',
        '["Attorney General Pam Bondi says", "Under',
    )
    problem, _ = only_problem(seeds_copy)
    assert (problem.record, problem.field) == ("pam-bondi", "evidence[0]")
    assert "verbatim" not in problem.message


def test_evidence_found_twice_asks_for_more_words(seeds_copy: Path) -> None:
    # "Trump administration" is in the lead sentence and in Bondi's quote.
    edit(
        seeds_copy,
        'evidence: ["in a coordinated deal with the Trump administration"]\n  - id: mx-national',
        'evidence: ["Trump administration"]\n  - id: mx-national',
    )
    problem, _ = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (
        29,
        "trump-administration",
        "evidence[0]",
    )
    assert "the words 'Trump administration' occur 2 times in the source" in problem.message
    assert "quote more of the sentence" in problem.message


def test_typo_in_a_field_name_is_an_unknown_field_naming_the_known_ones(seeds_copy: Path) -> None:
    edit(seeds_copy, "people: 26", "peple: 26")
    problem, message = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (117, "transfer-2025-08-12", "peple")
    assert problem.message.startswith("is not a known field (known fields: id, kind, title, ")
    assert ", people, " in problem.message
    assert "field 'peple': is not a known field" in message


def test_typo_in_a_role_field_names_the_role_fields_and_the_role_line(seeds_copy: Path) -> None:
    edit(
        seeds_copy,
        "      - actor: ronald-johnson\n        role: speaker\n",
        "      - actor: ronald-johnson\n        rol: speaker\n",
    )
    problems, message = problems_of(seeds_copy)
    found = {(p.line, p.record, p.field, p.message) for p in problems}
    assert found == {
        (135, "transfer-2025-08-12", "actors[4].role", "is required but missing"),
        (
            136,
            "transfer-2025-08-12",
            "actors[4].rol",
            "is not a known field (known fields: actor, role, evidence)",
        ),
    }, message


def test_unknown_top_level_key_is_reported(seeds_copy: Path) -> None:
    edit(seeds_copy, "\nquotes:\n", "\nquote:\n")
    problem, _ = only_problem(seeds_copy)
    assert (problem.line, problem.field) == (258, "quote")
    assert problem.message == (
        "is not a known top-level key "
        "(expected source, status, actors, events, quotes, allegations, supports, claims)"
    )


def test_value_outside_the_vocabulary_lists_the_allowed_values(seeds_copy: Path) -> None:
    edit(seeds_copy, "    kind: tariff threat\n", "    kind: tarif threat\n")
    problem, _ = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (229, "tariff-threat-2025", "kind")
    assert "'tariff threat'" in problem.message
    assert "found 'tarif threat' (str)" in problem.message


# -- references to the wrong kind of actor -----------------------------------------------------


def test_country_that_is_an_organisation_is_reported(seeds_copy: Path) -> None:
    edit(
        seeds_copy,
        "    organisation: us-doj\n    country: us\n",
        "    organisation: us-doj\n    country: us-doj\n",
    )
    problem, message = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (65, "pam-bondi", "country")
    assert problem.message == (
        "expected actor of kind country, found 'us-doj' of kind 'organisation'"
    )
    assert "record 'pam-bondi', field 'country'" in message


def test_transfer_destination_that_is_an_organisation_is_reported(seeds_copy: Path) -> None:
    edit(
        seeds_copy,
        "    people: 29\n    mechanism: extradited\n    origin: mx\n    destination: us\n",
        "    people: 29\n    mechanism: extradited\n    origin: mx\n    destination: dea\n",
    )
    problem, _ = only_problem(seeds_copy)
    assert (problem.line, problem.record, problem.field) == (166, "transfer-2025-02", "destination")
    assert problem.message == "expected actor of kind country, found 'dea' of kind 'organisation'"


def test_transfer_without_a_number_of_people_is_reported(seeds_copy: Path) -> None:
    edit(seeds_copy, "    people: 29\n", "")
    problem, _ = only_problem(seeds_copy)
    assert (problem.record, problem.field) == ("transfer-2025-02", "people")
    assert problem.message == "a transfer needs the number of people transferred"


def test_support_for_an_unknown_fact_is_reported(seeds_copy: Path) -> None:
    (seeds_copy / "ledger" / "001_support.yaml").write_text(
        f'source: {SOURCE_ID}\nsupports:\n  - fact: transfer-2024\n    evidence: ["In February"]\n',
        encoding="utf-8",
    )
    problem, _ = only_problem(seeds_copy)
    assert problem.file == str(seeds_copy / "ledger" / "001_support.yaml")
    assert (problem.line, problem.record, problem.field) == (3, "supports transfer-2024", "fact")
    assert (
        problem.message == "expected the id of a fact recorded in a ledger, found 'transfer-2024'"
    )


def test_ledger_naming_an_unknown_source_is_reported(seeds_copy: Path) -> None:
    (seeds_copy / "ledger" / "001_other.yaml").write_text(
        "source: 999_missing\nsupports:\n  - fact: mx\n    evidence: [Mexico]\n",
        encoding="utf-8",
    )
    problems, message = problems_of(seeds_copy)
    found = {(p.field, p.message) for p in problems}
    assert (
        "source",
        "expected the id of a source in seeds/sources/, found '999_missing'",
    ) in found, message


# -- line numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "expected_text"),
    [
        ("    title: drug lord\n", "    title: 7\n", 77, "    title: 7"),
        ("people: 26", "peple: 26", 117, "    peple: 26"),
        ("speaker: donald-trump", "speaker: trump", 296, "  - id: trump-extraordinary-threat"),
        ("    charge: kidnapping\n", "    charge: kidnaping\n", 322, "    charge: kidnaping"),
        (
            "    crime: killing-of-enrique-camarena\n",
            "    crime: killing-of-camarena\n",
            332,
            "  - id: rafael-caro-quintero/killing-of-enrique-camarena",
        ),
    ],
    ids=["actor-title", "event-field", "quote-record", "allegation-field", "allegation-record"],
)
def test_line_numbers_point_at_the_right_line_of_the_yaml(
    seeds_copy: Path, old: str, new: str, line: int, expected_text: str
) -> None:
    edit(seeds_copy, old, new)
    problem, message = only_problem(seeds_copy)
    assert problem.line == line, message
    assert line_at(seeds_copy, problem.line) == expected_text
    assert f"{LEDGER}:{line}," in message


# -- YAML that would pass silently, or take unbounded time --------------------------------------


def test_a_key_written_twice_in_a_record_is_refused_naming_both_lines(seeds_copy: Path) -> None:
    # YAML keeps the last value: "people: 27" would publish 27 with evidence saying 26.
    edit(seeds_copy, "    people: 26\n", "    people: 26\n    people: 27\n")
    problems, message = problems_of(seeds_copy)
    dupes = [p for p in problems if "written twice" in p.message]
    assert len(dupes) == 1, message
    assert (dupes[0].file, dupes[0].line, dupes[0].field) == (
        str(seeds_copy / LEDGER),
        118,
        "people",
    )
    assert "first on line 117" in dupes[0].message


def test_a_section_written_twice_is_refused(seeds_copy: Path) -> None:
    path = seeds_copy / LEDGER
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nallegations: []\n", encoding="utf-8")
    problems, message = problems_of(seeds_copy)
    assert [p.field for p in problems] == ["allegations"], message
    assert "written twice" in problems[0].message


def test_a_ledger_of_nested_aliases_is_refused_quickly(seeds_copy: Path) -> None:
    # 537 bytes of aliases that expand to billions of strings (a "billion laughs").
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 12) + "]")
    (seeds_copy / "ledger" / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems, message = problems_of(seeds_copy)
    bomb = [p for p in problems if p.file.endswith("bomb.yaml")]
    assert len(bomb) == 1, message
    assert "more than 100 aliases" in bomb[0].message


def test_deeply_nested_yaml_is_one_problem_not_a_recursion_error(seeds_copy: Path) -> None:
    (seeds_copy / "ledger" / "deep.yaml").write_text("[" * 5000 + "]" * 5000 + "\n")
    problems, message = problems_of(seeds_copy)
    assert len(problems) == 1, message
    assert problems[0].file.endswith("deep.yaml")
    assert "nests deeper than 40 levels" in problems[0].message


# -- one cause, one problem ----------------------------------------------------------------------


def test_a_missing_source_text_is_one_problem_not_one_per_citation(seeds_copy: Path) -> None:
    (seeds_copy / TEXT).unlink()
    problems, message = problems_of(seeds_copy)
    assert len(problems) == 1, message
    assert problems[0].message == f"its text {SOURCE_ID}.txt is missing"


def test_a_duplicate_id_is_one_problem_not_a_wrong_kind_at_every_reference(
    seeds_copy: Path,
) -> None:
    # The United States' id given to Pam Bondi as well: references to `us` still mean the
    # country, the first record of that id.
    edit(seeds_copy, "  - id: pam-bondi\n", "  - id: us\n")
    problems, message = problems_of(seeds_copy)
    assert [p.field for p in problems if "duplicate id" in p.message] == ["id"], message
    assert not [p for p in problems if "of kind" in p.message], message
