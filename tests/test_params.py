"""Every rule of report parameters (analysis.render.params) and of what a command asks to render
(analysis.render.plan), on Parameter objects built here: no notebook, no kernel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analysis.errors import ParameterError
from analysis.render.catalog import ReportSpec
from analysis.render.params import (
    Parameter,
    Term,
    check_vocabulary,
    coerce,
    output_stem,
    parse_assignments,
    resolve,
    vocabularies,
)
from analysis.render.plan import check_values, plan, read_params_file

START = Parameter("start", "str", "", "first day, YYYY-MM-DD (empty: no limit)")
END = Parameter("end", "str", "", "last day, YYYY-MM-DD (empty: no limit)")
COUNTRIES = Parameter("countries", "list", [], "countries to show")
TITLE = Parameter("title", "str", "Policy", "the page's title")
CANDIDATES = Parameter("include_candidates", "bool", False, "show draft facts")
TOP = Parameter("top", "int", 10, "how many speakers")
SCALE = Parameter("scale", "float", 1.0, "bar width")

POLICY = {p.name: p for p in (START, END, COUNTRIES, TITLE, CANDIDATES)}


def _spec(name: str, *params: Parameter, vocabularies: dict[str, str] | None = None) -> ReportSpec:
    return ReportSpec(
        name=name,
        notebook=Path(f"{name}.ipynb"),
        title=name.title(),
        about="a report",
        parameters={p.name: p for p in params},
        sha256="0" * 64,
        vocabularies=vocabularies or {},
    )


SPECS = {
    "policy": _spec(
        "policy", START, END, COUNTRIES, TITLE, CANDIDATES, vocabularies={"countries": "countries"}
    ),
    "sources": _spec("sources", TITLE, CANDIDATES),
}


def _error(call: Any, *args: Any) -> str:
    with pytest.raises(ParameterError) as raised:
        call(*args)
    return str(raised.value)


# -- unknown names ------------------------------------------------------------------------------


def test_an_unknown_name_close_to_a_declared_one_is_suggested() -> None:
    msg = _error(resolve, "policy", POLICY, {"contries": "Mexico"})
    assert "report 'policy'" in msg
    assert "unknown parameter 'contries'" in msg
    assert "did you mean 'countries'?" in msg
    assert "its parameters are: start, end, countries, title, include_candidates" in msg


def test_an_unknown_name_close_to_none_gets_no_suggestion_but_the_list() -> None:
    msg = _error(resolve, "policy", POLICY, {"colour": "red"})
    assert "unknown parameter 'colour'" in msg
    assert "did you mean" not in msg
    assert "its parameters are: start, end, countries, title, include_candidates" in msg


def test_a_suggestion_ignores_case() -> None:
    assert "did you mean 'countries'?" in _error(resolve, "policy", POLICY, {"COUNTRIES": "mx"})


def test_resolve_gives_the_defaults_overridden_by_what_is_given() -> None:
    assert resolve("policy", POLICY, {"start": "2025-06-01", "countries": "Mexico"}) == {
        "start": "2025-06-01",
        "end": "",
        "countries": ["Mexico"],
        "title": "Policy",
        "include_candidates": False,
    }


# -- types --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("param", "value", "allowed"),
    [
        (TOP, "ten", "expects a whole number, got 'ten'"),
        (TOP, "1.5", "expects a whole number, got '1.5'"),
        (SCALE, "wide", "expects a number, got 'wide'"),
        (CANDIDATES, "maybe", "expects true or false, got 'maybe'"),
    ],
)
def test_text_that_is_not_of_the_type_says_what_is_allowed(
    param: Parameter, value: str, allowed: str
) -> None:
    msg = _error(coerce, param, value, "policy")
    assert f"report 'policy': parameter {param.name!r} {allowed}" == msg


@pytest.mark.parametrize(
    ("param", "value", "shown"),
    [
        (TOP, 1.5, "expects int, got 1.5 (float)"),
        (TOP, True, "expects int, got True (bool)"),
        (SCALE, True, "expects float, got True (bool)"),
        (SCALE, [1], "expects float, got [1] (list)"),
        (CANDIDATES, 1, "expects bool, got 1 (int)"),
        (COUNTRIES, 5, "expects list, got 5 (int)"),
        (COUNTRIES, ["Mexico", {"a": 1}], "expects list, got ['Mexico', {'a': 1}] (list)"),
        (TITLE, 5, "expects str, got 5 (int)"),
    ],
)
def test_a_value_of_the_wrong_type_names_the_parameter_the_value_and_the_type(
    param: Parameter, value: Any, shown: str
) -> None:
    msg = _error(coerce, param, value, "policy")
    assert msg == f"report 'policy': parameter {param.name!r} {shown}"


def test_int_and_float_from_text() -> None:
    assert coerce(TOP, "12", "r") == 12
    assert coerce(SCALE, "2.5", "r") == 2.5


def test_float_accepts_an_int_as_a_float_but_not_a_bool() -> None:
    value = coerce(SCALE, 2, "r")
    assert value == 2.0
    assert type(value) is float
    with pytest.raises(ParameterError, match=r"'scale' expects float, got False \(bool\)"):
        coerce(SCALE, False, "r")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("yes", True),
        ("1", True),
        ("TRUE", True),
        (" Yes ", True),
        ("false", False),
        ("no", False),
        ("0", False),
        ("False", False),
    ],
)
def test_bool_from_text(text: str, expected: bool) -> None:
    assert coerce(CANDIDATES, text, "r") is expected


def test_bool_from_text_refuses_anything_else() -> None:
    for text in ("2", "on", "", "truthy"):
        msg = _error(coerce, CANDIDATES, text, "r")
        assert f"'include_candidates' expects true or false, got {text!r}" in msg


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mexico", ["Mexico"]),
        ("Mexico,us", ["Mexico", "us"]),
        (" Mexico , United States ,", ["Mexico", "United States"]),
        ("", []),
        ("[Mexico, United States]", ["Mexico", "United States"]),
        ('["Mexico", "us"]', ["Mexico", "us"]),
        ("[]", []),
        ("[1, 2.5]", [1, 2.5]),
    ],
)
def test_list_from_comma_text_or_a_list_literal(text: str, expected: list[Any]) -> None:
    assert coerce(COUNTRIES, text, "r") == expected


def test_a_list_from_python_is_kept() -> None:
    assert coerce(COUNTRIES, ["Mexico", "us"], "r") == ["Mexico", "us"]


@pytest.mark.parametrize("text", ["[Mexico, us", '["Mexico", "us"', "[a]]", "[a] b"])
def test_a_malformed_list_literal_says_what_a_list_looks_like(text: str) -> None:
    msg = _error(coerce, COUNTRIES, text, "policy")
    assert msg == (
        "report 'policy': parameter 'countries' expects a comma-separated list or a list like "
        f'[a, b] or ["a", "b"], got {text!r}'
    )


def test_a_list_literal_of_mappings_is_refused() -> None:
    msg = _error(coerce, COUNTRIES, "[{a: 1}]", "policy")
    assert msg == "report 'policy': parameter 'countries' expects list, got [{'a': 1}] (list)"


# -- dates --------------------------------------------------------------------------------------


def test_a_str_parameter_whose_help_says_yyyy_mm_dd_is_a_date() -> None:
    assert START.is_date
    assert not TITLE.is_date
    assert not Parameter("n", "int", 0, "YYYY-MM-DD").is_date


@pytest.mark.parametrize(
    "text", ["2025/06/01", "2025-6-1", "June 2025", "2025-06-01T00:00", "25-06-01"]
)
def test_a_date_not_written_yyyy_mm_dd_is_refused(text: str) -> None:
    msg = _error(coerce, START, text, "policy")
    assert msg == (
        f"report 'policy': parameter 'start' must be a date as YYYY-MM-DD (or empty), got {text!r}"
    )


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "2023-02-29"])
def test_a_date_that_is_not_on_the_calendar_is_refused(text: str) -> None:
    msg = _error(coerce, END, text, "policy")
    assert f"report 'policy': parameter 'end' is not a calendar date: {text!r}" in msg


def test_an_empty_date_and_a_real_date_are_allowed() -> None:
    assert coerce(START, "", "r") == ""
    assert coerce(START, "2024-02-29", "r") == "2024-02-29"


def test_a_str_parameter_that_is_not_a_date_takes_any_text() -> None:
    assert coerce(TITLE, "2025/06/01", "r") == "2025/06/01"


# -- date ranges --------------------------------------------------------------------------------


def test_a_range_whose_start_is_after_its_end_is_refused_naming_both() -> None:
    msg = _error(resolve, "policy", POLICY, {"start": "2025-09-01", "end": "2025-08-01"})
    assert msg == (
        "report 'policy': start '2025-09-01' is after end '2025-08-01', so the range holds no "
        "day; give a start on or before the end (or leave one empty for an open range)"
    )


@pytest.mark.parametrize(
    "given",
    [
        {"start": "2025-08-01", "end": "2025-08-01"},  # one day
        {"start": "2025-08-01", "end": "2025-09-01"},
        {"start": "2025-09-01"},  # open at the end
        {"end": "2025-08-01"},  # open at the start
    ],
)
def test_a_range_of_one_day_or_more_or_open_is_allowed(given: dict[str, str]) -> None:
    assert resolve("policy", POLICY, given) == {
        **{name: p.default for name, p in POLICY.items()},
        **given,
    }


def test_the_range_rule_holds_only_for_start_and_end_dates() -> None:
    not_dates = {p.name: p for p in (Parameter("start", "str", "", "a"), END)}
    assert resolve("r", not_dates, {"start": "z", "end": "2025-08-01"})["start"] == "z"
    only_start = {"start": START, "title": TITLE}
    assert resolve("r", only_start, {"start": "2025-09-01", "title": "2025-08-01"})


def test_a_reversed_range_for_the_suite_is_refused_before_anything_renders() -> None:
    msg = _error(lambda: plan(SPECS, (), {"start": "2025-09-01", "end": "2025-08-01"}))
    assert "report 'policy': start '2025-09-01' is after end '2025-08-01'" in msg


def test_a_reversed_range_in_a_params_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("policy:\n  - {}\n  - {start: 2025-09-01, end: 2025-08-01}\n", encoding="utf-8")
    msg = _error(lambda: plan(SPECS, (), None, read_params_file(path)))
    assert "report 'policy': start '2025-09-01' is after end '2025-08-01'" in msg


# -- vocabularies: a value that names nothing of the ledger -------------------------------------

#: The countries of a ledger: two reviewed, one only in a draft of `analysis ingest`.
TERMS = [
    Term(("Mexico", "mx")),
    Term(("United States", "us")),
    Term(("Canada", "ca"), candidate=True),
]
ALLOWED = "the allowed values are the countries of the ledger, by name or id in any case: "


def test_a_country_that_is_not_in_the_ledger_is_refused_with_the_closest_and_the_allowed() -> None:
    msg = _error(check_vocabulary, "policy", "countries", ["Mexcio"], "countries", TERMS)
    assert msg == (
        "report 'policy': parameter 'countries': unknown value 'Mexcio' (did you mean 'Mexico'?), "
        f"which would select nothing; {ALLOWED}Mexico (mx), United States (us)"
    )


def test_each_unknown_value_is_named_with_its_own_suggestion() -> None:
    msg = _error(check_vocabulary, "policy", "countries", ["USA", "mx", "zz"], "countries", TERMS)
    assert msg.startswith(
        "report 'policy': parameter 'countries': unknown value 'USA' (did you mean 'us'?); "
        "unknown value 'zz', which would select nothing; "
    )


@pytest.mark.parametrize(
    "value", [["Mexico"], ["mexico", " US "], ["MX", "united states"], [], "", "us"]
)
def test_a_name_or_id_in_any_case_or_nothing_is_allowed(value: object) -> None:
    check_vocabulary("policy", "countries", value, "countries", TERMS)


def test_a_country_only_drafts_hold_needs_include_candidates() -> None:
    msg = _error(check_vocabulary, "policy", "countries", ["Canada"], "countries", TERMS)
    assert msg == (
        "report 'policy': parameter 'countries': 'Canada' is only in unreviewed drafts "
        "(set include_candidates=true to show it), which would select nothing; "
        f"{ALLOWED}Mexico (mx), United States (us)"
    )
    check_vocabulary("policy", "countries", ["ca"], "countries", TERMS, include_candidates=True)


def test_with_include_candidates_the_drafted_countries_are_listed_as_unreviewed() -> None:
    msg = _error(
        lambda: check_vocabulary(
            "policy", "countries", ["Kanada"], "countries", TERMS, include_candidates=True
        )
    )
    assert "unknown value 'Kanada' (did you mean 'Canada'?)" in msg
    assert msg.endswith(f"{ALLOWED}Mexico (mx), United States (us), Canada (ca) (unreviewed)")


def test_a_term_is_shown_by_its_first_spelling_and_the_others_that_differ() -> None:
    assert Term(("Mexico", "mx")).label == "Mexico (mx)"
    assert Term(("Mexico", "mexico")).label == "Mexico"
    assert Term(("Mexico",)).label == "Mexico"


class _Loader:
    """A stand-in for loading the ledger: counts its calls; its countries are TERMS."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Any:
        self.calls += 1
        return _FakeLedger()


class _FakeLedger:
    """What the `countries` vocabulary reads: ``actors`` as a Polars frame."""

    @property
    def actors(self) -> Any:
        import polars as pl  # noqa: PLC0415

        return pl.DataFrame(
            {
                "actor_id": ["mx", "us", "ca", "us-doj"],
                "name": ["Mexico", "United States", "Canada", "U.S. Department of Justice"],
                "kind": ["country", "country", "country", "organisation"],
                "status": ["reviewed", "reviewed", "candidate", "reviewed"],
            }
        )


@pytest.mark.parametrize(
    "overrides",
    [None, {"start": "2025-06-01"}, {"countries": ""}, {"countries": "[]"}, {"title": "Mexcio"}],
)
def test_the_ledger_is_not_loaded_unless_a_value_with_a_vocabulary_is_set(
    overrides: dict[str, str] | None,
) -> None:
    loader = _Loader()
    plan(SPECS, (), overrides, ledger=loader)
    assert loader.calls == 0


def test_the_ledger_is_loaded_once_for_every_parameter_set_that_names_a_country() -> None:
    loader = _Loader()
    sets = {"policy": [{"countries": ["Mexico"]}, {"countries": ["us"]}, {}]}
    jobs = plan(SPECS, (), None, sets, ledger=loader)
    assert [j.stem for j in jobs] == ["policy--countries-mexico", "policy--countries-us", "policy"]
    assert loader.calls == 1


def test_a_misspelled_country_for_the_suite_is_refused_by_the_report_that_has_countries() -> None:
    msg = _error(lambda: plan(SPECS, (), {"countries": "Mexcio"}, ledger=_Loader()))
    assert msg.startswith(
        "report 'policy': parameter 'countries': unknown value 'Mexcio' (did you mean 'Mexico'?)"
    )


def test_a_misspelled_country_in_a_params_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("policy:\n  - countries: [Mexico]\n  - countries: [Mexcio]\n", encoding="utf-8")
    msg = _error(lambda: plan(SPECS, (), None, read_params_file(path), ledger=_Loader()))
    assert "unknown value 'Mexcio' (did you mean 'Mexico'?)" in msg


def test_a_drafted_country_is_allowed_in_a_render_that_includes_candidates() -> None:
    loader = _Loader()
    msg = _error(lambda: plan(SPECS, ["policy"], {"countries": "ca"}, ledger=loader))
    assert "'ca' is only in unreviewed drafts (set include_candidates=true to show it)" in msg
    given = {"countries": "ca", "include_candidates": "true"}
    assert plan(SPECS, ["policy"], given, ledger=loader)[0].parameters["countries"] == ["ca"]


def test_check_values_skips_a_value_equal_to_its_default() -> None:
    spec = _spec(
        "policy",
        Parameter("countries", "list", ["Atlantis"], "countries"),
        vocabularies={"countries": "countries"},
    )
    loader = _Loader()
    check_values(plan({"policy": spec}), loader)
    assert loader.calls == 0


def test_countries_take_the_countries_vocabulary_by_default() -> None:
    assert vocabularies(Path("p.ipynb"), POLICY) == {"countries": "countries"}
    assert vocabularies(Path("s.ipynb"), {"title": TITLE}) == {}
    as_int = {"countries": Parameter("countries", "int", 0, "")}
    assert vocabularies(Path("p.ipynb"), as_int) == {}


def test_a_notebooks_metadata_maps_parameters_to_vocabularies_or_to_none() -> None:
    where = {"where": Parameter("where", "str", "", "a country"), **POLICY}
    assert vocabularies(Path("p.ipynb"), where, {"where": "countries", "countries": None}) == {
        "where": "countries"
    }


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        (["countries"], "must map parameter names to vocabulary names, found ['countries']"),
        (
            {"contries": "countries"},
            (
                "names 'contries', which is not a parameter of the notebook; its parameters "
                "are: start, end, countries, title, include_candidates"
            ),
        ),
        (
            {"countries": "nations"},
            (
                "parameter 'countries' names the unknown vocabulary 'nations'; the "
                "vocabularies are: countries (or null for none)"
            ),
        ),
        (
            {"include_candidates": "countries"},
            (
                "parameter 'include_candidates' is bool; only a str or a list parameter can "
                "take its values from a vocabulary"
            ),
        ),
    ],
)
def test_metadata_that_names_no_parameter_or_vocabulary_is_refused(
    metadata: object, expected: str
) -> None:
    msg = _error(vocabularies, Path("p.ipynb"), POLICY, metadata)
    assert msg.startswith("p.ipynb: metadata analysis.vocabularies")
    assert expected in msg


# -- output file names --------------------------------------------------------------------------


def test_the_defaults_write_the_reports_own_name() -> None:
    values = {name: p.default for name, p in POLICY.items()}
    assert output_stem("policy", values, POLICY) == "policy"


@pytest.mark.parametrize(
    ("given", "stem"),
    [
        ({"countries": ["Mexico"]}, "policy--countries-mexico"),
        ({"countries": ["Mexico", "United States"]}, "policy--countries-mexico+united-states"),
        ({"start": "2025-06-01"}, "policy--start-2025-06-01"),
        ({"start": "2025-06-01", "end": "2025-08-31"}, "policy--end-2025-08-31-start-2025-06-01"),
        ({"include_candidates": True}, "policy--include-candidates-true"),
        ({"title": "Ça & Co!"}, "policy--title--a-co"),
    ],
)
def test_parameters_other_than_the_defaults_are_in_the_file_name(
    given: dict[str, Any], stem: str
) -> None:
    values = {**{name: p.default for name, p in POLICY.items()}, **given}
    assert output_stem("policy", values, POLICY) == stem


def test_a_long_file_name_is_cut_to_80_characters_after_the_report() -> None:
    stem = output_stem("policy", {"title": "x" * 200}, POLICY)
    assert stem == "policy--title-" + "x" * 74
    assert len(stem.removeprefix("policy--")) == 80


# -- -p NAME=VALUE ------------------------------------------------------------------------------


def test_assignments_split_at_the_first_equals_sign() -> None:
    assert parse_assignments(["start=2025-06-01", " title =a=b", "end="]) == {
        "start": "2025-06-01",
        "title": "a=b",
        "end": "",
    }


@pytest.mark.parametrize("pair", ["start", "=2025-06-01", "  =x", ""])
def test_an_assignment_without_a_name_or_an_equals_sign_is_refused(pair: str) -> None:
    assert _error(parse_assignments, ["end=", pair]) == f"-p expects NAME=VALUE, got {pair!r}"


# -- plan ---------------------------------------------------------------------------------------


def test_plan_without_names_renders_every_report_with_its_defaults() -> None:
    jobs = plan(SPECS)
    assert [(j.report.name, j.stem) for j in jobs] == [("policy", "policy"), ("sources", "sources")]
    assert jobs[0].label == "policy"


def test_an_unknown_report_name_lists_the_reports() -> None:
    msg = _error(plan, SPECS, ["polcy", "sources", "nope"])
    assert msg == "unknown report 'polcy', 'nope'; the reports are: policy, sources"


def test_an_unknown_report_in_a_params_file_lists_the_reports() -> None:
    msg = _error(lambda: plan(SPECS, (), None, {"transfer": [{}]}))
    assert msg == "unknown report 'transfer'; the reports are: policy, sources"


def test_two_parameter_sets_for_the_same_file_are_refused() -> None:
    sets = {"policy": [{"start": "2025-06-01"}, {"start": "2025-06-01"}, {}, {"end": ""}]}
    msg = _error(lambda: plan(SPECS, ["policy"], None, sets))
    assert msg == "two parameter sets would write the same file: policy, policy--start-2025-06-01"


def test_each_parameter_set_gets_its_own_file_and_label() -> None:
    sets = {"policy": [{}, {"countries": ["Mexico"]}]}
    jobs = plan(SPECS, (), None, sets)
    assert [j.stem for j in jobs] == ["policy", "policy--countries-mexico"]
    assert jobs[1].label == 'policy {"countries": ["Mexico"]}'


def test_overrides_for_the_suite_go_to_the_reports_that_declare_them() -> None:
    jobs = plan(SPECS, (), {"start": "2025-06-01"})
    assert [j.stem for j in jobs] == ["policy--start-2025-06-01", "sources"]


def test_an_override_no_report_declares_is_refused_for_the_suite() -> None:
    msg = _error(lambda: plan(SPECS, (), {"strat": "2025-06-01"}))
    assert "report 'policy': unknown parameter 'strat' (did you mean 'start'?)" in msg


def test_an_override_a_named_report_does_not_declare_is_refused() -> None:
    msg = _error(lambda: plan(SPECS, ["sources"], {"start": "2025-06-01"}))
    assert "report 'sources': unknown parameter 'start'" in msg
    assert "its parameters are: title, include_candidates" in msg


def test_an_override_is_checked_against_the_type() -> None:
    msg = _error(lambda: plan(SPECS, ["policy"], {"start": "2025-02-30"}))
    assert "parameter 'start' is not a calendar date: '2025-02-30'" in msg


# -- params files -------------------------------------------------------------------------------


def _params_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_params_file_gives_sets_per_report_with_dates_as_iso_text(tmp_path: Path) -> None:
    path = _params_file(
        tmp_path,
        "policy:\n"
        "  - {start: 2025-06-01, end: 2025-08-31, countries: [Mexico]}\n"
        "  - {include_candidates: true}\n"
        "sources: {title: Evidence}\n",
    )
    assert read_params_file(path) == {
        "policy": [
            {"start": "2025-06-01", "end": "2025-08-31", "countries": ["Mexico"]},
            {"include_candidates": True},
        ],
        "sources": [{"title": "Evidence"}],
    }


@pytest.mark.parametrize("text", ["- policy\n- sources\n", "just text\n", "42\n", ""])
def test_a_params_file_that_is_not_a_mapping_is_refused(tmp_path: Path, text: str) -> None:
    path = _params_file(tmp_path, text)
    assert _error(read_params_file, path) == (
        f"{path}: expected a mapping of report names to parameter sets"
    )


def test_a_parameter_set_that_is_not_a_mapping_names_the_report_and_the_set(
    tmp_path: Path,
) -> None:
    path = _params_file(tmp_path, "policy:\n  - {start: 2025-06-01}\n  - 2025-07-01\n")
    msg = _error(read_params_file, path)
    assert msg == (
        f"{path}: report 'policy', set 2: expected a mapping of parameter names to values, "
        "found datetime.date(2025, 7, 1)"
    )


def test_a_params_file_that_is_not_yaml_or_not_there_is_refused(tmp_path: Path) -> None:
    path = _params_file(tmp_path, "policy: {start: [\n")
    assert f"{path}: cannot read the params file:" in _error(read_params_file, path)
    missing = tmp_path / "missing.yaml"
    assert f"{missing}: cannot read the params file:" in _error(read_params_file, missing)
