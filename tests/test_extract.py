"""analysis.extract: people, quotes, counts, dates, charges and transfers in small articles.

Expected values are typed from reading each article, never computed by the code under test.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
import yaml

import analysis
from analysis.dates import ledger_date
from analysis.ingest import extraction, ingest_file

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
#: A Tuesday, like the first source.
TUESDAY = dt.date(2025, 8, 12)


def run(text: str, published: dt.date = TUESDAY) -> extraction.Extraction:
    return analysis.extract(text, published=published)


def quote_rows(found: extraction.Extraction) -> list[tuple[str | None, list[str]]]:
    return quote_rows_of(found.quotes)


def quote_rows_of(frame: pl.DataFrame) -> list[tuple[str | None, list[str]]]:
    return [(r["speaker"], r["parts"]) for r in frame.iter_rows(named=True)]


# -- the API ----------------------------------------------------------------------------------


def test_analysis_extract_is_the_function_and_gives_seven_frames() -> None:
    assert analysis.extract is extraction.extract
    found = analysis.extract("Mexico sent 3 suspects to the U.S. on Friday.", published=TUESDAY)
    assert list(found.tables()) == [
        "actors", "quotes", "counts", "dates", "charges", "events", "totals",
    ]  # fmt: skip
    assert found.events.select("people", "origin", "destination").row(0) == (
        3,
        "Mexico",
        "United States",
    )


def test_every_row_carries_its_evidence_at_its_offsets(article: str) -> None:
    found = run(article)
    for name, frame in found.tables().items():
        assert frame.height > 0 or name == "totals", name  # the first source states no total
        for row in frame.iter_rows(named=True):
            assert article[row["char_start"] : row["char_end"]] == row["evidence"], name


def test_quote_parts_sit_at_their_offsets(article: str) -> None:
    for row in run(article).quotes.iter_rows(named=True):
        for part, start, end in zip(
            row["parts"], row["part_starts"], row["part_ends"], strict=True
        ):
            assert article[start:end] == part


def test_same_text_gives_the_same_frames_in_other_processes() -> None:
    """Set and dict order could differ between processes (hash seeds); the frames must not."""
    script = (
        "import datetime as dt, json, sys; from pathlib import Path; import analysis\n"
        "text = Path(sys.argv[1]).read_text(encoding='utf-8')\n"
        "found = analysis.extract(text, published=dt.date(2025, 8, 12))\n"
        "print(json.dumps({k: f.to_dicts() for k, f in found.tables().items()}, default=str))\n"
    )
    source = Path(__file__).resolve().parents[1] / "seeds" / "sources" / "000_a622ddb6cab2c3b2.txt"
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script, str(source)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1]
    assert '"name": "Claudia Sheinbaum"' in outputs[0]


def test_empty_text_gives_empty_frames() -> None:
    found = run("")
    assert all(frame.is_empty() for frame in found.tables().values())


# -- people -----------------------------------------------------------------------------------


def test_people_of_the_first_source_with_their_titles(article: str) -> None:
    people = run(article).actors.filter(kind="person").select("name", "title").rows()
    assert people == [
        ("Roberto Salazar", "suspect"),
        ("Juan Escalante", "Los Angeles Sheriff’s Deputy"),
        ("Pam Bondi", "Attorney General"),
        ("Rafael Caro Quintero", "drug lord"),
        ("Enrique Camarena", "U.S. DEA agent"),
        ("Ronald Johnson", "U.S. Ambassador to Mexico"),
        ("Claudia Sheinbaum", "Mexican President"),
        ("Donald Trump", "President"),
    ]


def test_organisations_and_countries_of_the_first_source(article: str) -> None:
    actors = run(article).actors
    orgs = set(actors.filter(kind="organisation")["name"])
    assert {
        "U.S. Department of Justice",
        "Trump administration",
        "Mexico’s National Security team",
        "DEA",
    } <= orgs
    assert set(actors.filter(kind="country")["name"]) == {"Mexico", "United States"}


def test_an_organisation_named_with_mexican_first_is_found() -> None:
    text = "Troops of the Mexican National Guard arrived. The Mexican Army did not."
    orgs = set(run(text).actors.filter(kind="organisation")["name"])
    assert "Mexican National Guard" in orgs


def test_surname_mentions_link_to_the_full_name_within_a_text() -> None:
    text = (
        "Mexican President Claudia Sheinbaum spoke on Monday. "
        "Sheinbaum said cooperation would continue."
    )
    people = run(text).actors.filter(kind="person")
    assert people.select("name", "n_mentions").rows() == [("Claudia Sheinbaum", 2)]
    assert people["aliases"].to_list() == [["Sheinbaum"]]


def test_appositive_titles_before_and_after_a_name() -> None:
    text = (
        "One fugitive, Jorge Ruiz Vega, was flown to Texas. "
        "Among them was Rafael Caro Quintero, a drug lord from Sinaloa."
    )
    people = run(text).actors.filter(kind="person").select("name", "title").rows()
    assert people == [("Jorge Ruiz Vega", "fugitive"), ("Rafael Caro Quintero", "drug lord")]


def test_sentence_words_before_a_title_are_not_part_of_it() -> None:
    text = "When President Donald Trump spoke, Earlier this year, nothing changed."
    people = run(text).actors.filter(kind="person").select("name", "title").rows()
    assert people == [("Donald Trump", "President")]


def people_of(text: str) -> list[tuple[str, str | None]]:
    return run(text).actors.filter(kind="person").select("name", "title").rows()


def test_a_middle_initial_is_part_of_the_name() -> None:
    text = "Assistant Director Maria T. Okafor of the DEA said the case was closed."
    assert people_of(text) == [("Maria T. Okafor", "Assistant Director")]


def test_a_nickname_inside_a_name_is_kept_and_is_not_a_quote() -> None:
    text = (
        'Prosecutors say Ramiro "El Tuerto" Galindo ran the plaza. "We will see him in court '
        'very soon," said Special Agent Dana Brooks.'
    )
    found = run(text)
    assert found.actors.filter(kind="person")["name"].to_list() == [
        'Ramiro "El Tuerto" Galindo',
        "Dana Brooks",
    ]
    assert quote_rows(found) == [("Dana Brooks", ["We will see him in court very soon,"])]


def test_a_nickname_given_apart_is_an_alias() -> None:
    text = "Also sent was Efraín Lozano Pérez, alias “El Ingeniero,” who ran a warehouse."
    people = run(text).actors.filter(kind="person")
    assert people.select("name", "aliases").rows() == [("Efraín Lozano Pérez", ["El Ingeniero"])]
    assert run(text).quotes.is_empty()


def test_a_name_of_several_words_after_a_title_is_no_person() -> None:
    text = (
        "Ramiro Tena Solís, a regional boss for Los Viagras, was flown out. A security chief "
        "for La Nueva Familia Michoacana was not. The U.S. Attorney for the Western District "
        "of Texas spoke later. Ines Cabral Ruiz is charged with extortion, and Tena told Radio "
        "Centro he was innocent."
    )
    assert people_of(text) == [("Ramiro Tena Solís", "regional boss"), ("Ines Cabral Ruiz", None)]


def test_people_listed_without_a_title() -> None:
    text = (
        "Those charged include Rosa Elena Quiñones-Vidal, Iván Ortiz and Beatriz Soto. "
        "Two of them were arrested in Sonora."
    )
    assert people_of(text) == [
        ("Rosa Elena Quiñones-Vidal", None),
        ("Iván Ortiz", None),
        ("Beatriz Soto", None),
    ]


def test_a_withheld_surname_is_a_name_and_its_quotation_marks_no_quote() -> None:
    text = 'Agents detained Rigoberto "N", alias "El Tejón", identified as a CJNG plaza chief.'
    found = run(text)
    people = found.actors.filter(kind="person").select("name", "title", "aliases").rows()
    assert people == [('Rigoberto "N"', "CJNG plaza chief", ["El Tejón"])]
    assert found.quotes.is_empty()


def test_titles_in_apposition_drop_hedges_and_possessive_countries() -> None:
    text = (
        "Guatemala's Interior Minister, Sofía Arriaga, met Héctor Salas, an alleged cartel "
        "financier, and Pablo Núñez, a former federal police commander."
    )
    assert people_of(text) == [
        ("Sofía Arriaga", "Interior Minister"),
        ("Héctor Salas", "cartel financier"),
        ("Pablo Núñez", "former federal police commander"),
    ]


def test_treaties_laws_platforms_and_places_are_not_organisations() -> None:
    text = (
        "Under the Extradition Treaty and the Federal Organized Crime Law, the men were held "
        "in the Puente Grande prison; the Interior Ministry posted the news on Truth Social "
        "while the USMCA review went on at the National Palace."
    )
    orgs = run(text).actors.filter(kind="organisation")["name"].to_list()
    assert orgs == ["Interior Ministry"]


def test_organisations_spelled_out_before_an_acronym_and_groups_without_a_head_word() -> None:
    text = (
        "The Attorney General of the Republic (FGR) said members of Los Zetas and La Familia "
        "Michoacana were among them, according to the FGR."
    )
    orgs = run(text).actors.filter(kind="organisation").select("name", "aliases").rows()
    assert orgs == [
        ("Attorney General of the Republic", ["FGR"]),
        ("Los Zetas", []),
        ("La Familia Michoacana", []),
    ]


def test_organisations_split_where_one_ends_and_acronyms_are_aliases() -> None:
    text = (
        "The raid was led by the Financial Intelligence Unit (UIF) and the Sinaloa Cartel "
        "was its target; the UIF and Homeland Security Investigations shared files."
    )
    orgs = run(text).actors.filter(kind="organisation").select("name", "aliases").rows()
    assert orgs == [
        ("Financial Intelligence Unit", ["UIF"]),
        ("Sinaloa Cartel", []),
        ("Homeland Security Investigations", []),
    ]


def test_evidence_of_an_organisation_is_its_name_with_the_words_before_it() -> None:
    """Evidence must occur once in the source: a name the text repeats takes the words
    before it ("the FBI"), never stray punctuation or the next word ("CJNG),", "FBI has")."""
    text = (
        "Agents of the FBI arrested him. The FBI has not commented, and leaders of the "
        "Jalisco New Generation Cartel (CJNG), the CJNG's allies, fled."
    )
    evidence = dict(run(text).actors.filter(kind="organisation").select("name", "evidence").rows())
    assert evidence == {
        "FBI": "the FBI",
        "Jalisco New Generation Cartel": "Jalisco New Generation Cartel",
    }


# -- quotes -----------------------------------------------------------------------------------


def test_quote_followed_by_speaker_and_verb() -> None:
    text = "“Today is a good day for justice,” Attorney General Pam Bondi said."
    assert quote_rows(run(text)) == [("Pam Bondi", ["Today is a good day for justice,"])]
    assert run(text).quotes["form"].to_list() == ["after"]


def test_speaker_and_verb_then_colon_before_the_quote() -> None:
    text = "Attorney General Pamela Bondi said: “Every one of them will face a jury.”"
    assert quote_rows(run(text)) == [("Pamela Bondi", ["Every one of them will face a jury."])]
    assert run(text).quotes["form"].to_list() == ["before"]


def test_verb_before_the_speaker_after_the_quote() -> None:
    text = "“The cooperation has never been closer,” said Ambassador Ronald Johnson."
    found = run(text)
    assert quote_rows(found) == [("Ronald Johnson", ["The cooperation has never been closer,"])]
    assert found.quotes["form"].to_list() == ["inverted"]


def test_straight_quotation_marks_work_like_curly_ones() -> None:
    text = (
        "Security Secretary Omar García Harfuch spoke on Monday.\n"
        '"We will keep working with them," García Harfuch said.'
    )
    assert quote_rows(run(text)) == [("Omar García Harfuch", ["We will keep working with them,"])]


def test_quote_running_over_two_paragraphs_is_one_quote_in_two_parts() -> None:
    text = (
        "“Our agents worked for months on this case, and the work is not finished,\n"
        "“It will go on until every fugitive is in court,” DEA Administrator Terrance Cole said."
    )
    found = run(text)
    assert quote_rows(found) == [
        (
            "Terrance Cole",
            [
                "Our agents worked for months on this case, and the work is not finished,",
                "It will go on until every fugitive is in court,",
            ],
        )
    ]
    assert found.quotes["closed"].to_list() == [False]


def test_quote_whose_closing_mark_is_missing_ends_with_its_paragraph() -> None:
    text = (
        "Claudia Sheinbaum spoke in Mexico City.\n"
        "“We do not accept any military presence on our soil, and we will say so\n"
        "The talks continue next week."
    )
    found = run(text)
    assert found.quotes["parts"].to_list() == [
        ["We do not accept any military presence on our soil, and we will say so"]
    ]
    assert found.quotes["closed"].to_list() == [False]


def test_second_sentence_after_the_attribution_continues_the_same_quote() -> None:
    text = (
        "“We will not stop,” Attorney General Pam Bondi said Friday. “Cartels will answer for it.”"
    )
    found = run(text)
    assert quote_rows(found) == [
        ("Pam Bondi", ["We will not stop,", "Cartels will answer for it."])
    ]
    assert found.quotes.select("said_on", "said_on_precision").row(0) == (
        dt.date(2025, 8, 8),
        "day",
    )


def test_pronoun_speaker_resolves_to_the_person_last_named_outside_quotes() -> None:
    text = (
        "Mexican President Claudia Sheinbaum rejected the idea.\n"
        "“There will be no invasion,” she said Friday."
    )
    assert quote_rows(run(text)) == [("Claudia Sheinbaum", ["There will be no invasion,"])]


def test_what_he_called_quote(article: str) -> None:
    quotes = run(article).quotes.filter(form="called")
    assert quote_rows_of(quotes) == [
        ("Donald Trump", ["the extraordinary threat posed by illegal aliens and drugs."])
    ]


def test_scare_quotes_are_not_quotations() -> None:
    text = "The so-called “El Mayo” faction was weakened."
    assert run(text).quotes.is_empty()


def test_quote_forms_fixture_gives_one_speaker_per_quote() -> None:
    text = (ARTICLES / "quote_forms.txt").read_text(encoding="utf-8")
    speakers = run(text).quotes["speaker"].to_list()
    assert speakers == [
        "Omar García Harfuch",
        "Pamela Bondi",
        "Ronald Johnson",
        "Terrance Cole",
        None,
    ]


def test_a_speaker_named_only_by_role_at_its_fullest_mention() -> None:
    text = (
        "The Mexican navy spokesman said the boats were seized at dawn. "
        "“We found no survivors,” the spokesman said. “The search is over.”\n"
        "“It was a routine patrol,” a senior defense official said."
    )
    assert quote_rows(run(text)) == [
        ("Mexican navy spokesman", ["We found no survivors,", "The search is over."]),
        ("senior defense official", ["It was a routine patrol,"]),
    ]


def test_short_fragments_of_reported_speech_are_one_quote() -> None:
    text = (
        "Governor Alma Treviño said the deal was “a first step” and warned that talks could "
        "fail “without trust.”"
    )
    assert quote_rows(run(text)) == [("Alma Treviño", ["a first step", "without trust."])]


def test_a_fragment_after_called_with_an_object() -> None:
    text = "Senator Paul Wexler called the transfer “a political stunt.”"
    assert quote_rows(run(text)) == [("Paul Wexler", ["a political stunt."])]


def test_a_pronoun_after_a_speaker_named_by_role_is_that_speaker() -> None:
    text = (
        "Analyst Rita Gómez expects more transfers. A senior Mexican official, speaking on "
        'condition of anonymity, said another list was ready. She said "nothing is final."'
    )
    assert quote_rows(run(text)) == [("senior Mexican official", ["nothing is final."])]


def test_a_straight_quotation_mark_after_a_line_break_opens_the_next_part() -> None:
    text = (
        "Officials met on Monday.\n\n"
        '"More transfers will follow,\n'
        '"because the pressure is not going away," said analyst Diego Arce.'
    )
    assert quote_rows(run(text)) == [
        ("Diego Arce", ["More transfers will follow,", "because the pressure is not going away,"])
    ]


def test_a_sentence_going_on_after_a_quote_is_not_its_attribution() -> None:
    text = (
        'Governor Alma Treviño said the state had been "very patient" but would not wait '
        '"forever." The White House later said the talks would go on.'
    )
    assert quote_rows(run(text)) == [("Alma Treviño", ["very patient", "forever."])]


def test_a_sentence_of_narrative_separates_two_quotes() -> None:
    text = (
        "The Justice Department described the case as “historic” on Monday. Prosecutor Ken "
        "Adler later said it was “only the beginning.”"
    )
    assert quote_rows(run(text)) == [
        ("Justice Department", ["historic"]),
        ("Ken Adler", ["only the beginning."]),
    ]


def test_an_organisation_speaks_and_auxiliaries_are_not_its_name() -> None:
    text = "“We are reviewing the request,” the FBI has said."
    found = run(text)
    assert quote_rows(found) == [("FBI", ["We are reviewing the request,"])]
    assert found.quotes["speaker_as_written"].to_list() == ["the FBI"]


# -- counts -----------------------------------------------------------------------------------


def test_counts_of_the_first_source(article: str) -> None:
    counts = run(article).counts.select("value", "unit", "what").rows()
    assert counts == [
        (26, "people", "alleged cartel members"),
        (26, "people", "men"),
        (29, "people", "cartel suspects"),
        (90, "days", "tariff exemption"),
    ]


def test_years_and_single_people_are_not_counts() -> None:
    text = "One suspect was tied to the 1985 killing; two governments agreed in 2008."
    assert run(text).counts.is_empty()


def test_written_out_numbers_and_percentages_but_not_money() -> None:
    """Sums of money are not counts (benchmarks/ANNOTATION.md, "Counts")."""
    text = "Twenty-six fugitives were sent. A 25% tariff was threatened over $1.5 billion in goods."
    counts = run(text).counts.select("value", "unit").rows()
    assert counts == [(26, "people"), (25, "percent")]


def counts_of(text: str) -> list[tuple[int, str, str]]:
    return run(text).counts.select("value", "unit", "evidence").rows()


def test_a_partial_count_is_two_counts() -> None:
    text = "Seven of the 19 detainees were released, and three of them left the country."
    assert counts_of(text) == [
        (7, "people", "Seven of the 19 detainees"),
        (19, "people", "19 detainees"),
        (3, "people", "three of them"),
    ]


def test_counts_in_words_with_modifiers_and_coordination() -> None:
    text = (
        "Forty-one alleged gang members and three U.S. nationals were flown out. "
        "In May and June, 14 and 22 prisoners were sent."
    )
    assert counts_of(text) == [
        (41, "people", "Forty-one alleged gang members"),
        (3, "people", "three U.S. nationals"),
        (14, "people", "14"),
        (22, "people", "22 prisoners"),
    ]


def test_a_number_standing_for_people_counted_before() -> None:
    text = (
        "Mexico handed over 17 suspects on Friday. The 17 will appear in court in Denver, "
        "and officials said the U.S. had asked for 25 names. Of those, nine were wanted for "
        "murder and four for kidnapping."
    )
    assert counts_of(text) == [
        (17, "people", "17 suspects"),
        (17, "people", "17"),
        (25, "people", "25 names"),
        (9, "people", "nine"),
        (4, "people", "four"),
    ]


def test_transfers_and_a_transfer_s_place() -> None:
    text = (
        "It was the fourth such handover since January. Mexico has now sent prisoners north "
        "three times; a fifth group of 12 is expected."
    )
    assert counts_of(text) == [
        (4, "transfer number", "the fourth such handover"),
        (3, "transfers", "three times"),
        (5, "transfer number", "a fifth group"),
        (12, "people", "12"),
    ]


def test_transfers_counted_as_operations_where_transfers_are_told() -> None:
    text = "Mexico has sent 92 prisoners north in three operations. Police ran two operations."
    assert counts_of(text) == [
        (92, "people", "92 prisoners"),
        (3, "transfers", "three operations"),
    ]


def test_ages_money_identifiers_and_single_people_are_not_counts() -> None:
    text = (
        "Ortiz, 58, was one of them. Article 19 of the law applies. The two nations agreed. "
        "Agents seized 300 million pesos and two aircraft at gate 4."
    )
    assert run(text).counts.is_empty()


# -- dates ------------------------------------------------------------------------------------


def test_dates_of_the_first_source_resolved_against_tuesday_12_august_2025(article: str) -> None:
    dates = run(article).dates.select("as_written", "date", "precision").rows()
    assert dates == [
        ("Tuesday", dt.date(2025, 8, 12), "day"),
        ("2008", dt.date(2008, 1, 1), "year"),
        ("Today", dt.date(2025, 8, 12), "day"),
        ("In February", dt.date(2025, 2, 1), "month"),
        ("1985", dt.date(1985, 1, 1), "year"),
        ("Friday", dt.date(2025, 8, 8), "day"),
        ("Earlier this year", dt.date(2025, 1, 1), "year"),
        ("In July", dt.date(2025, 7, 1), "month"),
    ]


@pytest.mark.parametrize(
    ("text", "as_written", "date", "precision"),
    [
        ("It happened on Feb. 27, 2025, at dawn.", "Feb. 27, 2025", dt.date(2025, 2, 27), "day"),
        ("It happened on February 27, 2025.", "February 27, 2025", dt.date(2025, 2, 27), "day"),
        ("It happened on 27 February 2025.", "27 February 2025", dt.date(2025, 2, 27), "day"),
        ("It was signed on 2025-02-27.", "2025-02-27", dt.date(2025, 2, 27), "day"),
        ("It happened in March 2024.", "in March 2024", dt.date(2024, 3, 1), "month"),
        ("The agent was killed in 1985.", "1985", dt.date(1985, 1, 1), "year"),
        ("Officials confirmed it Tuesday.", "Tuesday", dt.date(2025, 8, 12), "day"),
        ("She spoke Friday.", "Friday", dt.date(2025, 8, 8), "day"),
        ("She spoke Wednesday.", "Wednesday", dt.date(2025, 8, 6), "day"),
        ("She spoke last Tuesday.", "last Tuesday", dt.date(2025, 8, 5), "day"),
        ("She spoke yesterday.", "yesterday", dt.date(2025, 8, 11), "day"),
        ("In July, talks resumed.", "In July", dt.date(2025, 7, 1), "month"),
        ("In October, talks will begin.", "In October", dt.date(2025, 10, 1), "month"),
        ("Talks stalled last month.", "last month", dt.date(2025, 7, 1), "month"),
        ("Earlier this year, talks stalled.", "Earlier this year", dt.date(2025, 1, 1), "year"),
        ("Talks stalled last year.", "last year", dt.date(2024, 1, 1), "year"),
        ("The hearing is set for Sept. 3.", "Sept. 3", dt.date(2025, 9, 3), "day"),
    ],
)
def test_date_forms_resolve_against_the_publication_date(
    text: str, as_written: str, date: dt.date, precision: str
) -> None:
    dates = run(text).dates.select("as_written", "date", "precision").rows()
    assert dates == [(as_written, date, precision)]


def test_may_alone_is_not_a_month() -> None:
    assert run("Officials may announce more transfers.").dates.is_empty()


def ledger_dates_of(text: str, published: dt.date) -> list[str | None]:
    """The dates as the ledger writes them: "2025-02-27", "2025-02", "2025"."""
    rows = run(text, published).dates.select("date", "precision").rows()
    return [ledger_date(d, p) for d, p in rows]


def dates_of(text: str, published: dt.date) -> list[tuple[str, dt.date, str]]:
    return run(text, published).dates.select("as_written", "date", "precision").rows()


def test_a_day_after_the_publication_date_stays_in_its_year() -> None:
    text = "The hearings will run from Aug. 20 to Aug. 24 in Houston."
    assert dates_of(text, TUESDAY) == [
        ("Aug. 20", dt.date(2025, 8, 20), "day"),
        ("Aug. 24", dt.date(2025, 8, 24), "day"),
    ]


def test_a_month_just_past_in_a_new_year_is_the_year_before() -> None:
    text = "She said so in an interview in December."
    assert dates_of(text, dt.date(2026, 1, 9)) == [("in December", dt.date(2025, 12, 1), "month")]


def test_a_date_announced_for_the_new_year_is_the_next_year() -> None:
    text = "The new duties apply from Jan. 1, officials said."
    assert dates_of(text, dt.date(2025, 11, 20)) == [("Jan. 1", dt.date(2026, 1, 1), "day")]


def test_a_year_given_for_the_same_sequence_carries_over() -> None:
    text = "A first plane left on March 3, 2025. A second one followed on Sept. 18."
    assert dates_of(text, dt.date(2026, 1, 14)) == [
        ("March 3, 2025", dt.date(2025, 3, 3), "day"),
        ("Sept. 18", dt.date(2025, 9, 18), "day"),
    ]


def test_relative_dates_count_from_the_dateline() -> None:
    text = (
        "TIJUANA, Mexico, March 14 (Example News) - Police arrested the pair on Wednesday. "
        "Both are due before a judge on Tuesday."
    )
    found = run(text, dt.date(2025, 3, 16))  # a Sunday; the dateline is Friday
    assert found.dates.select("as_written", "date").rows() == [
        ("March 14", dt.date(2025, 3, 14)),
        ("Wednesday", dt.date(2025, 3, 12)),
        ("Tuesday", dt.date(2025, 3, 18)),
    ]


def test_next_and_this_weekday() -> None:
    text = "The ministry confirmed this Wednesday that the men fly out next Friday."
    assert dates_of(text, dt.date(2025, 10, 9)) == [  # a Thursday
        ("this Wednesday", dt.date(2025, 10, 8), "day"),
        ("next Friday", dt.date(2025, 10, 10), "day"),
    ]


def test_anaphoric_dates_lean_on_the_day_named_before() -> None:
    text = (
        "The raid took place on May 2. Charges were filed that day, a judge approved them the "
        "following Monday and the men were flown out the next day. Two days later the embassy "
        "confirmed their arrival. That same day, their lawyers appealed."
    )
    assert dates_of(text, dt.date(2025, 5, 20)) == [
        ("May 2", dt.date(2025, 5, 2), "day"),
        ("that day", dt.date(2025, 5, 2), "day"),
        ("the following Monday", dt.date(2025, 5, 5), "day"),
        ("the next day", dt.date(2025, 5, 6), "day"),
        ("Two days later", dt.date(2025, 5, 8), "day"),
        ("That same day", dt.date(2025, 5, 8), "day"),
    ]


def test_last_and_next_with_a_month() -> None:
    text = "The levy imposed last November will be reviewed next March."
    assert dates_of(text, dt.date(2025, 11, 20)) == [
        ("last November", dt.date(2024, 11, 1), "month"),
        ("next March", dt.date(2026, 3, 1), "month"),
    ]


def test_time_counted_back_is_a_date_and_an_age_is_no_count() -> None:
    text = "The 41-year-old was freed two years ago and fled three weeks ago."
    found = run(text, dt.date(2025, 8, 12))
    assert found.counts.is_empty()
    assert found.dates.select("as_written", "date", "precision").rows() == [
        ("two years ago", dt.date(2023, 1, 1), "year"),
        ("three weeks ago", dt.date(2025, 7, 22), "day"),
    ]


def test_a_weekday_written_with_its_date_is_one_mention() -> None:
    text = "The talks opened on Wednesday, March 4, in Monterrey."
    assert dates_of(text, dt.date(2026, 3, 6)) == [
        ("Wednesday, March 4", dt.date(2026, 3, 4), "day")
    ]


# -- charges ----------------------------------------------------------------------------------


def test_charges_of_the_first_source(article: str) -> None:
    charges = run(article).charges.select("charge", "as_written", "accused").rows()
    assert charges == [
        ("drug trafficking", "drug and weapons trafficking", None),
        ("weapons trafficking", "drug and weapons trafficking", None),
        ("human smuggling", "human smuggling", None),
        ("kidnapping", "kidnapping", None),
        ("murder", "killing", "Roberto Salazar"),
        ("murder", "killing", "Rafael Caro Quintero"),
    ]


def test_charges_need_an_accusation_in_the_sentence() -> None:
    text = "The deal follows months of tension over drug trafficking and migration."
    assert run(text).charges.is_empty()


def test_charge_words_normalise_to_the_vocabulary() -> None:
    text = (
        "The men are charged with money laundering, extortion, arms, drug or people smuggling "
        "and the murder of two police officers."
    )
    charges = run(text).charges["charge"].to_list()
    assert charges == [
        "money laundering",
        "extortion",
        "weapons trafficking",
        "drug trafficking",
        "human smuggling",
        "murder",
    ]


def charges_of(text: str) -> list[tuple[str, str, str | None]]:
    return run(text).charges.select("charge", "as_written", "accused").rows()


def test_torture_is_other_and_racketeering_is_organised_crime() -> None:
    text = "Nine of the 40 suspects are charged with torture, racketeering and hostage-taking."
    assert charges_of(text) == [
        ("other", "torture", None),
        ("organised crime", "racketeering", None),
        ("kidnapping", "hostage-taking", None),
    ]


def test_charges_written_as_what_was_done() -> None:
    text = (
        "Marta Ibáñez Rocha, known as “La Jefa,” is accused of running fentanyl laboratories. "
        "Omar Cruz Leal, 44, faces charges of conspiracy to distribute cocaine and crimes "
        "against health."
    )
    assert charges_of(text) == [
        ("drug trafficking", "running fentanyl laboratories", "Marta Ibáñez Rocha"),
        ("drug trafficking", "conspiracy to distribute cocaine", "Omar Cruz Leal"),
        ("drug trafficking", "crimes against health", "Omar Cruz Leal"),
    ]


def test_words_inside_quotes_and_policy_talk_are_not_charges() -> None:
    text = (
        "“They are accused of murder and extortion,” the minister said. Officials charged "
        "with the fight against drug trafficking met on Monday."
    )
    assert run(text).charges.is_empty()


def test_a_charge_against_several_named_people_jointly_has_no_accused() -> None:
    text = "Prosecutors say Tomás Rivas, Elsa Gómez and Hugo Peña laundered money for the cartel."
    assert charges_of(text) == [("money laundering", "laundered money", None)]


# -- events -----------------------------------------------------------------------------------


def test_transfers_of_the_first_source(article: str) -> None:
    events = run(article).events.select(
        "date", "date_precision", "date_as_written", "people", "mechanism", "origin",
        "destination", "suspects",
    )  # fmt: skip
    assert events.rows() == [
        (dt.date(2025, 8, 12), "day", "Tuesday", 26, "extradited", "Mexico", "United States", []),
        (
            dt.date(2025, 2, 1), "month", "In February", 29, "extradited", "Mexico",
            "United States", ["Rafael Caro Quintero"],
        ),
    ]  # fmt: skip


def test_a_transfer_named_twice_is_one_event() -> None:
    text = (
        "Mexico sent 12 suspects to the United States on Friday. "
        "The 12 suspects were sent to the U.S. by plane."
    )
    events = run(text).events.select("date", "people").rows()
    assert events == [(dt.date(2025, 8, 8), 12)]


def test_counts_inside_quotes_are_not_transfers() -> None:
    text = "“We sent 40 fugitives to the United States,” the minister said."
    assert run(text).events.is_empty()


def transfers_of(text: str) -> list[tuple[object, ...]]:
    return run(text).events.select("date", "people", "origin", "destination").rows()


def totals_of(text: str) -> list[tuple[object, ...]]:
    return run(text).totals.select("about", "value", "since", "event_index").rows()


@pytest.mark.parametrize(
    "text",
    [
        "A judge halted the transfer of nine of them on Monday.",
        "Washington asked for 40 names and Mexico is preparing to send 30 prisoners.",
        "Officials said 12 suspects will be extradited to the United States next week.",
        "If approved, 15 detainees would be sent to the United States.",
        "The 23 are charged with drug trafficking, and 11 face weapons counts.",
        "More than 50 fugitives remain on a list that was handed to Mexican officials.",
    ],
)
def test_a_transfer_that_did_not_happen_is_no_event(text: str) -> None:
    """Suspended, requested, planned, future and conditional transfers, and a list handed
    over, are not transfers (benchmarks/articles/dev/expected.yaml, ``not_transfers``)."""
    assert transfers_of(text) == []


def test_the_count_follows_the_verb_or_is_its_passive_subject() -> None:
    text = (
        "Mexico handed over 14 inmates to the United States on Friday. "
        "In March, 9 defendants who were expelled from Mexico landed in Texas. "
        "A third group of 7 followed, flown out on Aug. 1."
    )
    assert transfers_of(text) == [
        (dt.date(2025, 8, 8), 14, "Mexico", "United States"),
        (dt.date(2025, 3, 1), 9, "Mexico", "United States"),
        (dt.date(2025, 8, 1), 7, "Mexico", "United States"),  # the text's one direction
    ]


def test_the_dateline_day_is_not_the_transfer_s_date_when_the_sentence_gives_one() -> None:
    text = "TIJUANA, Aug. 9 (Wire) - Mexico sent 11 prisoners to the United States on Wednesday."
    assert transfers_of(text) == [(dt.date(2025, 8, 6), 11, "Mexico", "United States")]


def test_a_total_is_a_claim_not_a_transfer() -> None:
    text = (
        "Mexico has sent a total of 80 people to the United States this year. "
        "So far, 95 prisoners have been handed over since March. "
        "Some 61 suspects were sent in three transfers."
    )
    assert transfers_of(text) == []
    for row in run(text).totals.iter_rows(named=True):
        assert text[row["char_start"] : row["char_end"]] == row["evidence"]
    assert totals_of(text) == [
        ("people transferred", 80, dt.date(2025, 1, 1), None),
        ("people transferred", 95, dt.date(2025, 3, 1), None),
        ("people transferred", 61, None, None),
        ("transfers", 3, None, None),
    ]


def test_a_transfer_s_place_is_said_of_its_own_transfer() -> None:
    text = (
        "Mexico sent 12 suspects to the United States on Friday, the fourth such transfer "
        "this year. In May, Mexico sent 20 prisoners to the United States. "
        "It was the third transfer since January. A fifth is being prepared."
    )
    found = run(text)
    assert found.events.select("people").to_series().to_list() == [12, 20]
    assert totals_of(text) == [
        ("transfer number", 4, dt.date(2025, 1, 1), 0),
        ("transfer number", 3, dt.date(2025, 1, 1), 1),  # "It was": the May transfer
    ]


def test_people_named_as_transferred_are_a_transfer_or_among_one() -> None:
    text = (
        "Former police chief Tomás Ledesma Ruiz was extradited to the United States on "
        "Friday. In a second case, the FGR reported on Monday the extradition to the United "
        "States of Rita Olvera Paz and Juan Solís Cano."
    )
    found = run(text)
    assert found.events.select("date", "people", "suspects").rows() == [
        (dt.date(2025, 8, 8), 1, ["Tomás Ledesma Ruiz"]),
        (dt.date(2025, 8, 11), 2, ["Rita Olvera Paz", "Juan Solís Cano"]),
    ]
    among = (
        "Mexico sent 20 prisoners to the United States on Friday. Tomás Ledesma Ruiz was also "
        "extradited."
    )
    assert run(among).events.select("people", "suspects").rows() == [(20, ["Tomás Ledesma Ruiz"])]


def test_a_smaller_count_on_the_same_day_is_part_of_the_larger() -> None:
    text = (
        "Nine defendants who were sent to the United States on Saturday appeared in court. "
        "They were among 22 prisoners Mexico transferred on Saturday."
    )
    assert transfers_of(text) == [(dt.date(2025, 8, 9), 22, "Mexico", "United States")]


def test_handing_over_to_an_authority_at_home_is_no_transfer() -> None:
    text = "Two minors were handed over to the juvenile authorities on Monday."
    assert transfers_of(text) == []


def test_counts_joined_by_and_share_the_verb_and_dates_pair_respectively() -> None:
    text = (
        "It was the third transfer, after those of February and June, in which 29 and 26 "
        "people were sent, respectively."
    )
    assert transfers_of(text) == [
        (dt.date(2025, 2, 1), 29, None, None),
        (dt.date(2025, 6, 1), 26, None, None),
    ]


# -- long texts ---------------------------------------------------------------------------------
# Extraction is linear in the length of the text: a megabyte (the size limit of ingest is 2 MB)
# returns. There is no time limit here (tests never assert wall time); a quadratic extractor
# simply does not finish. `benchmarks/extraction.py` prints the times.

SENTENCE = "Mexico has sent 5 suspects to the United States. "


def test_a_megabyte_of_one_line_returns_its_transfers() -> None:
    text = SENTENCE * (1_000_000 // len(SENTENCE))
    found = run(text)
    assert found.events.height == 1, "one transfer, told again and again, is one event"
    assert found.events.select("people", "origin", "destination").row(0) == (
        5,
        "Mexico",
        "United States",
    )
    assert set(found.actors["name"]) == {"Mexico", "United States"}
    n = text.count(SENTENCE)
    assert found.actors.filter(name="Mexico")["n_mentions"].item() == n
    assert found.counts.height == n


def test_a_megabyte_of_paragraphs_with_people_and_quotes_returns(article: str) -> None:
    text = "\n\n".join([article] * (1_000_000 // len(article)))
    found = run(text)
    once = run(article)
    assert set(found.actors["name"]) == set(once.actors["name"])
    assert found.quotes.height == once.quotes.height * (1_000_000 // len(article))
    for frame in (found.actors, found.quotes, found.counts, found.dates, found.charges):
        for row in frame.iter_rows(named=True):
            assert text[row["char_start"] : row["char_end"]] == row["evidence"]


# -- the second round of rule changes: failure classes of articles written for these tests --


def test_a_spanish_name_is_shortened_to_its_first_surname() -> None:
    text = (
        "Interior Secretary Gonzalo Ibarra Castellanos met reporters. “Not one of them was sent "
        "on a whim,” Ibarra said."
    )
    assert quote_rows(run(text)) == [
        ("Gonzalo Ibarra Castellanos", ["Not one of them was sent on a whim,"])
    ]


def test_an_age_between_the_speaker_and_the_verb() -> None:
    text = (
        "Rosa Quintana Lara, a former federal judge, was blunt. “It took years,” Quintana, 64, "
        "said in an interview."
    )
    assert quote_rows(run(text)) == [("Rosa Quintana Lara", ["It took years,"])]


def test_titles_with_words_inside_and_complements_after_the_head() -> None:
    text = (
        "Special Agent in Charge Dana Whitfield spoke first. Omar Pineda Soto, a professor of "
        "constitutional law at a university in Puebla, disagreed. Luis Garza Olmos, a "
        "64-year-old former deputy attorney general, agreed."
    )
    assert people_of(text) == [
        ("Dana Whitfield", "Special Agent in Charge"),
        ("Omar Pineda Soto", "professor of constitutional law"),
        ("Luis Garza Olmos", "former deputy attorney general"),
    ]


def test_an_institution_before_a_speech_verb_is_not_a_person() -> None:
    text = (
        "Irene Mota Vera, a political scientist at the Colegio de Sonora, noted that violence "
        "rose. “Arrests are not a strategy,” she wrote."
    )
    found = run(text)
    assert found.actors.select("name", "kind", "title").rows() == [
        ("Irene Mota Vera", "person", "political scientist"),
        ("Colegio de Sonora", "organisation", None),
    ]
    assert quote_rows(found) == [("Irene Mota Vera", ["Arrests are not a strategy,"])]


def test_counts_without_a_noun_in_lists_and_by_the_dozen() -> None:
    text = (
        "Officials asked for about two dozen names. He is one of nine people charged. "
        "Three of the other seven remain at large, and at least four are accused of murder.\n"
        "44 - people sent in all\n"
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (24, "people"), (9, "people"), (3, "people"), (7, "people"), (4, "people"),
        (44, "people"),
    ]  # fmt: skip


def test_a_transfer_s_place_without_its_noun_where_transfers_are_told() -> None:
    text = (
        "There have been three transfers. The first came on March 3, when 19 prisoners were "
        "flown north. A second, larger group of 40 followed, bringing the total to more than "
        "59. The third, on June 2, was smaller."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (3, "transfers"), (1, "transfer number"), (19, "people"), (2, "transfer number"),
        (40, "people"), (59, "people"), (3, "transfer number"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Mexico sent 31 people on Nov. 4.", dt.date(2026, 2, 10), dt.date(2025, 11, 4)),
        ("The new duties take effect on Feb. 1.", dt.date(2025, 12, 20), dt.date(2026, 2, 1)),
        ("The exemption expires on Jan. 15.", dt.date(2025, 11, 28), dt.date(2026, 1, 15)),
        ("Officials said the flights would resume on Sept. 9.", TUESDAY, dt.date(2025, 9, 9)),
        ("She ruled out a transfer before December.", TUESDAY, dt.date(2025, 12, 1)),
        ("The judge set Thursday’s hearing after a delay.", TUESDAY, dt.date(2025, 8, 14)),
        ("The hearing was moved to Thursday.", TUESDAY, dt.date(2025, 8, 14)),
        ("Mexico sent 12 people on Thursday.", TUESDAY, dt.date(2025, 8, 7)),
        # a future in the past perfect, and a month announced for the new year
        ("That rise had also been due on Jan. 1.", dt.date(2025, 12, 29), dt.date(2026, 1, 1)),
        ("Officials expect a plan by mid-January.", dt.date(2025, 12, 29), dt.date(2026, 1, 1)),
        # an abbreviation's full stop does not end the clause that says the future
        ("He will be handed to U.S. agents on Thursday.", TUESDAY, dt.date(2025, 8, 14)),
        ("A judge ordered him held until a hearing on Friday.", TUESDAY, dt.date(2025, 8, 15)),
        # the past, told by verbs of any form, and by the verb nearest the date
        ("The second group followed in October.", dt.date(2026, 2, 10), dt.date(2025, 10, 1)),
        ("The first, in October, involved 29 inmates.", dt.date(2026, 2, 10),
         dt.date(2025, 10, 1)),
        ("Mexico sent 26 people on Aug. 12 and will send more soon.", dt.date(2026, 2, 10),
         dt.date(2025, 8, 12)),
        # a plain future of a day already past this year is next year's; "would" is not
        ("The pause will end on March 1.", TUESDAY, dt.date(2026, 3, 1)),
        ("Officials said duties would start on March 4.", TUESDAY,
         dt.date(2025, 3, 4)),
        ("By the end of September, the total stood at 81.", dt.date(2026, 2, 3),
         dt.date(2025, 9, 1)),
        ("The tariff would have taken effect on Dec. 1.", dt.date(2026, 1, 15),
         dt.date(2025, 12, 1)),
        ("The deadline of Nov. 1 passed without a deal.", dt.date(2026, 1, 10),
         dt.date(2025, 11, 1)),
        ("Trump threatened in September to raise tariffs.", dt.date(2026, 2, 18),
         dt.date(2025, 9, 1)),
        ("The measure, which expires in June, covers steel.", TUESDAY, dt.date(2026, 6, 1)),
        ("Trump threatened to impose the tariff on Aug. 30.", TUESDAY, dt.date(2025, 8, 30)),
        # an adjective in -ed is no past tense
        ("The alleged leader\u2019s trial is on Sept. 9.", TUESDAY, dt.date(2025, 9, 9)),
    ],
)
def test_the_tense_decides_the_year_or_week(
    text: str, published: dt.date, expected: dt.date
) -> None:
    """A date without a year that would lie after the reference day, told in the past tense,
    is the previous year's; one announced at a year's end is the next year's; a hearing set or
    moved to a weekday is the next one."""
    assert [d for _, d, _ in dates_of(text, published)] == [expected]


def test_charges_of_smuggled_guns_and_weighed_drugs() -> None:
    text = (
        "Octavio Lerma Paz, 44, of Reynosa, is charged with smuggling assault rifles into "
        "Mexico. Inés Cabral Ruiz is charged with conspiracy to import 400 grams or more of "
        "fentanyl."
    )
    assert sorted((c, who) for c, _, who in charges_of(text)) == [
        ("drug trafficking", "Inés Cabral Ruiz"), ("weapons trafficking", "Octavio Lerma Paz"),
    ]  # fmt: skip


def test_stealing_fuel_is_other() -> None:
    text = (
        "Three of the 12 were accused of siphoning fuel from pipelines. The rest face charges "
        "that include, for one of them, the theft of gasoline from a refinery."
    )
    assert [c for c, _, _ in charges_of(text)] == ["other", "other"]


def test_charges_told_as_deeds() -> None:
    text = (
        "Marta Reyes Gil, a former customs official accused of waving cocaine shipments "
        "through the port, was sent with them. Prosecutors also accuse her of taking bribes. "
        'Baltazar "N" has a pending arrest warrant for organized crime.'
    )
    assert sorted(c for c, _, _ in charges_of(text)) == [
        "drug trafficking", "organised crime", "other",
    ]  # fmt: skip


def test_a_speaker_with_an_appositive_or_a_long_description_before_the_verb() -> None:
    text = (
        "Senator Mark Hale, a Republican from Texas, said in an interview that Mexico had "
        '"finally woken up." “We are ready,” Judge Ana Ruiz of the federal court in Toluca '
        "told the hearing."
    )
    assert quote_rows(run(text)) == [
        ("Mark Hale", ["finally woken up."]),
        ("Ana Ruiz", ["We are ready,"]),
    ]


def test_transfers_counted_with_their_modifiers_and_people_by_their_trade() -> None:
    text = (
        "The four earlier transfers moved 120 people; no fifth transfer is planned. The second "
        "and largest transfer left in May. Two marines and three former police commanders "
        "were hurt. Exports grew 4 percent this year. Ruiz hoped they would one day answer."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (4, "transfers"), (120, "people"), (5, "transfer number"), (2, "transfer number"),
        (2, "people"), (3, "people"), (4, "percent"),
    ]  # fmt: skip


def test_the_number_of_people_counted_before_as_a_subject() -> None:
    assert [(v, u) for v, u, _ in counts_of("The 26 were flown to eight U.S. cities.")] == [
        (26, "people")
    ]


def test_totals_and_places_told_by_verbs_and_of_its_kind() -> None:
    text = (
        "Tuesday's flight was the fourth of its kind, after Mexico sent 30 prisoners in "
        "March and 21 more in June. With it, the number handed over stands at 95. Officials "
        "said that all 44 were in custody, among them the killers of 12 merchants."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (4, "transfer number"), (30, "people"), (21, "people"), (95, "people"), (44, "people"),
        (12, "people"),
    ]  # fmt: skip


def test_the_definite_role_of_a_named_person_is_that_person() -> None:
    text = (
        "President Ximena Ortiz Lara took questions. “We act out of conviction,” the president "
        "said. A senior official, who asked not to be named, disagreed. “Not so,” the "
        "official said."
    )
    assert quote_rows(run(text)) == [
        ("Ximena Ortiz Lara", ["We act out of conviction,"]),
        ("senior official", ["Not so,"]),
    ]


def test_an_institution_calls_or_thanks_in_a_fragment() -> None:
    text = (
        "The State Department praised Mexico for what it called “unusual resolve.” The U.S. "
        "Embassy thanked the Mexican navy for its “steady partnership” in the operation."
    )
    assert quote_rows(run(text)) == [
        ("State Department", ["unusual resolve."]),
        ("U.S. Embassy", ["steady partnership"]),
    ]


def test_a_pronoun_is_not_a_possessive_s_owner_and_one_attribution_joins_two_parts() -> None:
    text = (
        "Senator Ruth Calder praised Ibarra\u2019s team for what she called \u201ca model of "
        "steady work.\u201d\n\n\u201cWe will appeal,\u201d Calder said, \u201cand we "
        "will win.\u201d"
    )
    assert [(s, n) for s, n in quote_rows(run(text))] == [
        ("Ruth Calder", ["a model of steady work."]),
        ("Ruth Calder", ["We will appeal,", "and we will win."]),
    ]


def test_an_institution_with_its_acronym_speaks_in_reported_speech() -> None:
    text = (
        "The National Chamber of Freight Carriers (Canacar) said in a letter that the checks "
        "would \u201cstrangle the border crossings.\u201d"
    )
    assert quote_rows(run(text)) == [
        ("National Chamber of Freight Carriers", ["strangle the border crossings."]),
    ]


def test_months_share_the_year_written_after_them() -> None:
    text = "They took place in March and October 2025 and in January of this year."
    assert dates_of(text, dt.date(2026, 3, 5)) == [
        ("in March", dt.date(2025, 3, 1), "month"),
        ("October 2025", dt.date(2025, 10, 1), "month"),
        ("in January of this year", dt.date(2026, 1, 1), "month"),
    ]


def test_a_justice_of_the_supreme_court_is_titled() -> None:
    assert people_of("Critics, including former Supreme Court Justice Irma Salas, objected.") == [
        ("Irma Salas", "former Supreme Court Justice")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He was sent to prison.",
        "She was handed over to her family.",
        "Juan Pérez Soto was sent a letter by the court.",
        "The 2019 murder of Juan Pérez Soto was sent to court.",
        "The judge approved the extradition of Juan Pérez Soto.",
        "Ana López Ruiz said on Monday. She was handed over to her family.",
        "Rafael Caro Quintero was sent to a maximum-security prison in Colorado, his lawyer said.",
    ],
)
def test_a_person_sent_elsewhere_or_not_yet_is_no_transfer(text: str) -> None:
    assert transfers_of(text) == []


def test_a_smaller_count_the_same_day_the_other_way_is_its_own_transfer() -> None:
    text = (
        "Mexico sent 26 prisoners to the United States on Monday. On Monday, the United States "
        "deported 5 Mexicans to Mexico. Separately, Juan Pérez Soto was extradited to Spain."
    )
    assert transfers_of(text) == [
        (dt.date(2025, 8, 11), 26, "Mexico", "United States"),
        (dt.date(2025, 8, 11), 5, "United States", "Mexico"),
    ]


def test_a_count_with_its_own_noun_does_not_borrow_the_next_verb() -> None:
    text = "Police arrested 40 people, and 26 were sent to the United States on Friday."
    assert [p for _, p, _, _ in transfers_of(text)] == [26]


def test_a_period_is_not_the_transfer_s_date() -> None:
    text = (
        "TIJUANA, Aug. 9 (Wire) - Mexico sent 11 prisoners to the United States, the second "
        "such transfer this year. Mexico, which had sent no one since 2019, later sent 4 more "
        "people to the United States on Aug. 8."
    )
    assert [d for d, _, _, _ in transfers_of(text)] == [dt.date(2025, 8, 9), dt.date(2025, 8, 8)]


def test_a_total_that_opens_with_since_is_a_claim() -> None:
    assert transfers_of("Since March, 55 people have been sent to the United States.") == []
    assert totals_of("Since March, 55 people have been sent to the United States.") == [
        ("people transferred", 55, dt.date(2025, 3, 1), None)
    ]


def test_a_future_date_in_a_sentence_naming_the_united_states_keeps_its_year() -> None:
    assert dates_of("The hearing in the United States is on Sept. 9.", TUESDAY) == [
        ("Sept. 9", dt.date(2025, 9, 9), "day")
    ]


def test_a_place_where_no_transfer_is_told_is_no_claim() -> None:
    text = (
        "Mexico sent 12 suspects to the United States on Friday. Two suspects were arrested in "
        "separate operations. The first was detained in Sinaloa. A second group of protesters "
        "gathered outside the embassy."
    )
    assert totals_of(text) == []


def test_a_number_of_people_stated_by_the_dozen_is_drafted(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "two dozen" states 24 (the ledger's number check reads it), so it is drafted."""
    article = tmp_path / "dozen.txt"
    article.write_text(
        "Mexico sent two dozen prisoners to the United States on Friday, officials said.\n",
        encoding="utf-8",
    )
    result = ingest_file(article, published="2025-09-01", seeds=seeds_copy)
    assert result.ledger_path is not None
    draft = yaml.safe_load(result.ledger_path.read_text(encoding="utf-8"))
    assert [(e["people"], e.get("derived")) for e in draft["events"]] == [(24, None)]


def test_a_new_wire_s_plane_total_and_named_extradition() -> None:
    """Classes an article written after the rules were done still missed: people put on a
    plane, "So far this year, N have been handed over to U.S. authorities" (a total), and a
    person with an age and a title before the name "was also extradited"."""
    text = (
        "Mexico put 14 alleged members of the Gulf Cartel on a U.S. government plane on "
        "Thursday. A 41-year-old accountant, Lía Ferrer Ochoa, was also extradited to the "
        "United States. So far this year, 123 people have been handed over to U.S. "
        "authorities. The court put 9 people on trial."
    )
    found = run(text)
    assert found.events.select("date", "people", "destination", "suspects").rows() == [
        (dt.date(2025, 8, 7), 14, "United States", ["Lía Ferrer Ochoa"])
    ]
    assert totals_of(text) == [("people transferred", 123, dt.date(2025, 1, 1), None)]


# -- round 5: classes the retired fourth batch (t19-t24) showed, in sentences of my own ------


def test_a_month_expected_or_before_the_end_of_is_ahead_of_the_publication_day() -> None:
    """ "expected a group to be flown north before the end of June", told in April, is this
    June, not last year's: "expected ... to" looks ahead, as does "before the end of"."""
    april = dt.date(2026, 4, 22)
    text = (
        "A U.S. official said Washington expected a new group to be flown north before the "
        "end of June. Tariffs announced in March were expected to take effect in July."
    )
    assert [(d, p) for _, d, p in dates_of(text, april)] == [
        (dt.date(2026, 6, 1), "month"),
        (dt.date(2026, 3, 1), "month"),
        (dt.date(2026, 7, 1), "month"),
    ]


def test_a_weekday_a_person_is_due_on_is_ahead_across_a_place_with_commas() -> None:
    text = "Ortiz is due before a federal magistrate in Laredo, Texas, on Friday."
    assert dates_of(text, TUESDAY) == [("Friday", dt.date(2025, 8, 15), "day")]


def test_totals_told_by_bringing_to_passing_and_ordinals_left_elliptical() -> None:
    text = (
        "The flight brought to 212 the number of prisoners sent north since February. "
        "It was the second flight this year and the sixth since the practice began. "
        "A third group, of 18, left in May. If another group is sent, the total would pass 240."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (212, "people"),
        (2, "transfer number"),
        (6, "transfer number"),
        (3, "transfer number"),
        (18, "people"),
        (240, "people"),
    ]


def test_people_named_in_apposition_to_a_defendant_or_one_of_a_group() -> None:
    text = (
        "A second suspect in the fraud case, Marta Ibarra Solís, remains a fugitive. A judge "
        "rejected a motion by lawyers for one of them, Hugo Peña Lara, to dismiss his case. "
        "He is accused of the killing of Rafael Toscano, a police informant, in 2021. "
        "Marcus Idowu, special agent in charge of the FBI office in Houston, said the money "
        "was traced."
    )
    assert people_of(text) == [
        ("Marta Ibarra Solís", None),
        ("Hugo Peña Lara", None),
        ("Rafael Toscano", "police informant"),
        ("Marcus Idowu", "special agent in charge"),
    ]


def test_a_speaker_of_an_organisation_s_division_is_the_person_not_the_division() -> None:
    text = (
        "Special Agent in Charge Delia Marrow of the FBI's El Paso Field Office said: "
        "\u201cWe never stopped looking.\u201d Deputy Attorney General Tomas R. Healy of the "
        "Justice Department's National Security Division called the flight \u201ca turning "
        "point.\u201d"
    )
    assert quote_rows(run(text)) == [
        ("Delia Marrow", ["We never stopped looking."]),
        ("Tomas R. Healy", ["a turning point."]),
    ]


def test_drugs_carried_or_made_for_a_cartel_and_a_defendant_in_a_case_are_charges() -> None:
    text = (
        "Prosecutors accuse Rosalba Ceniceros of running labs that pressed fentanyl pills for "
        "the Gulf Cartel. Ismael Trujano was accused of letting the cartel use city buses to "
        "carry cocaine into Arizona. A third defendant in the money laundering case, Iker "
        "Sandoval, remains at large."
    )
    assert [(c, a) for c, _, a in charges_of(text)] == [
        ("drug trafficking", "Rosalba Ceniceros"),
        ("drug trafficking", "Ismael Trujano"),
        ("money laundering", "Iker Sandoval"),
    ]


def test_a_pronoun_s_fragment_in_the_same_sentence_is_a_second_part() -> None:
    """Fragments of one speaker woven into one sentence are one quote, also when the second
    has its own attribution by pronoun ("for what he described as")."""
    text = (
        "Deputy Attorney General Tomas R. Healy called the flight \u201ca turning point\u201d "
        "and thanked Mexico for what he described as \u201csteady work.\u201d"
    )
    assert quote_rows(run(text)) == [("Tomas R. Healy", ["a turning point", "steady work."])]


def test_a_title_with_an_adjective_in_ing() -> None:
    text = "The cell ordered the killing of Tomás Arce, a cooperating witness, in 2022."
    assert people_of(text) == [("Tomás Arce", "cooperating witness")]


def test_the_whole_of_a_partitive_before_an_irregular_past_is_a_count() -> None:
    text = "Nine men were flown to Houston. Four of the nine ran a cell in Reynosa."
    assert [(v, u) for v, u, _ in counts_of(text)] == [(9, "people"), (4, "people"), (9, "people")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Last year, Mexico sent 29 people in February and 26 in August.", dt.date(2026, 3, 4),
         [dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 8, 1)]),
        ("During 2025, the first group left on Feb. 27.", dt.date(2026, 6, 10),
         [dt.date(2025, 1, 1), dt.date(2025, 2, 27)]),
        # a year inside the sentence qualifies a noun, not the date
        ("The treaty signed in 1978 was invoked in March.", TUESDAY,
         [dt.date(1978, 1, 1), dt.date(2025, 3, 1)]),
        ("The 30% tariff imposed last year was lifted in March.", TUESDAY,
         [dt.date(2024, 1, 1), dt.date(2025, 3, 1)]),
        ("Last year\u2019s total was surpassed in March, when Mexico sent 26 people.", TUESDAY,
         [dt.date(2024, 1, 1), dt.date(2025, 3, 1)]),
        # a year in a relative clause of its own, or after "but", is not the date's
        ("Mexico, which sent 119 people last year, sent 12 more on Jan. 15.",
         dt.date(2026, 1, 20), [dt.date(2025, 1, 1), dt.date(2026, 1, 15)]),
        ("Mexico sent 29 people last year, but in February it sent 30 more.",
         dt.date(2026, 3, 4), [dt.date(2025, 1, 1), dt.date(2026, 2, 1)]),
        ("The tariff imposed in 2019 will return in March.", dt.date(2026, 3, 4),
         [dt.date(2019, 1, 1), dt.date(2026, 3, 1)]),
    ],
)  # fmt: skip
def test_a_year_the_sentence_names_for_its_telling_is_the_year_of_its_months(
    text: str, published: dt.date, expected: list[dt.date]
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new deadline is Jan. 1.", dt.date(2026, 1, 1)),
        ("Mexico faces a deadline of Feb. 1 to act.", dt.date(2026, 2, 1)),
        ("The original deadline of March 1 passed without a deal.", dt.date(2025, 3, 1)),
        ("Before the deadline on March 1, Mexico sent 29 people.", dt.date(2025, 3, 1)),
    ],
)
def test_a_deadline_already_past_this_year_is_next_year_s_unless_told_as_past(
    text: str, expected: dt.date
) -> None:
    assert [d for _, d, _ in dates_of(text, TUESDAY)] == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("In January, Mexico will host the talks.", dt.date(2025, 11, 20), dt.date(2026, 1, 1)),
        ("On Friday, the judge will rule.", dt.date(2026, 1, 14), dt.date(2026, 1, 16)),
        ("Talks are planned for early February.", dt.date(2025, 11, 20), dt.date(2026, 2, 1)),
        # what a speaker says is not the tense of the day the speaker said it
        ("On Monday, Sheinbaum said she will not yield.", dt.date(2026, 1, 14),
         dt.date(2026, 1, 12)),
        ("In December, Mexico sent 26 people.", dt.date(2026, 1, 14), dt.date(2025, 12, 1)),
    ],
)  # fmt: skip
def test_a_date_opening_its_sentence_takes_the_tense_of_the_clause_after_it(
    text: str, published: dt.date, expected: dt.date
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == [expected]


def test_defendants_listed_with_ages_and_an_age_before_an_appositive_title() -> None:
    text = (
        "The defendants \u2014 Ra\u00fal Medina, 41; Joel Cota, 36; and Ana Paredes, 29 \u2014 "
        "were arraigned on Monday. Among those sent was H\u00e9ctor Villa Ruiz, 52, a former "
        "police chief in Zacatecas."
    )
    assert people_of(text) == [
        ("Ra\u00fal Medina", None),
        ("Joel Cota", None),
        ("Ana Paredes", None),
        ("H\u00e9ctor Villa Ruiz", "former police chief"),
    ]


def test_money_laundered_by_the_sum_and_a_single_firearm_possessed_are_charges() -> None:
    text = (
        "According to court records, Lidia Salcedo, 44, laundered $3 million for the cartel. "
        "Joel Cota is charged with possession of a firearm."
    )
    assert [(c, a) for c, _, a in charges_of(text)] == [
        ("money laundering", "Lidia Salcedo"),
        ("other", "Joel Cota"),
    ]


# -- round 5, guards from reading the diff: sentences the new rules must leave alone ---------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Mexico sent the planned group to the United States on Friday.", TUESDAY,
         [dt.date(2025, 8, 8)]),
        ("The transfer Mexico had planned for November finally happened in January.",
         dt.date(2026, 1, 14), [dt.date(2025, 11, 1), dt.date(2026, 1, 1)]),
        ("In December, Trump threatened tariffs that will take effect in March.",
         dt.date(2026, 1, 14), [dt.date(2025, 12, 1), dt.date(2026, 3, 1)]),
        ("On Monday, the Senate approved a reform that will take effect in 2026.", TUESDAY,
         [dt.date(2025, 8, 11), dt.date(2026, 1, 1)]),
        ("On Friday, the deadline for the review passed.", TUESDAY, [dt.date(2025, 8, 8)]),
        ("Trials will be held in El Paso, Texas, and the 26 men arrived there on Friday.",
         TUESDAY, [dt.date(2025, 8, 8)]),
    ],
)  # fmt: skip
def test_plans_told_as_past_and_verbs_of_other_clauses_keep_a_date_s_tense(
    text: str, published: dt.date, expected: list[dt.date]
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == expected


def test_a_pronoun_s_fragment_after_another_person_is_that_person_s_quote() -> None:
    text = (
        "Deputy Attorney General Tomas R. Healy called the flight \u201ca turning point,\u201d "
        "and President Claudia Sheinbaum dismissed what she called \u201cforeign pressure.\u201d"
    )
    assert quote_rows(run(text)) == [
        ("Tomas R. Healy", ["a turning point,"]),
        ("Claudia Sheinbaum", ["foreign pressure."]),
    ]


def test_a_person_named_inside_the_speaker_s_phrase_is_not_the_speaker() -> None:
    text = (
        "A lawyer for Ovidio Guzm\u00e1n L\u00f3pez of the Federal Defender\u2019s Office "
        "said: \u201cHe is innocent.\u201d"
    )
    assert [speaker for speaker, _ in quote_rows(run(text))] != ["Guzm\u00e1n L\u00f3pez"]
    # a named human being is a person (benchmarks/ANNOTATION.md), with no title of the lawyer's
    assert people_of(text) == [("Ovidio Guzm\u00e1n L\u00f3pez", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Trump accused President Claudia Sheinbaum of doing nothing to stop fentanyl.",
        "Trump accused Sheinbaum of letting cartels move fentanyl across the border.",
        "Sheinbaum accused U.S. officials of exaggerating Mexico's role in fentanyl production.",
        "Ana Ruiz was convicted of shooting a rival who sold cocaine.",
        "Defendants in drug trafficking cases often wait years for trial.",
    ],
)
def test_political_accusations_and_deeds_of_others_are_no_drug_charges(text: str) -> None:
    assert [c for c, _, _ in charges_of(text)] == []


def test_a_case_named_in_a_sentence_s_frame_does_not_accuse_the_next_name() -> None:
    text = (
        "In the money laundering case, Ana Ruiz, a federal prosecutor, asked for a 20-year "
        "sentence."
    )
    assert [(c, a) for c, _, a in charges_of(text)] == [("money laundering", None)]


def test_groups_and_places_in_the_new_people_patterns_are_no_people() -> None:
    assert people_of("Prosecutors charged Tren de Aragua with terrorism.") == []
    assert charges_of("Prosecutors charged Tren de Aragua with terrorism.") == [
        ("terrorism", "terrorism", None)
    ]
    assert people_of("Officials toured one of the border prisons, Puente Grande, on Monday.") == []
    assert people_of("At Puente Grande, 30 \u2014 most of them cartel members \u2014 rioted.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The second flight landed in Houston and a third of the prisoners were sick.",
         [(2, "transfer number")]),
        ("Leaders of the Group of 20 held talks in Brazil.", []),
    ],
)  # fmt: skip
def test_fractions_and_named_groups_are_no_counts(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(v, u) for v, u, _ in counts_of(text)] == expected


def test_a_sum_laundered_is_written_whole() -> None:
    text = "According to court records, Lidia Salcedo, 44, laundered $3 million for the cartel."
    assert [w for _, w, _ in charges_of(text)] == ["laundered $3 million"]


# -- round 6: classes the retired fifth batch (t25-t30) showed, in sentences of my own -------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "was possible", "is likely": a prospect, not a past
        ("An official said a list came in August and that a flight was possible in November.",
         dt.date(2025, 9, 30), [dt.date(2025, 8, 1), dt.date(2025, 11, 1)]),
        # the same day named again is the same date
        ("Duties rise from Feb. 2. \u201cFeb. 2 is the date,\u201d he said.",
         dt.date(2025, 12, 1), [dt.date(2026, 2, 2), dt.date(2026, 2, 2)]),
        # a year told from the year named last
        ("Mexico extradited 70 people in 2025, up from 52 the year before.",
         dt.date(2026, 2, 2), [dt.date(2025, 1, 1), dt.date(2024, 1, 1)]),
        ("The law passed in 2023; a year later it was used for the first time.",
         dt.date(2026, 2, 2), [dt.date(2023, 1, 1), dt.date(2024, 1, 1)]),
    ],
)  # fmt: skip
def test_prospects_days_named_again_and_years_told_from_another(
    text: str, published: dt.date, expected: list[dt.date]
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == expected


def test_groups_told_by_took_of_n_after_an_ordinal_a_list_line_and_up_from() -> None:
    text = (
        "Mexico sent two groups. The first, on May 2, took 28. The second, of 15, left on "
        "June 9.\n"
        "28 - the largest single group\n"
        "Mexico extradited 70 people in 2025, up from 52 the year before."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (1, "transfer number"),
        (28, "people"),
        (2, "transfer number"),
        (15, "people"),
        (28, "people"),
        (70, "people"),
        (52, "people"),
    ]


def test_the_body_named_by_its_head_noun_speaks_for_the_organisation() -> None:
    text = (
        "The U.S. Embassy in Mexico City issued a statement. \u201cWe welcome the swift action "
        "of the authorities,\u201d the embassy said."
    )
    assert [speaker for speaker, _ in quote_rows(run(text))] == ["U.S. Embassy in Mexico City"]


def test_an_unnamed_speaker_with_a_long_relative_clause() -> None:
    text = (
        "A senior Mexican official, who spoke on condition of anonymity because the "
        "negotiations are continuing, said the sides were \u201cclose on steel and far apart on "
        "cars.\u201d"
    )
    assert [speaker for speaker, _ in quote_rows(run(text))] == ["senior Mexican official"]


def test_precursors_bought_money_to_launder_and_a_lookout_s_title() -> None:
    text = (
        "An indictment charges Omar Lira and two associates with conspiracy to launder money "
        "and with helping the cartel buy precursor chemicals for fentanyl production. "
        "Ramiro Sauceda Pinto, a former Sinaloa Cartel lookout, was extradited on Friday."
    )
    assert sorted({c for c, _, _ in charges_of(text)}) == ["drug trafficking", "money laundering"]
    assert ("Ramiro Sauceda Pinto", "former Sinaloa Cartel lookout") in people_of(text)


# -- round 6, guards from reading the diff ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day named again with a tense of its own is resolved by that tense
        (("The tariff took effect on March 4. Officials said another duty would begin on "
          "March 4."), dt.date(2025, 12, 1), [dt.date(2025, 3, 4), dt.date(2026, 3, 4)]),
        ("The first group left on Aug. 12, 2025. A second group is expected on Aug. 12.",
         dt.date(2026, 1, 10), [dt.date(2025, 8, 12), dt.date(2026, 8, 12)]),
        # "the year before" counts from the year named last, not from a weekday between
        (("Mexico extradited 70 people in 2025, officials said on Tuesday, up from 52 the year "
          "before."), dt.date(2026, 1, 21),
         [dt.date(2025, 1, 1), dt.date(2026, 1, 20), dt.date(2024, 1, 1)]),
        # a probability is no tense
        ("Investigators said it was likely that the cartel ordered the killing on Monday.",
         dt.date(2025, 10, 1), [dt.date(2025, 9, 29)]),
    ],
)  # fmt: skip
def test_days_named_again_years_before_and_likelihoods_keep_their_own_tense(
    text: str, published: dt.date, expected: list[dt.date]
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tariff on steel rose to 50%, up from 25 in 2024.", [(50, "percent")]),
        ("Mexico arrested 12 people on Monday. The trip took 3 to 4 hours.", [(12, "people")]),
        ("Mexico sent three groups.\n29 - the first group, on Feb. 27\n26 - the second group",
         [(29, "people"), (1, "transfer number"), (26, "people"), (2, "transfer number")]),
    ],
)  # fmt: skip
def test_compared_figures_durations_and_list_lines_keep_their_units(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(v, u) for v, u, _ in counts_of(text)] == expected


def test_a_title_said_is_not_an_organisation_that_shares_a_word() -> None:
    text = (
        "The Office of the Attorney General opened an investigation. Defense Secretary Gen. "
        "Ricardo Trevilla Trejo visited Culiac\u00e1n. \u201cThe army is here to stay,\u201d the "
        "general said."
    )
    assert [s for s, _ in quote_rows(run(text))] != ["Office of the Attorney General"]


def test_precursors_in_policy_talk_are_no_charge() -> None:
    text = "The new rules make it harder to import precursor chemicals, officials said."
    assert charges_of(text) == []


# -- round 7: classes the retired sixth batch (t31-t36) showed, in sentences of my own -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # untitled names as the subject of a plural passive, one with a particle surname
        ("Saturnino Ibarra Cota and Lourdes de la Garza Ponce are charged with money laundering.",
         [("Saturnino Ibarra Cota", None), ("Lourdes de la Garza Ponce", None)]),
        # the object of an arrest
        ("Soldiers detained Mauro Ochoa Real on Monday at a ranch near Guasave.",
         [("Mauro Ochoa Real", None)]),
        # a relative after another person's possessive: a kinship is no title
        (("Soldiers detained Mauro Ochoa Real on Monday. Ochoa\u2019s younger brother, Gilberto "
         "Ochoa Real, was among those sent north in March."),
         [("Mauro Ochoa Real", None), ("Gilberto Ochoa Real", None)]),
        # a title after "the state's"
        ("The state\u2019s attorney general, Rogelio Ferr\u00e1n Luna, has urged judges to act.",
         [("Rogelio Ferr\u00e1n Luna", "attorney general")]),
        # a role the prosecutors assign, headed by a buyer
        (("BROWNSVILLE (Harbor Wire) \u2014 Rosendo Alcaraz Nieto, described by prosecutors as a "
         "gun buyer for the Jalisco New Generation Cartel (CJNG), pleaded not guilty on Tuesday."),
         [("Rosendo Alcaraz Nieto", "gun buyer")]),
    ],
)  # fmt: skip
def test_people_as_objects_relatives_and_subjects_of_plural_passives(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert people_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("\u201cThe raid ended without a shot,\u201d Bernardo Ulloa Campos, a spokesman for the "
         "Security Cabinet, told reporters on Monday."), [("Bernardo Ulloa Campos", 1)]),
        ("\u201cWe did our part,\u201d his lawyer, Celia Monta\u00f1o, said.",
         [("Celia Monta\u00f1o", 1)]),
        (("The state\u2019s attorney general, Rogelio Ferr\u00e1n Luna, has urged federal judges "
         "to \u201cact quickly.\u201d"), [("Rogelio Ferr\u00e1n Luna", 1)]),
        ("Her sister, Marisela Ocampo Ruiz, has asked the court to \u201cshow some mercy.\u201d",
         [("Marisela Ocampo Ruiz", 1)]),
        # an unnamed speaker of an organisation is the speaker, not the organisation
        (("A spokeswoman for the U.S. Consulate in Monterrey said the consulate \u201cwill not "
         "comment on extraditions.\u201d"), [("spokeswoman", 1)]),
        (("An aide at the Office of the U.S. Trade Representative (USTR), who asked not to be "
         "named, said talks could resume \u201cby the end of spring.\u201d"), [("aide", 1)]),
        # fragments woven into reported speech with "put ... at" and "called it"
        (("Ambassador Quentin Marlowe put the number of people sent north at \u201cmore than 90\u201d "
         "and called it \u201ca record.\u201d"), [("Quentin Marlowe", 2)]),
    ],
)  # fmt: skip
def test_speakers_in_apposition_after_a_quote_and_unnamed_speakers_of_a_body(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(s, len(parts)) for s, parts in quote_rows(run(text))] == expected


def test_a_count_put_at_in_reported_speech_and_a_total_brought_to_the_number() -> None:
    text = (
        "Mexico sent 17 more people north on Friday, bringing to 112 the number handed over "
        "since March. Ambassador Quentin Marlowe put the number of people sent north at "
        "\u201cmore than 90\u201d last year."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [(17, "people"), (112, "people"),
                                                       (90, "people")]  # fmt: skip


def test_an_ordinal_of_an_operation_of_its_kind_since_a_date_places_no_transfer() -> None:
    text = "It was the first such operation since Feb. 3, when 40 prisoners were flown north."
    assert [(v, u) for v, u, _ in counts_of(text)] == [(40, "people")]


def test_a_force_after_a_number_word_and_a_cartel_told_as_a_description() -> None:
    found = run(
        "Three Mexican Navy helicopters and two Mexican Air Force jets landed at the base. A "
        "Sonora cartel boss was among those arrested. Leaders of the Sinaloa cartel were not."
    )
    orgs = found.actors.filter(kind="organisation")["name"].to_list()
    assert orgs == ["Mexican Navy", "Mexican Air Force", "Sinaloa cartel"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "have until" and "now runs to": deadlines ahead, in the next year
        ("Growers have until the middle of February, and the waiver now runs to Feb. 20.",
         dt.date(2025, 11, 3), [dt.date(2026, 2, 1), dt.date(2026, 2, 20)]),
        # "has applied since": a past start, even in a sentence with "would"
        ("Both measures would come on top of a duty that has applied since April 2.",
         dt.date(2025, 11, 21), [dt.date(2025, 4, 2)]),
        # a prospect told before the end of a month, the month ahead
        ("The minister said on Monday that another group was possible before the end of May.",
         dt.date(2026, 3, 4), [dt.date(2026, 3, 2), dt.date(2026, 5, 1)]),
        ("The president said another group was likely before the end of April.",
         dt.date(2026, 3, 4), [dt.date(2026, 4, 1)]),
        # a plan in the present tense, from the dateline's day
        (("NOGALES, Mexico, Sept. 4 (Harbor Wire) \u2014 Relatives of the men plan a march "
         "outside the courthouse on Saturday."), dt.date(2025, 9, 8),
         [dt.date(2025, 9, 4), dt.date(2025, 9, 6)]),
    ],
)  # fmt: skip
def test_deadlines_starts_prospects_and_plans_take_their_tense(
    text: str, published: dt.date, expected: list[dt.date]
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == expected


def test_charges_faced_wanted_on_and_conspiring_to_smuggle() -> None:
    text = (
        "Prosecutors accuse Nemesio Bravo Lugo of trafficking methamphetamine. The rest are "
        "wanted in Arizona on fentanyl charges. Two are accused of conspiring to smuggle "
        "migrants into California."
    )
    assert charges_of(text) == [
        ("drug trafficking", "trafficking methamphetamine", "Nemesio Bravo Lugo"),
        ("drug trafficking", "fentanyl charges", None),
        ("human smuggling", "conspiring to smuggle migrants", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's part named with the possessive: two organisations
        ("Lawyers of the Treasury Department\u2019s Financial Crimes Unit traced the money.",
         ["Treasury Department", "Financial Crimes Unit"]),
        # a country's possessive stays out of the name
        ("Agents of the U.S. Marshals Service and Mexico\u2019s Navy made the arrest.",
         ["U.S. Marshals Service", "Navy"]),
        # an office of a department, both named in full
        ("The Office of Foreign Litigation of the Justice Department filed the request.",
         ["Office of Foreign Litigation", "Justice Department"]),
        # a group with no head word after one with it
        ("Both the Gulf Cartel and Los Zetas recruited there.", ["Gulf Cartel", "Los Zetas"]),
        # the possessive of an organisation, and a title after its name
        (("Prosecutors call him one of the Gulf Cartel\u2019s biggest suppliers. Homeland "
         "Security Investigations Special Agent Irene Pohl led the case."),
         ["Gulf Cartel", "Homeland Security Investigations"]),
        # the news agency a dateline credits is the source, not an actor
        (("TORRE\u00d3N, Mexico, May 2 (Northern Press Service) \u2014 Soldiers raided a "
         "ranch."), []),
    ],
)  # fmt: skip
def test_organisations_split_at_possessives_and_offices_and_never_the_credited_agency(
    text: str, expected: list[str]
) -> None:
    assert run(text).actors.filter(kind="organisation")["name"].to_list() == expected


def test_a_quote_ended_by_a_full_stop_is_not_said_by_the_next_sentence_s_subject() -> None:
    text = (
        "Ambassador Irene Pohl said on Monday that it was \u201cthe best tool we have.\u201d "
        "President Lidia Correa Paz, asked about a new flight, said any decision "
        "\u201cwill be taken in Mexico.\u201d"
    )
    assert [s for s, _ in quote_rows(run(text))] == ["Irene Pohl", "Lidia Correa Paz"]


# -- round 7, a new user's probe articles (written by a tester for this round, not the test
# set): the classes they showed, in the tester's sentences ------------------------------------


def test_people_in_a_list_split_by_semicolons_after_a_dash_and_two_after_a_group() -> None:
    text = (
        "Among them were Jos\u00e9 Antonio de la Garza Ibarra, alias \u201cEl Doctor,\u201d "
        "charged with laundering more than $40 million; H\u00e9ctor \u201cEl G\u00fcero\u201d "
        "Villanueva de los Santos; Mar\u00eda Fernanda del R\u00edo Soto; and Braulio Montes. "
        "Four suspected accomplices \u2014 among them a municipal police officer, Alfonso Ruiz "
        "de Ch\u00e1vez \u2014 were detained on Thursday. The group also included two brothers "
        "from Culiac\u00e1n, Octavio Lugo Sarabia and Rigoberto Lugo Sarabia, wanted on cocaine "
        "charges in Chicago."
    )
    assert [n for n, _ in people_of(text)] == [
        "Jos\u00e9 Antonio de la Garza Ibarra",
        "H\u00e9ctor \u201cEl G\u00fcero\u201d Villanueva de los Santos",
        "Mar\u00eda Fernanda del R\u00edo Soto",
        "Braulio Montes",
        "Alfonso Ruiz de Ch\u00e1vez",
        "Octavio Lugo Sarabia",
        "Rigoberto Lugo Sarabia",
    ]


def test_a_consul_general_in_apposition_and_companies_are_no_people() -> None:
    text = (
        "The U.S. consul general, Naomi Ferraro, praised what she called \u201cfast and "
        "professional work\u201d by Mexican forces. General Motors and Ford told the Office of "
        "the U.S. Trade Representative that a grace period would avoid layoffs."
    )
    found = run(text)
    assert found.actors.filter(kind="person").select("name", "title").rows() == [
        ("Naomi Ferraro", "U.S. consul general")
    ]
    assert "General Motors" in found.actors.filter(kind="organisation")["name"].to_list()
    assert [s for s, _ in quote_rows(found)] == ["Naomi Ferraro"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive before a role: the family speaks, not the person it belongs to
        (("Prosecutors charged Jos\u00e9 de la Garza Ibarra. De la Garza\u2019s family said in a "
          "statement that he had been \u201ctaken like a package.\u201d"), ["family"]),
        # the attribution at the end of the sentence the quote sits inside
        (("The United States will raise tariffs to 35% from Jan. 1 unless Mexico shows "
          "\u201cmeasurable progress\u201d against fentanyl smuggling, Commerce Secretary Lionel "
          "Ashcombe said on Monday."), ["Lionel Ashcombe"]),
    ],
)  # fmt: skip
def test_a_family_that_speaks_and_an_attribution_at_the_end_of_the_sentence(
    text: str, expected: list[str]
) -> None:
    assert [s for s, _ in quote_rows(run(text))] == expected


def test_charges_told_jointly_with_ages_laundering_instruments_and_abducting() -> None:
    text = (
        "Jes\u00fas Manuel \u201cEl Chato\u201d Barrientos, 33, and Ulises Barrientos Pe\u00f1a, "
        "38, are charged with murder. Abel Quintanar de la Cruz is charged with conspiracy to "
        "launder monetary instruments. Marines arrested five men suspected of abducting two "
        "U.S. citizens."
    )
    assert charges_of(text) == [
        ("murder", "murder", None),
        ("money laundering", "conspiracy to launder monetary instruments",
         "Abel Quintanar de la Cruz"),
        ("kidnapping", "abducting", None),
    ]  # fmt: skip


def test_counts_of_managers_bodyguards_working_days_of_whom_and_the_third_and_largest() -> None:
    text = (
        "Today the cartel has five fewer managers. He was arrested with three bodyguards. She "
        "would appeal within the 15 working days the law allows. Mexico made three transfers. "
        "The first left in June. The third and largest came in December. That brought the "
        "total to 92 people, nearly two dozen of whom were wanted in Texas."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (5, "people"),
        (3, "people"),
        (15, "days"),
        (3, "transfers"),
        (1, "transfer number"),
        (3, "transfer number"),
        (92, "people"),
        (24, "people"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a date after the publication day in a recap of the year named just before
        (("HOW MANY TRANSFERS WERE THERE LAST YEAR?\n\nThree. The first, on Feb. 27, put 29 "
          "prisoners on planes. A second group followed on Aug. 12."), dt.date(2026, 2, 12),
         [dt.date(2025, 1, 1), dt.date(2025, 2, 27), dt.date(2025, 8, 12)]),
        # a month naming a transfer told before is that transfer's month
        (("Mexico sent 29 people on Feb. 27, 2025. The February group also included an "
          "accountant."), dt.date(2026, 2, 12), [dt.date(2025, 2, 27), dt.date(2025, 2, 1)]),
        # the end of the month: the reference month
        ("Prosecutors expect a judge to rule by the end of the month.", dt.date(2025, 5, 19),
         [dt.date(2025, 5, 1)]),
        # "came a week after" something: that something is a week before the day named last
        (("A judge on Tuesday approved the extradition. The ruling came a week after the "
          "embassy renewed its request."), dt.date(2025, 12, 3),
         [dt.date(2025, 12, 2), dt.date(2025, 11, 25)]),
    ],
)  # fmt: skip
def test_recaps_transfers_by_month_the_end_of_the_month_and_a_week_after(
    text: str, published: dt.date, expected: list[dt.date]
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == expected


# -- round 7, a second tester's probe articles (not the test set), in the tester's sentences --


def test_a_third_of_n_the_total_sent_to_n_and_two_of_a_person_s_lieutenants() -> None:
    text = (
        "Mexico has made three transfers this year. A second group of 26 followed in June, and "
        "a third of 37 on Sept. 16. That brought the total sent in mass transfers to 92. Two "
        "of Casta\u00f1eda\u2019s lieutenants remain in custody."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (3, "transfers"),
        (2, "transfer number"),
        (26, "people"),
        (3, "transfer number"),
        (37, "people"),
        (92, "people"),
        (2, "people"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "are due" across a list of places between commas
        (("Most of the 19 are due before federal judges in Texas, Arizona and New York on "
          "Jan. 6 and Jan. 7."), dt.date(2025, 12, 23),
         [dt.date(2026, 1, 6), dt.date(2026, 1, 7)]),
        # "of the year": the reference day's year
        ("It was its fourth mass transfer of the year.", dt.date(2025, 12, 23),
         [dt.date(2025, 1, 1)]),
        # a month-by-month recap of the year before, published in January
        (("Here is how 2025 unfolded, month by month.\n\nIn January, Washington threatened a "
          "25% tariff. In April, prosecutors charged 17 members, the first such case of the "
          "year."), dt.date(2026, 1, 12),
         [dt.date(2025, 1, 1), dt.date(2025, 1, 1), dt.date(2025, 4, 1), dt.date(2025, 1, 1)]),
    ],
)  # fmt: skip
def test_deadlines_across_a_list_of_places_and_the_year_of_a_recap(
    text: str, published: dt.date, expected: list[dt.date]
) -> None:
    assert [d for _, d, _ in dates_of(text, published)] == expected


def test_people_with_a_hedged_bare_title_and_two_under_a_plural_title() -> None:
    text = (
        "Among those handed over is Yolanda Estrada Pineda, alleged financial operator of the "
        "Jalisco New Generation Cartel (CJNG), accused of laundering money. Assistant U.S. "
        "Attorneys Colleen Marsh and Tobias Renner are prosecuting the case."
    )
    assert people_of(text) == [
        ("Yolanda Estrada Pineda", "financial operator"),
        ("Colleen Marsh", "Assistant U.S. Attorney"),
        ("Tobias Renner", "Assistant U.S. Attorney"),
    ]


def test_the_special_agent_in_charge_is_the_one_named_before() -> None:
    text = (
        "\u201cMoney is the oxygen of a cartel,\u201d said Special Agent in Charge Nadia Ferreira "
        "of the FBI El Paso Field Office. \u201cAgents followed that money through 14 bank "
        "accounts,\u201d the special agent in charge said."
    )
    assert [s for s, _ in quote_rows(run(text))] == ["Nadia Ferreira", "Nadia Ferreira"]


def test_charges_of_smuggling_rifles_and_paying_agents_to_look_away() -> None:
    text = (
        "Germ\u00e1n Villalobos, 29, a former customs broker, is charged with conspiring to "
        "smuggle 60 rifles into Mexico. Prosecutors unsealed an indictment accusing Rub\u00e9n "
        "Casta\u00f1eda Olgu\u00edn of paying Mexican immigration agents to look away."
    )
    assert [(c, a) for c, _, a in charges_of(text)] == [
        ("weapons trafficking", "Germ\u00e1n Villalobos"),
        ("other", "Rub\u00e9n Casta\u00f1eda Olgu\u00edn"),
    ]


def test_a_council_on_and_a_title_after_and_are_no_cut_organisations() -> None:
    text = (
        "Rodrigo Anaya, an analyst at the Mexican Council on Foreign Relations (Comexi), spoke. "
        "The head of the Security Cabinet and Secretary of Security and Citizen Protection, "
        "Omar Villase\u00f1or Cuevas, stated it."
    )
    orgs = run(text).actors.filter(kind="organisation")["name"].to_list()
    assert orgs == ["Mexican Council on Foreign Relations", "Security Cabinet"]


# -- round 7, years of dates in sentences of my own (a battery written before the rules it
# led to: deadlines of the next year, recaps of the last, datelines) ------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # (text, published, expected list of (as_written-substring, iso))
        ("The 30 percent tariff will take effect on Jan. 15 unless Mexico acts.", dt.date(2025,11,20), ["2026-01-15"]),
        ("Mexico has until Feb. 28 to respond, the official said.", dt.date(2025,11,20), ["2026-02-28"]),
        ("The exemption expires on March 31.", dt.date(2025,12,2), ["2026-03-31"]),
        ("Talks are scheduled for January in Washington.", dt.date(2025,11,20), ["2026-01"]),
        ("A decision is expected in February.", dt.date(2025,11,20), ["2026-02"]),
        ("The deadline of Jan. 15 gives both sides eight weeks.", dt.date(2025,11,20), ["2026-01-15"]),
        ("Duties on steel would rise to 50 percent as of Feb. 1, officials said.", dt.date(2025,12,10), ["2026-02-01"]),
        ("The rule, published on Nov. 3, applies from Jan. 1.", dt.date(2025,11,20), ["2025-11-03","2026-01-01"]),
        ("The tariff imposed on March 4 remains in place.", dt.date(2025,11,20), ["2025-03-04"]),
        ("Growers paid a 21 percent duty in July.", dt.date(2025,11,20), ["2025-07"]),
        ("The joint review of the trade pact begins in July 2026.", dt.date(2025,11,20), ["2026-07"]),
        ("A new round of talks could start in the first week of January.", dt.date(2025,12,15), ["2026-01"]),
        ("The pause lasts 90 days, until March 2.", dt.date(2025,12,2), ["2026-03-02"]),
        ("Mexico must show results before April.", dt.date(2025,11,20), ["2026-04"]),
        ("Officials will meet again on Dec. 9 and Jan. 12.", dt.date(2025,11,20), ["2025-12-09","2026-01-12"]),
        ("Washington set a new deadline: Feb. 15.", dt.date(2025,12,1), ["2026-02-15"]),
        ("The tariff, first threatened in February, was delayed twice, in March and again in August.", dt.date(2025,11,20), ["2025-02","2025-03","2025-08"]),
        ("Trump said on Friday that the duties would start on Feb. 1.", dt.date(2025,11,21), ["2025-11-21","2026-02-01"]),
        # explainer early in the year
        ("On March 13, Mexico sent 29 prisoners north.", dt.date(2026,2,10), ["2025-03-13"]),
        ("The first transfer came in late February, the second in August and the third in December.", dt.date(2026,1,20), ["2025-02","2025-08","2025-12"]),
        ("Mexico sent 26 people on Aug. 12, its second transfer of the year.", dt.date(2026,2,10), ["2025-08-12","2025"]),
        ("In an interview in December, the ambassador praised the transfers.", dt.date(2026,1,20), ["2025-12"]),
        ("A fourth transfer could come as early as March, officials said.", dt.date(2026,2,10), ["2026-03"]),
        ("The Senate will debate the bill on March 3.", dt.date(2026,2,10), ["2026-03-03"]),
        ("Prosecutors have until April 30 to file.", dt.date(2026,2,10), ["2026-04-30"]),
        ("Last year, Mexico sent 29 people in February, 26 in August and 37 in December.", dt.date(2026,2,10), ["2025","2025-02","2025-08","2025-12"]),
        ("In 2025 the transfers took place in February, August and December.", dt.date(2026,2,10), ["2025","2025-02","2025-08","2025-12"]),
        ("The transfers, in February and August, were the largest.", dt.date(2026,1,10), ["2025-02","2025-08"]),
        # dateline, relative
        ("TIJUANA, Mexico, Oct. 3 (Wire) \u2014 Soldiers arrested him on Sunday. He was flown to Mexico City the next day and will appear before a judge on Monday.", dt.date(2025,10,6), ["2025-10-03","2025-09-28","2025-09-29","2025-10-06"]),
        ("Relatives said they would hold a vigil on Saturday.", dt.date(2025,10,8), ["2025-10-11"]),
        ("His hearing was postponed to Nov. 4.", dt.date(2025,10,20), ["2025-11-04"]),
        ("He was extradited in January and sentenced in March.", dt.date(2025,11,5), ["2025-01","2025-03"]),
        ("He is set to be sentenced in January.", dt.date(2025,11,5), ["2026-01"]),
        ("His trial is expected to start next March.", dt.date(2025,11,5), ["2026-03"]),
        ("He was arrested last March.", dt.date(2025,11,5), ["2025-03"]),
        ("He was arrested last March in Sinaloa.", dt.date(2025,2,5), ["2024-03"]),
        ("The government said in September that it would review the list by the end of the year.", dt.date(2025,10,2), ["2025-09","2025"]),
        ("Sheinbaum took office on Oct. 1, 2024, and has since sent 92 people north.", dt.date(2025,12,1), ["2024-10-01"]),
        ("The duty was lifted on Jan. 9 after two days.", dt.date(2025,12,1), ["2025-01-09"]),
        ("Mexico agreed in February to deploy 10,000 troops to the border.", dt.date(2025,12,1), ["2025-02"]),
        ("The next hearing is on Jan. 20.", dt.date(2025,12,18), ["2026-01-20"]),
        ("He will be sentenced on Feb. 3, prosecutors said.", dt.date(2025,11,28), ["2026-02-03"]),
        ("Mexico's Senate approved the reform in October; it takes effect on Jan. 1.", dt.date(2025,11,28), ["2025-10","2026-01-01"]),
        ("The transfers began in February 2025. The second came in August and the third in January.", dt.date(2026,3,2), ["2025-02","2025-08","2026-01"]),
        ("Mexico sent 37 prisoners on Jan. 20, the first transfer of 2026.", dt.date(2026,2,4), ["2026-01-20","2026"]),
        ("Officials expect another transfer in the spring.", dt.date(2026,2,4), []),
        ("On Dec. 4, 19 prisoners were flown out.", dt.date(2026,1,15), ["2025-12-04"]),
        ("A federal judge on Wednesday ordered him held. His next hearing is set for Jan. 8.", dt.date(2025,12,19), ["2025-12-17","2026-01-08"]),
        ("The State Department designated the cartels as terrorist organizations in February.", dt.date(2026,1,5), ["2025-02"]),
        ("The tariff has been in force since Feb. 4.", dt.date(2026,1,15), ["2025-02-04"]),
        ("He has been held since November.", dt.date(2026,1,15), ["2025-11"]),
        ("Officials said the deal could be signed in March.", dt.date(2025,12,3), ["2026-03"]),
        ("The list, handed over in November, includes 40 names.", dt.date(2025,12,3), ["2025-11"]),
        ("Negotiators meet again in January, after talks in Mexico City on Dec. 1 ended without a deal.", dt.date(2025,12,3), ["2026-01","2025-12-01"]),
        ("The first group arrived on Feb. 27; a second landed on Aug. 12.", dt.date(2025,9,1), ["2025-02-27","2025-08-12"]),
        ("The fourth transfer is planned for March.", dt.date(2026,2,10), ["2026-03"]),
        # one mention, as annotators write it ("on March 12 last year", "until Feb. 28 next year")
        ("A third transfer followed on Jan. 20 this year.", dt.date(2026,2,10), ["2026-01-20"]),
        ("Lawyers have 30 days, until Jan. 5, to appeal.", dt.date(2025,12,6), ["2026-01-05"]),
        ("His sentencing was moved from Dec. 15 to Feb. 2.", dt.date(2025,12,1), ["2025-12-15","2026-02-02"]),
        ("The rules, announced on Dec. 20, will apply from Feb. 1 to July 31.", dt.date(2026,1,8), ["2025-12-20","2026-02-01","2026-07-31"]),
        ("In November, officials said another group was likely before the end of January.", dt.date(2025,12,5), ["2025-11","2026-01"]),
    ],
)  # fmt: skip
def test_the_year_of_each_date_in_a_battery_of_sentences(
    text: str, published: dt.date, expected: list[str]
) -> None:
    assert ledger_dates_of(text, published) == expected


# -- round 7, a third tester's probe articles (not the test set), in the tester's sentences ---


def test_people_a_partner_a_us_attorney_after_the_name_a_list_ending_in_others_a_profile() -> None:
    text = (
        "FBI agents arrested her business partner, Esteban Rinc\u00f3n Gayt\u00e1n, in Laredo. "
        "Gloria Estrada Villase\u00f1or, the U.S. Attorney in Chicago, said her office would "
        "seek a joint trial. The rest of those sent are Sof\u00eda Ir\u00e9ne B\u00e1ez-Landa, "
        "Gerardo Uribe Toledo, Arturo Nava Cisneros and six other persons. For most of his "
        "adult life, Evaristo Quintero Lagunas was a ghost to the agents who chased him."
    )
    assert people_of(text) == [
        ("Esteban Rinc\u00f3n Gayt\u00e1n", "business partner"),
        ("Gloria Estrada Villase\u00f1or", "U.S. Attorney"),
        ("Sof\u00eda Ir\u00e9ne B\u00e1ez-Landa", None),
        ("Gerardo Uribe Toledo", None),
        ("Arturo Nava Cisneros", None),
        ("Evaristo Quintero Lagunas", None),
    ]


def test_a_given_name_that_is_a_spanish_head_word_and_a_think_tank_named_after_its_noun() -> None:
    text = (
        "\u201cThe lists,\u201d said Luz Marina Trevi\u00f1o de Alba, who directs the security "
        "program at the think tank M\u00e9xico Eval\u00faa, \u201care written in Washington.\u201d "
        "The tariff is \u201ca tax on cooperation,\u201d according to Canacero, the national steel "
        "chamber."
    )
    found = run(text)
    assert people_of(text) == [("Luz Marina Trevi\u00f1o de Alba", None)]
    assert found.actors.filter(kind="organisation")["name"].to_list() == [
        "M\u00e9xico Eval\u00faa",
        "Canacero",
    ]
    assert [(s, len(p)) for s, p in quote_rows(found)] == [
        ("Luz Marina Trevi\u00f1o de Alba", 2),
        ("Canacero", 1),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("DEA Administrator Leonard Cho put it plainly: \u201cFor years these men treated the "
         "border as a shield.\u201d"), ["Leonard Cho"]),
        (("The Mexican Attorney General\u2019s Office said in a statement that the transfer was "
         "carried out \u201cin strict accordance with Mexican law.\u201d"),
         ["Mexican Attorney General\u2019s Office"]),
        (("\u201cMy client is a truck driver, not a kingpin,\u201d said his attorney, Felipe "
         "Arreola."), ["Felipe Arreola"]),
        (("Through a statement, the U.S. Embassy in Mexico recognized \u201cthe commitment and "
         "professionalism of the Mexican authorities.\u201d"), ["U.S. Embassy in Mexico"]),
        (("Gloria Estrada Villase\u00f1or, the U.S. Attorney in Chicago, spoke. \u201cEvery one of "
         "these defendants will have his day in court,\u201d Estrada said."),
         ["Gloria Estrada Villase\u00f1or"]),
    ],
)  # fmt: skip
def test_speakers_before_a_colon_an_office_s_name_an_appositive_after_said_and_recognized(
    text: str, expected: list[str]
) -> None:
    assert [s for s, _ in quote_rows(run(text))] == expected


def test_counts_of_his_bodyguards_and_at_least_30_days_before_is_a_duration() -> None:
    text = (
        "Two of his bodyguards were also detained. Congress must be notified at least 30 days "
        "before any change takes effect."
    )
    found = run(text, dt.date(2025, 12, 16))
    assert [(v, u) for v, u, _ in counts_of(text)] == [(2, "people"), (30, "days")]
    assert found.dates.is_empty()


def test_the_following_month_a_review_ahead_moving_migrants_and_running_a_drug_network() -> None:
    text = (
        "Marines captured Ventura in Sinaloa in December, and a judge cleared his transfer the "
        "following month. The agreement is up for review in March.\n\n"
        "Prosecutors say \u00d3scar Ventura Malpica ran a methamphetamine network. The November "
        "group included Yesenia Paola Garza Ibarra, accused of moving migrants through "
        "Coahuila for the Gulf Cartel."
    )
    found = run(text, dt.date(2026, 1, 15))
    assert [d for _, d, _ in dates_of(text, dt.date(2026, 1, 15))] == [
        dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 3, 1), dt.date(2025, 11, 1),
    ]  # fmt: skip
    assert found.charges.select("charge", "accused").rows() == [
        ("drug trafficking", "\u00d3scar Ventura Malpica"),
        ("human smuggling", "Yesenia Paola Garza Ibarra"),
    ]


# -- round 7, attributions in sentences of my own (a battery written before the rules it led
# to: "according to" first, plural roles, more verbs of speech) -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are done waiting," Trade Representative Jamieson Greer told reporters on Monday.', [("Jamieson Greer",1)]),
        ('"The cooperation is real," said Ambassador Ronald Johnson, "and it is working."', [("Ronald Johnson",2)]),
        ('According to Security Secretary Omar García Harfuch, the prisoners "represented a threat to national security."', [("Omar García Harfuch",1)]),
        ('The State Department said in a statement that Mexico had "taken a significant step."', [("State Department",1)]),
        ('A senior U.S. official, speaking on condition of anonymity, said the list "is not final."', [("senior U.S. official",1)]),
        ('Defense attorney Marta Ibáñez said her client "never set foot in Texas." Ibáñez said she would appeal. "This is not over," she said.', [("Marta Ibáñez",1),("Marta Ibáñez",1)]),
        ('"Nobody is above the law," the president said at her morning press conference.', [("president",1)]),
        ('"It sends a message," said Luis Ortega, a former DEA agent now at the Wilson Center.', [("Luis Ortega",1)]),
        ('Prosecutors wrote in a filing that Ruiz was "the architect of the route."', [("Prosecutors",1)]),
        ('"We will see more of these," predicted Vanda Felbab-Brown, an analyst at the Brookings Institution.', [("Vanda Felbab-Brown",1)]),
        ('"This is a good day for justice," U.S. Attorney Jay Clayton said in a statement. "And there will be more."', [("Jay Clayton",2)]),
    ],
)  # fmt: skip
def test_the_speaker_of_each_quote_in_a_battery_of_sentences(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(s, len(parts)) for s, parts in quote_rows(run(text))] == expected


def test_she_added_is_the_speaker_of_the_quote_before_not_the_person_named_last() -> None:
    text = (
        "\u201cHe understood the money,\u201d said Ingrid Salom\u00f3n, a former DEA analyst who "
        "tracked Evaristo Quintero Lagunas for six years. His network bought precursors in "
        "Asia. \u201cHe never carried a gun,\u201d she added. \u201cHe carried invoices.\u201d"
    )
    assert [s for s, _ in quote_rows(run(text))] == ["Ingrid Salom\u00f3n", "Ingrid Salom\u00f3n"]


# -- round 7, guards from reading the diff: a reviewer's own sentences that the round's new
# rules got wrong ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("DEA Special Agent Michael Ford led the case. \u201cWe were ready,\u201d Ford said.",
         ["DEA"]),
        ("The cocaine came by sea from Santander, Colombia.", []),
        ("The National Guard and Colombia\u2019s National Police shared intelligence.",
         ["National Guard", "National Police"]),
        ("Members of the U.S. Navy Special Warfare Command trained them.",
         ["U.S. Navy Special Warfare Command"]),
        ("The Treasury\u2019s Office of Foreign Assets Control sanctioned the bank.",
         ["Treasury", "Office of Foreign Assets Control"]),
        ("Members of a Jalisco New Generation cartel cell were arrested.",
         ["Jalisco New Generation cartel"]),
        (("Members of the Jalisco New Generation Cartel (CJNG) \u2014 the group Washington "
         "designated \u2014 were among them."), ["Jalisco New Generation Cartel"]),
    ],
)  # fmt: skip
def test_guard_organisations_of_the_round_7_rules(text: str, orgs: list[str]) -> None:
    assert run(text).actors.filter(kind="organisation")["name"].to_list() == orgs


@pytest.mark.parametrize(
    "text",
    [
        "Troops captured Tierra Caliente strongholds last month.",
        "The police had arrested Sierra Madre growers before.",
        "Marines captured Rancho El Lim\u00f3n, a cartel safe house, on Monday.",
        ("Agents arrested Ana Ruiz Vega, who had run cells in Mexico City; Nuevo Laredo; and "
        "Piedras Negras."),
    ],
)
def test_guard_places_after_arrests_and_in_semicolon_lists_are_no_people(text: str) -> None:
    assert [n for n, _ in people_of(text)] in ([], ["Ana Ruiz Vega"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("\u201cWe have no comment,\u201d a spokesman, speaking for Ambassador Ronald Johnson, "
         "said."), ["spokesman"]),
        (("Troops launched \u201cOperation Northern Shield\u201d in February, Defense Secretary "
         "Luis Sandoval Ruiz said."), []),
        (("Mexico rejected what Trump called \u201can invasion\u201d of fentanyl, Foreign Minister "
         "Juan Ram\u00f3n de la Fuente said."), []),
        (("Special Agent in Charge Nadia Ferreira of the FBI spoke first. \u201cWe followed the "
         "money,\u201d the special agent in charge of the DEA office said."),
         ["special agent in charge"]),
        ("The judge asked whether the term \u201cterrorist\u201d applied to the cartel.", []),
    ],
)  # fmt: skip
def test_guard_speakers_of_the_round_7_rules(text: str, expected: list[str]) -> None:
    assert [s for s, _ in quote_rows(run(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("Marines dismantled 12 labs on Monday, bringing the number of labs dismantled to "
         "1,200."), []),
        ("Analysts put the number of fentanyl labs in Sinaloa at \u201cmore than 300.\u201d", []),
        (("Mexico has sent 55 people north in three transfers. Prosecutors dropped charges "
         "against a third of 90 defendants."), [(55, "people"), (3, "transfers"), (90, "people")]),
        ("Two tour operators in Canc\u00fan were sanctioned.", []),
        ("Mexico made two transfers. The first sending of fentanyl precursors came from China.",
         [(2, "transfers")]),
    ],
)  # fmt: skip
def test_guard_counts_of_the_round_7_rules(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(v, u) for v, u, _ in counts_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Mexico sent 92 people north last year. On Jan. 9, it sent 26 more.",
         dt.date(2026, 1, 20), ["2025", "2026-01-09"]),
        (("Since the 2024 election, cartel violence has risen. On Feb. 27, Mexico sent 29 people "
         "north."), dt.date(2025, 3, 5), ["2024", "2025-02-27"]),
        (("Violence rose sharply in 2024, officials said.\n\nIn February, Mexico sent 29 "
         "prisoners north."), dt.date(2025, 3, 10), ["2024", "2025-02"]),
        ("The tariffs were first threatened last year. In March, Washington imposed a 25% duty.",
         dt.date(2025, 9, 10), ["2024", "2025-03"]),
        (("Trump, who won the 2024 election, threatened tariffs. The first transfer of the year "
         "came on Feb. 27."), dt.date(2025, 3, 5), ["2024", "2025", "2025-02-27"]),
        ("In the year since Trump took office, Mexico sent 92 people.", dt.date(2026, 2, 1), []),
        ("He was named police officer of the year in 2021.", dt.date(2025, 6, 15), ["2021"]),
        ("In 2019, officials promised to act before the end of the year.", dt.date(2025, 6, 15),
         ["2019", "2019"]),
        ("In March, officials said a decision would come by the end of the month.",
         dt.date(2025, 6, 15), ["2025-03", "2025-03"]),
        ("The plan a federal judge blocked on Tuesday would have sped up extraditions.",
         dt.date(2025, 6, 15), ["2025-06-10"]),
        ("Under a plan the cabinet approved on Monday, troops will patrol the border.",
         dt.date(2025, 6, 15), ["2025-06-09"]),
        ("The first flight left on Feb. 27. The second followed a week after that.",
         dt.date(2025, 6, 15), ["2025-02-27", "2025-03-06"]),
        ("Mexico sent 29 people on Feb. 27, 2025. This year\u2019s February flight was smaller.",
         dt.date(2026, 3, 10), ["2025-02-27", "2026", "2026-02"]),
    ],
)  # fmt: skip
def test_guard_dates_of_the_round_7_rules(
    text: str, published: dt.date, expected: list[str]
) -> None:
    assert ledger_dates_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors said the state paid overtime to police officers to guard the courthouse.",
         []),
        ("The program, prosecutors said, paid informants and local officials to share tips.", []),
        ("The bill toughens penalties for fentanyl crimes, lawmakers said.", []),
        ("Iv\u00e1n Soto Leal is charged with conspiracy to launder proceeds of cocaine sales.",
         ["money laundering"]),
    ],
)  # fmt: skip
def test_guard_charges_of_the_round_7_rules(text: str, expected: list[str]) -> None:
    assert [c for c, _, _ in charges_of(text)] == expected


# -- round 8: sentences of my own for the failure classes read in the seventh batch ------------


def test_a_person_named_after_extradited_to_the_united_states_is_found_with_a_title() -> None:
    text = (
        "Mexico on Thursday extradited to the United States Rogelio Fuentes Ibarra, a former "
        "police chief accused of taking bribes from the Gulf Cartel, officials said."
    )
    assert people_of(text) == [("Rogelio Fuentes Ibarra", "former police chief")]
    events = run(text).events
    assert events.select("people", "suspects").rows() == [(1, ["Rogelio Fuentes Ibarra"])]


def test_people_in_apposition_to_some_of_someones_people_are_found() -> None:
    text = (
        "Two of his cousins, Mateo Salgado and Irene Paz Olvera, were detained in Culiac\u00e1n "
        "on Monday and are charged with conspiracy to export firearms."
    )
    assert people_of(text) == [("Mateo Salgado", None), ("Irene Paz Olvera", None)]
    charges = run(text).charges.select("charge", "accused", "defendants").rows()
    assert charges == [("weapons trafficking", None, ["Mateo Salgado", "Irene Paz Olvera"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ramiro Tello is accused of smuggling hundreds of rifles into Sonora.",
         [("weapons trafficking", "smuggling hundreds of rifles", "Ramiro Tello")]),
        ("Julia Benet is charged with smuggling more than 200 firearms bought in Arizona.",
         [("weapons trafficking", "smuggling more than 200 firearms", "Julia Benet")]),
        ("Iker Paz is charged with conspiracy to export guns to Mexico.",
         [("weapons trafficking", "conspiracy to export guns", "Iker Paz")]),
    ],
)  # fmt: skip
def test_weapons_moved_with_words_between_verb_and_guns(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert charges_of(text) == expected


def test_defendants_named_jointly_are_listed_and_one_accused_alone() -> None:
    text = (
        "The remaining five defendants, Abel Ruiz, Nora Vela Cruz, Luis Ortega Paz, Inés Lara "
        "and Tito Gil, are charged with conspiracy to distribute cocaine. Rosa Mena Gil is "
        "charged with money laundering."
    )
    rows = run(text).charges.select("charge", "accused", "defendants").rows()
    assert rows == [
        ("drug trafficking", None,
         ["Abel Ruiz", "Nora Vela Cruz", "Luis Ortega Paz", "Inés Lara", "Tito Gil"]),
        ("money laundering", "Rosa Mena Gil", ["Rosa Mena Gil"]),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("In Washington, the deputy attorney general said the handover was \u201ca sign that "
          "the partnership is real.\u201d"), [("deputy attorney general", 1)]),
        (("President Ana Ruiz Corona said on Feb. 3 that Mexico \u201cwould never take orders "
          "from abroad,\u201d according to a transcript of the briefing."),
         [("Ana Ruiz Corona", 1)]),
        (("\u201cHe sold cement, not cocaine,\u201d said his lawyer, Pablo Gil Arce, who called "
          "the charges \u201ca fiction written by informants.\u201d"), [("Pablo Gil Arce", 2)]),
        (("A spokeswoman for the Interior Ministry said the rifles Ortega Ruiz is accused of "
          "buying were found in Sinaloa. \u201cThey were used in massacres,\u201d she said."),
         [("spokeswoman", 1)]),
        (("Mexico on Friday extradited Tom\u00e1s Ruiz Gil, the Interior Ministry said. The "
          "ministry said the extradition followed \u201cevery step of the law.\u201d \u201cOur "
          "partners in Mexico have kept their word,\u201d U.S. Ambassador Dana Cole wrote on X."),
         [("Interior Ministry", 1), ("Dana Cole", 1)]),
    ],
)  # fmt: skip
def test_speakers_of_the_round_8_rules(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(s, len(p)) for s, p in quote_rows(run(text))] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("A regional summit planned for April could settle the dispute.",
         dt.date(2026, 11, 20), ["2027-04"]),
        ("The summit that was planned for April never took place.",
         dt.date(2026, 11, 20), ["2026-04"]),
        (("People sent since the first transfer, in January 2025: 138\n\nThe Senate, meanwhile, "
          "has asked the minister to appear before its security committee in March."),
         dt.date(2027, 1, 28), ["2025-01", "2027-03"]),
    ],
)  # fmt: skip
def test_dates_of_the_round_8_rules(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was the second such flight of the year, after groups of 29 in February and 14 in May.",
         [(2, "transfer number"), (29, "people"), (14, "people")]),
        ("Transfers in 2026: five\nPeople sent in 2026: 90\nPrisoners still held: about 40\n",
         [(5, "transfers"), (90, "people"), (40, "people")]),
        ("Mexico made five transfers in 2026. The fifth and last, on Dec. 9, carried 31 prisoners.",
         [(5, "transfers"), (5, "transfer number"), (31, "people")]),
        ("The index posted its steepest one-day drop since May; the 90-day exemption stays.",
         [(90, "days")]),
    ],
)  # fmt: skip
def test_counts_of_the_round_8_rules(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(v, u) for v, u, _ in counts_of(text)] == expected


def test_mexicos_senate_is_not_the_us_senate() -> None:
    text = "A U.S. Senate panel held a hearing. Mexico\u2019s Senate approved the reform."
    orgs = run(text).actors.filter(kind="organisation").select("name", "aliases").rows()
    assert orgs == [("U.S. Senate", []), ("Senate", [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lucía Robles Vaca, 52, a former bank branch manager in Saltillo, was charged.",
         [("Lucía Robles Vaca", "former bank branch manager")]),
        ("Efrén Tovar Lira, alleged to be the cartel\u2019s plaza boss, was extradited.",
         [("Efrén Tovar Lira", "plaza boss")]),
        ("Mexico extradited Arturo Nieves Cano, a Sinaloa shipping magnate, on Monday.",
         [("Arturo Nieves Cano", "Sinaloa shipping magnate")]),
    ],
)  # fmt: skip
def test_titles_of_the_round_8_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert people_of(text) == expected


def test_people_among_those_sent_are_suspects_of_the_transfer_told_before() -> None:
    text = (
        "Mexico flew 17 prisoners to the United States on Thursday, officials said.\n\n"
        "The flights left from an air base in Hidalgo.\n\n"
        "Among those sent was Ignacio Berrones Paz, known as \u201cEl Tigre,\u201d whom "
        "prosecutors in Chicago accuse of moving cocaine. Also aboard were Ofelia Zamora Gil, "
        "51, and Rito Ordaz Leal."
    )
    events = run(text, dt.date(2026, 5, 9)).events
    assert events.select("people", "suspects").rows() == [
        (17, ["Ignacio Berrones Paz", "Ofelia Zamora Gil", "Rito Ordaz Leal"])
    ]


def test_a_count_of_members_of_a_named_group_is_the_subject_of_its_passive_verb() -> None:
    text = (
        "Nine alleged members of the C\u00e1rtel del Golfo (CDG) who were expelled from Mexico "
        "on Friday appeared in court in Houston."
    )
    events = run(text, dt.date(2026, 5, 9)).events
    assert events.select("people", "date", "mechanism").rows() == [
        (9, dt.date(2026, 5, 8), "expelled")
    ]


def test_two_of_them_named_are_people() -> None:
    text = "Two of them, Ciro Prado Luna and Elena Prado Ruiz, are charged with extortion."
    assert people_of(text) == [("Ciro Prado Luna", None), ("Elena Prado Ruiz", None)]


#: A battery of my own sentences for dates of round 8 (publication dates near a year's ends).
_ROUND_8_DATES = [
    ('The hearing, set for Jan. 9, will decide the bail question.', dt.date(2026, 12, 3), ['2027-01-09']),
    ('Mexico faces a deadline of Feb. 1 to respond.', dt.date(2026, 12, 3), ['2027-02-01']),
    ('Talks are planned for March in Ottawa.', dt.date(2026, 11, 20), ['2027-03']),
    ('The pause runs until February, officials said.', dt.date(2026, 11, 20), ['2027-02']),
    ('Last December, Mexico sent 29 prisoners north.', dt.date(2027, 1, 15), ['2026-12']),
    ('The tariff has applied since October.', dt.date(2027, 2, 10), ['2026-10']),
    ('A judge will rule on the motion by the end of March.', dt.date(2026, 11, 5), ['2027-03']),
    ('Officials met again on Oct. 30 and agreed to meet in January.', dt.date(2026, 11, 5), ['2026-10-30', '2027-01']),
    ('The group was flown out on Dec. 15. Prosecutors filed charges the next day.', dt.date(2027, 1, 8), ['2026-12-15', '2026-12-16']),
    ('Lawmakers will vote in April on the reform, which the Senate approved in October.', dt.date(2027, 1, 8), ['2027-04', '2026-10']),
    ('The extradition, requested in November, was approved on Jan. 4.', dt.date(2027, 1, 8), ['2026-11', '2027-01-04']),
    ('He is expected to be sentenced in February.', dt.date(2026, 12, 10), ['2027-02']),
    ('Sentencing is scheduled for Feb. 20.', dt.date(2026, 12, 10), ['2027-02-20']),
    ('The exemption expires on March 31, and Mexico has until then to comply.', dt.date(2026, 12, 10), ['2027-03-31']),
    ('In early March, Mexico transferred 26 people; a second group followed in June.', dt.date(2027, 1, 20), ['2026-03', '2026-06']),
    ('Earlier this month, Mexico sent 12 people north.', dt.date(2027, 1, 20), ['2027-01']),
    ('Mexico sent 26 prisoners north on Friday, the first transfer since November.', dt.date(2027, 1, 20), ['2027-01-15', '2026-11']),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expected"), _ROUND_8_DATES)
def test_battery_of_round_8_dates(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


#: A battery of my own sentences for speakers of round 8: (speaker, number of parts).
_ROUND_8_SPEAKERS = [
    ('“The era of impunity is over,” Attorney General Rhea Conti told reporters on Friday.', [('Rhea Conti', 1)]),
    ('Foreign Minister Alba Ruiz Soto rejected the claim. “Mexico is not a colony,” she told the Senate.', [('Alba Ruiz Soto', 1)]),
    ('“We are reviewing every name,” a senior Justice Department official said, speaking on condition of anonymity.', [('senior Justice Department official', 1)]),
    ('The ambassador, Colin Reyes, said the handover showed “real political courage.”', [('Colin Reyes', 1)]),
    ('“This is not the end,” said Irma Lagos, a spokeswoman for the Security Cabinet. “More will follow.”', [('Irma Lagos', 2)]),
    ('In a statement, the State Department said the transfer was “a welcome step.”', [('State Department', 1)]),
    ('Defense lawyer Ruth Okafor said her client would plead not guilty. “He is a farmer,” Okafor said.', [('Ruth Okafor', 1)]),
    ('“We will not negotiate security for trade,” President Lena Duarte wrote on X late Sunday.', [('Lena Duarte', 1)]),
    ('Senator Paul Brandt, a Republican from Ohio, called the deal “a giveaway” and demanded hearings.', [('Paul Brandt', 1)]),
    ('“They were the leaders,” said one U.S. official familiar with the operation. “Not foot soldiers.”', [('U.S. official', 2)]),
    ('According to Deputy Secretary Omar Villa, the prisoners were “the most wanted men in the country.”', [('Omar Villa', 1)]),
    ('The cabinet’s spokesman, Héctor Ibarra, told reporters: “No one was extradited against the law.”', [('Héctor Ibarra', 1)]),
    ('“It was a political decision,” said Mara Quintero, who studies security at a Mexico City university.', [('Mara Quintero', 1)]),
    ('Trade Secretary Ivo Marsh said tariffs would rise “unless we see results,” adding that the deadline was “not negotiable.”', [('Ivo Marsh', 2)]),
    ('“Our message is simple,” the U.S. ambassador to Mexico, Dana Pike, said. “Cooperation works.”', [('Dana Pike', 2)]),
    ('Mexico’s Security Ministry said in a post on X that the operation had been “flawless.”', [('Security Ministry', 1)]),
    ('The judge, Elena Marsh, told the defendants they faced “decades behind bars.”', [('Elena Marsh', 1)]),
    ('White House press secretary Lia Crane said Mexico had done “more than ever before.”', [('Lia Crane', 1)]),
    ('Asked whether more flights were planned, the minister said only: “Wait and see.”', [('minister', 1)]),
    ('“We do not comment on pending cases,” the embassy said in an email.', [(None, 1)]),
    ('Prosecutors said in a filing that Vega had been “the cartel’s banker.”', [('Prosecutors', 1)]),
    ('Gen. Ramón Tirado, the army commander, said the troops were “ready for anything.” He added: “We will hold the line.”', [('Ramón Tirado', 2)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), _ROUND_8_SPEAKERS)
def test_battery_of_round_8_speakers(text: str, expected: list[tuple[str | None, int]]) -> None:
    assert [(s, len(p)) for s, p in quote_rows(run(text))] == expected


# -- round 9: sentences of my own for the failure classes read in the eighth batch ------------


def test_a_day_named_again_as_a_thing_keeps_the_year_it_was_given() -> None:
    # Told in December, "until April 15" is next year's; "the April 15 deadline", named again in
    # a sentence told in the past, is the same day, not this year's April.
    text = (
        "Washington gave Mexico until April 15 to extradite the brothers. Officials said the "
        "April 15 deadline had been agreed with Mexico's Foreign Ministry."
    )
    assert ledger_dates_of(text, dt.date(2026, 12, 10)) == ["2027-04-15", "2027-04-15"]


def test_a_day_named_as_a_thing_with_no_day_before_it_is_resolved_as_usual() -> None:
    assert ledger_dates_of("The judge said the May 4 hearing was moved.", dt.date(2026, 6, 1)) == [
        "2026-05-04"
    ]


def test_lines_of_figures_that_say_what_was_done_to_them_are_counts() -> None:
    text = "FLIGHTS SO FAR\n\n41 - sent on March 6\n19 - flown out in June\n60 - sent since March\n"
    assert counts_of(text) == [
        (41, "people", "41 - sent on March 6"),
        (19, "people", "19 - flown out in June"),
        (60, "people", "60 - sent since March"),
    ]


def test_a_count_compared_after_a_count_of_transfers_compares_the_people() -> None:
    text = "Mexico expelled 71 prisoners to the U.S. in two transfers last year, up from 38 in 2024."
    assert [(v, u) for v, u, _ in counts_of(text)] == [(71, "people"), (2, "transfers"), (38, "people")]


def test_a_statement_from_an_organisation_is_its_quote() -> None:
    text = (
        "The 14 were sent \u201cunder the strictest legal safeguards,\u201d according to a statement "
        "from Mexico's Security Ministry (SSPC)."
    )
    assert quote_rows(run(text)) == [("Security Ministry", ["under the strictest legal safeguards,"])]


def test_a_participle_of_speech_gives_the_quote_to_the_sentences_subject() -> None:
    text = (
        "Foreign Minister Julia Ortega Bravo dismissed the report, saying on Monday that Mexico "
        "\u201cwill not be lectured on sovereignty.\u201d"
    )
    assert quote_rows(run(text)) == [("Julia Ortega Bravo", ["will not be lectured on sovereignty."])]


def test_a_participle_after_a_sentence_led_by_something_else_gives_no_speaker() -> None:
    text = (
        "After the flight, Mexico denied any deal, telling reporters it \u201cbargains with no "
        "one.\u201d"
    )
    assert quote_rows(run(text)) == [(None, ["bargains with no one."])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (('Benito Lara Cuenca, 51, also known as "El Sastre," is described in court papers as the '
         "group's chief financial operator."), [("Benito Lara Cuenca", "chief financial operator")]),
        (("Osiel Pardo Gil, whom Mexican prosecutors describe as the chief enforcer of a gang in "
         "Sonora, was handed over."), [("Osiel Pardo Gil", "chief enforcer")]),
        ("Irene Saldaña, whom agents call the network's accountant, was arrested.",
         [("Irene Saldaña", "accountant")]),
    ],
)  # fmt: skip
def test_roles_the_text_assigns_with_words_between(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert people_of(text) == expected


def test_people_in_apposition_to_two_of_the_other_three_are_found() -> None:
    text = (
        "Vela is one of four men charged. Two of the other three, Aurelio Campa and Dario "
        "Fuentes Ochoa, remain in custody in Sinaloa."
    )
    assert people_of(text) == [("Aurelio Campa", None), ("Dario Fuentes Ochoa", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ulises Maldonado is charged with conspiring to import fentanyl.",
         [("drug trafficking", "conspiring to import fentanyl", "Ulises Maldonado")]),
        ("Rita Salcedo is accused of extorting dozens of shopkeepers in Celaya.",
         [("extortion", "extorting", "Rita Salcedo")]),
    ],
)  # fmt: skip
def test_charges_told_with_a_gerund(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert charges_of(text) == expected


def test_the_atf_spelled_out_is_one_organisation_and_colleges_and_marshals_are_organisations() -> None:
    text = (
        "The Bureau of Alcohol, Tobacco, Firearms and Explosives traced the guns. A researcher at "
        "the College of Sonora said the suspect was handed to the U.S. Marshals."
    )
    orgs = run(text).actors.filter(kind="organisation")["name"].to_list()
    assert orgs == [
        "Bureau of Alcohol, Tobacco, Firearms and Explosives", "College of Sonora", "U.S. Marshals"
    ]


# -- round 10: sentences of my own for the failure classes read in the ninth and tenth batches --


def test_months_listed_after_a_year_in_apposition_take_that_year() -> None:
    text = (
        "Mexico sent 88 people north last year. Adding the two flights of 2025 - 18 people in "
        "April and 12 in October - the total reaches 118."
    )
    assert ledger_dates_of(text, dt.date(2027, 1, 14)) == ["2026", "2025", "2025-04", "2025-10"]


def test_a_month_ahead_told_in_the_present_after_a_recap_stays_in_the_reference_year() -> None:
    text = (
        "In 2025, Mexico sent 31 people on March 6. Mexico's president praised the transfers on "
        "Thursday, calling them \u201cproof of trust.\u201d Her cabinet faces a review of the trade "
        "pact in August."
    )
    assert ledger_dates_of(text, dt.date(2026, 4, 16)) == ["2025", "2025-03-06", "2026-04-16", "2026-08"]


def test_a_weekday_just_after_a_past_verb_is_behind_though_the_clause_names_a_deadline() -> None:
    text = "The deadline for the tariff expired on Monday, and officials will meet again."
    assert ledger_dates_of(text, dt.date(2027, 2, 4)) == ["2027-02-01"]


def test_a_participle_calling_gives_the_quote_to_the_sentences_subject() -> None:
    text = (
        "Senator Laura Bexley criticised the deal on Tuesday, calling it \u201ca gift to the "
        "cartels.\u201d"
    )
    assert quote_rows(run(text)) == [("Laura Bexley", ["a gift to the cartels."])]


def test_a_count_after_then_in_a_list_of_transfers_is_a_count() -> None:
    text = "Mexico sent 18 people in April and 12 in June, then 25 in September."
    assert [(v, u) for v, u, _ in counts_of(text)] == [(18, "people"), (12, "people"), (25, "people")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eight men are charged with moving cocaine and rifles across the border.",
         [("weapons trafficking", "moving cocaine and rifles", None)]),
        ("Ofelia Ruiz, a former customs officer, ran the group's drug shipments, prosecutors say.",
         [("drug trafficking", "ran the group's drug shipments", "Ofelia Ruiz")]),
        ("Two accused money launderers were also aboard.",
         [("money laundering", "money launderers", None)]),
    ],
)  # fmt: skip
def test_charges_of_round_10(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert charges_of(text) == expected


# -- round 11: sentences of my own for the failure classes read in the test set t67-t84 -------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Analysts expect a deal before Christmas, or a further extension into April.",
         dt.date(2026, 11, 19), ["2027-04"]),
        ("The flight left days before a Dec. 1 deadline set by Washington.",
         dt.date(2026, 11, 20), ["2026-12-01"]),
        ("The judge denied bail and set a status hearing for Jan. 8.", dt.date(2026, 10, 30),
         ["2027-01-08"]),
        ("The magistrate gave the defense until Thursday to file its motion.",
         dt.date(2026, 10, 30), ["2026-11-05"]),
        ("He was ordered held pending a bail hearing on Tuesday.", dt.date(2026, 10, 30),
         ["2026-11-03"]),
        ("He was held in the Altiplano prison until Tuesday, when he was flown north.",
         dt.date(2026, 10, 30), ["2026-10-27"]),
    ],
)  # fmt: skip
def test_dates_of_round_11(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


def test_a_running_total_raised_to_a_number_and_a_part_of_a_group_are_counts() -> None:
    text = (
        "Mexico flew 19 prisoners north on Monday, raising the number of people sent without "
        "extradition to 141. Of the 19, 12 face charges in Texas."
    )
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (19, "people"), (141, "people"), (19, "people"), (12, "people")
    ]


def test_a_total_of_things_raised_to_a_number_is_no_count() -> None:
    assert counts_of("Soldiers seized 40 rifles, bringing the number of guns seized to 900.") == []


def test_a_group_that_followed_and_a_total_line_are_counts() -> None:
    text = "The first group of 18 left in May, and 25 followed in August.\n\n43 - in all\n"
    assert [(v, u) for v, u, _ in counts_of(text)] == [
        (1, "transfer number"), (18, "people"), (25, "people"), (43, "people")
    ]


# -- round 12: sentences of my own for the one date of the retired t01-t84 still in another year


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # told in the future after a day still ahead this year: after it, next year
        ("The waiver lapses on Dec. 15, and a fresh review would come in April.",
         dt.date(2026, 11, 12), ["2026-12-15", "2027-04"]),
        # the same month told in the past stays in this year
        ("The waiver lapses on Dec. 15, and was first granted in April.",
         dt.date(2026, 11, 12), ["2026-12-15", "2026-04"]),
        # a month after the day ahead needs no move
        ("The waiver lapses on Oct. 15, and a review would come in December.",
         dt.date(2026, 9, 12), ["2026-10-15", "2026-12"]),
    ],
)  # fmt: skip
def test_dates_of_round_12(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


# Round 12, continued: sentences of my own for what twenty-four date probes (written for the
# round by two testers, kept outside the repository) showed.


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the old plan of a date since moved is behind
        ("The vote, originally scheduled for Dec. 3, has been pushed to Feb. 9.",
         dt.date(2026, 1, 20), ["2025-12-03", "2026-02-09"]),
        # a future infinitive after a comma
        ("Mexico asked for talks with Washington, to be held in February.",
         dt.date(2026, 12, 18), ["2027-02"]),
        # a phrase without a verb shares the tense of the clause before it
        ("The ruling would come after the summit in June, and long before the vote in October.",
         dt.date(2026, 1, 27), ["2026-06", "2026-10"]),
        # a limit is ahead, whatever came earlier in the text
        (("The first flight left on March 3, 2025. Officials said on Friday they expected an "
         "answer by Dec. 12."), dt.date(2026, 11, 25), ["2025-03-03", "2026-11-20", "2026-12-12"]),
        # an event told in the present tense, months behind on the calendar: next year's
        ("Growers face the end of a tariff waiver on Feb. 1.", dt.date(2026, 11, 25),
         ["2027-02-01"]),
        (("Mexico said on Wednesday that it was ready to talk, days before President-elect Ana "
         "Ruiz takes office on Jan. 20."), dt.date(2025, 1, 16), ["2025-01-15", "2025-01-20"]),
        # a statement of last year on what would follow
        (("The ministry said last year that it would send the pair north in November, and a "
         "judge blocked it that same month."), dt.date(2027, 2, 3),
         ["2026", "2026-11", "2026-11"]),
        # postponed to a month before the plan's: the year after it
        ("Her sentencing had been set for October but was delayed to April.",
         dt.date(2026, 11, 30), ["2026-10", "2027-04"]),
        # a month told in the past, months after the reference day on the calendar
        ("In September, an appeals court ordered the government to explain the transfers.",
         dt.date(2027, 1, 11), ["2026-09"]),
        # a weekday limit, in a conditional
        ("\u201cIf they do not answer by Thursday, we will act,\u201d the official said.",
         dt.date(2026, 11, 24), ["2026-11-26"]),
    ],
)  # fmt: skip
def test_dates_of_round_12_probes(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


def test_the_day_before_a_named_event_counts_from_that_event() -> None:
    text = (
        "A judge in Houston sentenced him on Tuesday to 30 years. He had pleaded guilty on "
        "Aug. 4, and he was moved to a federal jail on Aug. 20. His daughter wrote to the "
        "court the day before the sentencing."
    )
    assert ledger_dates_of(text, dt.date(2026, 9, 17)) == [
        "2026-09-15", "2026-08-04", "2026-08-20", "2026-09-14"
    ]


def test_the_day_before_with_no_event_named_counts_from_the_day_named_last() -> None:
    text = "He was sentenced on Tuesday. He had been moved on Aug. 20, and wrote home the day before."
    assert ledger_dates_of(text, dt.date(2026, 9, 17)) == ["2026-09-15", "2026-08-20", "2026-08-19"]


# -- round 13: sentences of my own for the failure classes read in t85-t108 after their one
# scoring


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a deadline named in the last weeks of a year, for the first weeks of the next
        ("The raid came days before a Feb. 2 deadline set by Washington.",
         dt.date(2026, 12, 9), ["2027-02-02"]),
        ("The White House has given Mexico a Jan. 20 deadline to act.", dt.date(2026, 11, 30),
         ["2027-01-20"]),
        # a deadline the clause says was missed stays behind
        ("Mexico missed a Jan. 20 deadline set by Washington.", dt.date(2026, 11, 30),
         ["2026-01-20"]),
        # a range told in the past is behind; a start told in the past is still ahead
        ("Remittances fell 4 percent from January to October.", dt.date(2026, 11, 30),
         ["2026-01", "2026-10"]),
        ("He threatened on Monday to impose the duty from Jan. 1.", dt.date(2026, 11, 25),
         ["2026-11-23", "2027-01-01"]),
        # "runs out" is an event in the present tense
        ("The waiver runs out in February.", dt.date(2026, 11, 25), ["2027-02"]),
        # a limit in the present tense is ahead; one told in the past is behind
        ("Mexican-built trucks remain exempt until Thursday.", dt.date(2026, 11, 24),
         ["2026-11-26"]),
        ("The trucks were exempt until Thursday.", dt.date(2026, 11, 24), ["2026-11-19"]),
        # what a judge schedules for a weekday lies ahead
        (("The judge gave the defense 20 days to file motions and scheduled a status hearing "
         "for Thursday."), dt.date(2026, 11, 24), ["2026-11-26"]),
    ],
)  # fmt: skip
def test_dates_of_round_13(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


def test_that_weekday_is_the_day_named_last_or_of_its_week() -> None:
    # the day named last is a Monday: "that Monday" is that day
    text = "A judge lifted the injunction on Monday, March 8. The ministry told the embassy that Monday."
    assert ledger_dates_of(text, dt.date(2027, 3, 15)) == ["2027-03-08", "2027-03-08"]
    # "earlier that week. That Monday": the Monday of the week of the day named last
    text = (
        "He was flown to Texas on Thursday, March 11. The handover had been agreed earlier "
        "that week. That Monday, a judge lifted the injunction."
    )
    assert ledger_dates_of(text, dt.date(2027, 3, 15)) == ["2027-03-11", "2027-03-08"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mexico sent 90 people last year, more than in 2024, when 61 were sent.",
         [(90, "people"), (61, "people")]),
        ("It sent 90 last year, twice as many as the 45 it sent in 2024.", [(45, "people")]),
        ("Mexico sent 17 on March 2, a further 24 on May 9 and 30 more on Aug. 1.",
         [(17, "people"), (24, "people"), (30, "people")]),
        ("That makes a total of 71 for the year and 140 since the program began.",
         [(71, "people"), (140, "people")]),
        ("The office has charged 36 current and former Mexican officials since 2020.",
         [(36, "people")]),
        ("Three co-defendants remain at large.", [(3, "people")]),
        (("Mexico turned down a request to include two former Guerrero state police "
         "commanders."), [(2, "people")]),
        # "twice as many" is a comparison, not two transfers
        ("Mexico sent twice as many people by plane as in 2024.", []),
    ],
)  # fmt: skip
def test_counts_of_round_13(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(v, u) for v, u, _ in counts_of(text)] == expected


def test_a_region_opened_by_a_compass_word_is_no_person() -> None:
    text = "A supplier for the cartel in Northern California was arrested, said Agent Rita Soto."
    assert people_of(text) == [("Rita Soto", "Agent")]


def test_charges_of_a_story_that_describes_its_subject_before_naming_him() -> None:
    text = (
        "DENVER (Wire) - A former Durango state police commander pleaded not guilty on Monday "
        "to kidnapping and money laundering charges.\n\n"
        "Ramón Quiroz Ibarra, 51, was extradited from Mexico last week."
    )
    assert charges_of(text) == [
        ("kidnapping", "kidnapping", "Ramón Quiroz Ibarra"),
        ("money laundering", "money laundering", "Ramón Quiroz Ibarra"),
    ]


def test_charges_of_a_group_described_stay_with_the_group() -> None:
    text = (
        "A group of 19 defendants pleaded not guilty on Monday to kidnapping charges.\n\n"
        "Ramón Quiroz Ibarra, 51, was among them."
    )
    assert charges_of(text) == [("kidnapping", "kidnapping", None)]


def test_a_charge_told_with_him_is_of_the_person_named_before() -> None:
    text = (
        "Ramón Quiroz Ibarra was flown to Denver on Friday. The indictment also accuses him "
        "of the 2020 kidnapping of a rancher."
    )
    assert charges_of(text) == [("kidnapping", "kidnapping", "Ramón Quiroz Ibarra")]


def test_two_organisations_joined_by_and_before_a_country_possessive_are_two() -> None:
    text = (
        "Agents had help from the Sonora State Investigation Agency and Mexico's Attorney "
        "General's Office."
    )
    orgs = run(text).actors.filter(kind="organisation")["name"].to_list()
    assert orgs == ["Sonora State Investigation Agency", "Attorney General's Office"]


def test_a_committee_named_before_a_weekday_ends_before_it() -> None:
    text = "The trade envoy told the Senate Banking Committee on Thursday that talks go on."
    orgs = run(text).actors.filter(kind="organisation")["name"].to_list()
    assert orgs == ["Senate Banking Committee"]


# -- round 14: sentences of my own for the failure classes read in t109-t132 after their one
# scoring


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # what a committee has scheduled is ahead, even after a date of last year
        (("The first flight left on Feb. 2, 2026. The Senate has scheduled a hearing on the "
         "transfers for Feb. 9."), dt.date(2027, 1, 14), ["2026-02-02", "2027-02-09"]),
        # "pending a hearing on": ahead, even after a date of last year
        (("He was arrested on May 2, 2024. A judge ordered him held pending a detention "
         "hearing on June 20."), dt.date(2025, 6, 16), ["2024-05-02", "2025-06-20"]),
        # a deadline, the noun, is no future: a month before it is behind
        ("The tariff rises after the Dec. 20 deadline the president set in September.",
         dt.date(2026, 11, 16), ["2026-12-20", "2026-09"]),
        # the month of the day named just before is that day's
        (("The second flight, on July 9, 2026, was the largest. That put the total at 60 by "
         "July."), dt.date(2027, 1, 14), ["2026-07-09", "2026-07"]),
        # an event named by its day, awaited
        ("The raid came days before a Dec. 9 summit in Washington.", dt.date(2026, 12, 3),
         ["2026-12-09"]),
        # extended to: ahead
        ("The pause expired on Oct. 20 and was extended for 30 days, to Dec. 4.",
         dt.date(2026, 11, 16), ["2026-10-20", "2026-12-04"]),
        # "this Friday" told in the present is the coming one
        ("A second deadline, for a surcharge on steel, falls this Friday.", dt.date(2027, 1, 12),
         ["2027-01-15"]),
        # "on Thursday, a day after he was extradited": the day before
        ("He pleaded not guilty on Thursday, a day after he was extradited.",
         dt.date(2025, 12, 19), ["2025-12-18", "2025-12-17"]),
    ],
)  # fmt: skip
def test_dates_of_round_14(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the person whose appositive names an organisation
        (("Deputy Sara Quintana Ríos, of the ruling party in the Chamber of Deputies, said the "
         "plan \u201cturns Mexico into a waiting room\u201d for U.S. prisons."), "Sara Quintana Ríos"),
        # the person whose relative clause names another
        (("The trade minister, Hugo Ferrer Lima, who is due in Washington for talks with Alma "
          "Pike, said Mexico would not bargain \u201cone prisoner at a time.\u201d"),
         "Hugo Ferrer Lima"),
        # a role that heads the sentence, with a participle of speech
        (("A spokeswoman for the U.S. Attorney\u2019s Office declined to comment, saying only that "
         "prosecutors were \u201cready to go to trial.\u201d"), "spokeswoman"),
        (("On Monday, prosecutors filed a response calling the motion \u201ca delay for its own "
         "sake.\u201d"), "prosecutors"),
        # a role whose appositive holds a comma
        (("A spokeswoman for the Border Trade Alliance, a group based in Laredo, Texas, called "
         "the tariff \u201ca tax on American factories.\u201d"), "spokeswoman"),
        (("\u201cEvery count is a family,\u201d said Assistant Director in Charge Rhea Stone of "
         "the FBI."), "Rhea Stone"),
    ],
)  # fmt: skip
def test_speakers_of_round_14(text: str, expected: str) -> None:
    assert [speaker for speaker, _ in quote_rows(run(text))] == [expected]


def test_a_pronoun_stands_for_the_subject_not_a_person_its_clause_names() -> None:
    text = (
        "Ramiro Lugo Peña was flown to Denver in May.\n\nThe victim\u2019s brother, Saúl Mena "
        "Ortiz, has attended every hearing since Lugo arrived in Denver. \u201cWe waited three "
        "years,\u201d he told reporters."
    )
    assert [speaker for speaker, _ in quote_rows(run(text))] == ["Saúl Mena Ortiz"]


def test_a_president_of_a_cluster_is_no_person_named_cluster() -> None:
    text = "Ana Ruiz, president of the Jalisco Tequila Cluster, said exports fell."
    assert people_of(text) == [("Ana Ruiz", "president")]


# -- round 15: sentences of my own for the failure classes read in t133-t156 after their one
# scoring


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the noun "deadline", then a past: the month it was set is behind
        ("The Feb. 1 deadline that the president set in October falls on Monday.",
         dt.date(2027, 1, 27), ["2027-02-01", "2026-10", "2027-02-01"]),
        # a limit in a clause without a past verb is ahead
        (("Mexico rejected a demand, made in May, that it hand over 20 named fugitives by the "
         "end of October."), dt.date(2026, 8, 18), ["2026-05", "2026-10"]),
        # a point reached, told in the past, is behind
        (("The second group followed on July 16, 2026. That brought the total to 53 by the end "
         "of July."), dt.date(2027, 1, 12), ["2026-07-16", "2026-07"]),
        # "ruled out ... before December": ahead
        ("On Monday she ruled out another transfer before December.", dt.date(2025, 9, 11),
         ["2025-09-08", "2025-12"]),
        # the present after a past in the same clause; a participle before "by" is no verb
        ("An exemption that Washington granted on Aug. 4 and that runs until Friday is in doubt.",
         dt.date(2026, 11, 17), ["2026-08-04", "2026-11-20"]),
        ("He said a team led by his deputy is in Washington until Friday.",
         dt.date(2025, 12, 4), ["2025-12-05"]),
        ("The judge ordered him held until Friday, when she will hear arguments on bail.",
         dt.date(2027, 3, 3), ["2027-03-05"]),
        # "by the end of the month" in a future clause is the reference day's month
        (("A list has been under review since October, and a decision will come by the end of "
         "the month."), dt.date(2027, 1, 12), ["2026-10", "2027-01"]),
        # anaphoric: "that night", "Four years later"
        ("He was flown north on Tuesday and booked into the county jail that night.",
         dt.date(2025, 7, 17), ["2025-07-15", "2025-07-15"]),
        ("The case began with a seizure in 2022. Four years later, its leaders are in court.",
         dt.date(2026, 12, 14), ["2022", "2026"]),
    ],
)  # fmt: skip
def test_dates_of_round_15(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE TALLY\n\nMarch 3: 21 sent (21 in all)\nJune 9: 30 sent (51 in all)\n",
         [(21, "people"), (21, "people"), (30, "people"), (51, "people")]),
        ("The first group this year, of 26, was flown out on March 3.",
         [(1, "transfer number"), (26, "people")]),
        ("That adds to the 40 people Mexico sent in 2025, making 120 in all.",
         [(40, "people"), (120, "people")]),
    ],
)  # fmt: skip
def test_counts_of_round_15(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(v, u) for v, u, _ in counts_of(text)] == expected


# -- guards for rounds 12-15, from a code review's counter-examples (sentences of the
# reviewer's, run against the rules before and after)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a word of an event in the present tense used as a noun moves nothing
        ("Extraditions were put on hold in March, officials said.", dt.date(2025, 11, 20),
         ["2025-03"]),
        ("Officials confirmed his return to Mexico on Tuesday.", dt.date(2025, 11, 12),
         ["2025-11-11"]),
        ("Mexico handed over a close associate of Guzmán on Tuesday.", dt.date(2025, 11, 12),
         ["2025-11-11"]),
        # "that Tuesday's talks" after a verb of speech is no anaphor
        (("Mexico sent 26 prisoners to the United States on Jan. 20. Earlier this week, Ebrard "
         "said that Tuesday's talks in Washington had gone well."), dt.date(2025, 11, 14),
         ["2025-01-20", "2025-11-11"]),
        # "pending" does not reach across "since"
        ("Galaviz has been held without bail pending trial since his arrest on Jan. 8.",
         dt.date(2025, 11, 12), ["2025-01-08"]),
        # a trial the defense asks to delay to a month ahead
        ("The defense asked the judge to delay the trial to September.", dt.date(2025, 6, 10),
         ["2025-09"]),
        # a past limit: "exchanged proposals" is a verb, not an adjective
        ("Negotiators exchanged proposals until Friday, when the talks broke down.",
         dt.date(2025, 11, 12), ["2025-11-07"]),
        # "by a Mexican Navy aircraft" tells of no deadline
        (("Trump gave Mexico until March 4 to act. On Feb. 27, Galaviz was flown to Texas by a "
         "Mexican Navy aircraft. Ebrard flew to Washington the day before the deadline."),
         dt.date(2025, 3, 6), ["2025-03-04", "2025-02-27", "2025-03-03"]),
        # the future of a statement of last year, for a month already past this year
        ("Sheinbaum said last year that the judicial reform would take effect in January.",
         dt.date(2025, 12, 3), ["2024", "2025-01"]),
    ],
)  # fmt: skip
def test_guard_dates_of_rounds_12_to_15(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington extended the tariff pause by 30 days in February and another 30 in March.",
         [(30, "days")]),
        ("The Treasury sanctioned 8 companies, making 40 in all this year.", []),
        ("Officials have seized 12 tons of fentanyl, 5 since June.", []),
        ("Inflation has risen 4 percent, 2 since January.", [(4, "percent")]),
        ("Mexico has sent prisoners twice as part of the security deal.", [(2, "transfers")]),
    ],
)  # fmt: skip
def test_guard_counts_of_rounds_12_to_15(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(v, u) for v, u, _ in counts_of(text)] == expected


def test_guard_a_grand_jury_that_indicted_him_charges_the_one_named_before() -> None:
    text = (
        "Rafael Caro Quintero was flown to New York on Feb. 27. A federal grand jury in "
        "Brooklyn indicted him on charges of drug trafficking and murder. Judge Frederic "
        "Block set a hearing for March 4."
    )
    assert [(c, a) for c, _, a in charges_of(text)] == [
        ("drug trafficking", "Rafael Caro Quintero"), ("murder", "Rafael Caro Quintero")
    ]


def test_guard_charges_against_the_person_named_after_them() -> None:
    text = (
        "DENVER (Wire) - A federal judge on Thursday refused to dismiss kidnapping charges "
        "against Rosendo Galaviz Ureña, a former police chief."
    )
    assert [(c, a) for c, _, a in charges_of(text)] == [("kidnapping", "Rosendo Galaviz Ureña")]


def test_guard_a_person_asked_about_is_not_the_body_that_answers() -> None:
    text = (
        "Asked about Omar García Harfuch, the Justice Department said it \u201cdoes not comment "
        "on extradition requests.\u201d"
    )
    assert [speaker for speaker, _ in quote_rows(run(text))] == ["Justice Department"]


# -- round 16: sentences of my own for the failure classes read in t157-t180 after their one
# scoring


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "the January date" is the January day named before
        (("The White House set a Jan. 20 deadline. An official said the January date would "
         "not move."), dt.date(2025, 11, 21), ["2026-01-20", "2026-01"]),
        # "before January", told in December
        ("A fifth transfer was not planned before January, an official said.",
         dt.date(2026, 12, 3), ["2027-01"]),
        # "first threatened to raise it in February" is the old threat
        ("Voss first threatened to raise the tariff in February.", dt.date(2025, 11, 20),
         ["2025-02"]),
        # a present tense after a date of last year in a recap
        (("Mexico sent 80 people last year. The Senate has scheduled a hearing on the "
          "transfers for Jan. 27, and Mexico's Congress, which reconvenes in February, has "
          "asked the minister to explain."), dt.date(2027, 1, 12),
         ["2026", "2027-01-27", "2027-02"]),
        # a hearing set for a weekday, after the day of the setting told in the sentence
        (("He was flown to Baltimore last Thursday and appeared before a magistrate the "
          "following day, and she scheduled a hearing for Monday."), dt.date(2025, 12, 17),
         ["2025-12-11", "2025-12-12", "2025-12-15"]),
    ],
)  # fmt: skip
def test_dates_of_round_16(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("President Ana Ríos, who met Curtis Wendell at the White House on Jan. 6, said on "
         "Friday that Mexico \u201chas kept every promise it made.\u201d"), "Ana Ríos"),
        (("\u201cHe is in our courtroom now,\u201d a spokesperson for the U.S. Attorney\u2019s Office "
         "for the Eastern District of Missouri said."), "spokesperson"),
    ],
)  # fmt: skip
def test_speakers_of_round_16(text: str, expected: str) -> None:
    assert [speaker for speaker, _ in quote_rows(run(text))] == [expected]


# -- round 17: sentences of my own for the failure classes read in t181-t204 after their one
# scoring: a date whose year the text does not settle is offered with both readings instead
# of guessed; "that Monday", "that August" and the second date of a pair lean on the date
# before them.


def read_dates(text: str, published: dt.date) -> list[tuple[str, str | None, list[str]]]:
    """Each date as written, as the ledger writes it (None when its year is not certain),
    and the readings offered instead."""
    rows = run(text, published).dates.select("as_written", "date", "precision", "readings")
    return [(w, ledger_date(d, p), list(r)) for w, d, p, r in rows.rows()]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the second date of a pair shares the first's year, and its direction
        ("A magistrate held the four men pending bail hearings on Nov. 3 and Nov. 4.",
         dt.date(2025, 10, 30), ["2025-11-03", "2025-11-04"]),
        # a range across the new year (a guard: the rules before round 17 gave it too)
        ("The ministry will close the crossing from Dec. 29 to Jan. 2, officials said.",
         dt.date(2025, 12, 10), ["2025-12-29", "2026-01-02"]),
        # "that Monday": the first Monday after the day named last, not the reference day's
        (("Police arrested Ortega on Friday, Sept. 5, 2025, in Mazatlán, and a federal judge "
          "ordered him held that Monday."), dt.date(2026, 2, 10), ["2025-09-05", "2025-09-08"]),
        # "that August": the year named last
        (("The indictment was unsealed in 2023. Two of the men were caught in Laredo that "
          "August."), dt.date(2026, 2, 10), ["2023", "2023-08"]),
        # the conjunction "that" before a month is no anaphora
        ("Analysts warned that August and September exports would fall.", dt.date(2026, 2, 10),
         ["2026-08", "2026-09"]),
        # two dates joined by "and" out of the calendar's order are a list, not a range
        ("Hearings were held on Dec. 3 and Nov. 28.", dt.date(2026, 1, 10),
         ["2025-12-03", "2025-11-28"]),
        ("Mexico sent prisoners in March and January.", dt.date(2025, 10, 10),
         ["2025-03", "2025-01"]),
        # "that Monday" after a day named last is not pushed past a story told in the past
        (("Police said on Wednesday that Ortega had been detained. He had been seen in "
          "Culiacán that Monday."), dt.date(2026, 2, 12), ["2026-02-11", "2026-02-09"]),
        # "that August" leans on a year written, not on the year of "on Tuesday"
        ("The indictment was unsealed on Tuesday. He fled to Texas that August.",
         dt.date(2026, 2, 10), ["2026-02-10", "2025-08"]),
        # a threat to act in a month, told two months before it: that month, ahead (a guard)
        ("Lozano threatened to cut the sugar quota in January, an aide said.",
         dt.date(2026, 11, 20), ["2027-01"]),
    ],
)  # fmt: skip
def test_dates_of_round_17(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


def test_a_year_the_tense_and_the_calendar_disagree_on_is_offered_not_guessed() -> None:
    # Told on 20 November, with no tense for the date: the rules' year (this year's January,
    # ten months back) against the calendar's (the January two months ahead); a reviewer is
    # shown both.
    text = "The sugar quota review in January is the next test for the pact."
    assert read_dates(text, dt.date(2026, 11, 20)) == [
        ("in January", None, ["2026-01", "2027-01"]),
    ]


def test_what_is_counted_from_an_uncertain_day_is_uncertain_too() -> None:
    text = ("The sugar quota review on Jan. 8 is the next test for the pact. A second round "
            "comes two days later.")  # fmt: skip
    assert read_dates(text, dt.date(2026, 11, 20)) == [
        ("Jan. 8", None, ["2026-01-08", "2027-01-08"]),
        ("two days later", None, ["2026-01-10", "2027-01-10"]),
    ]


# Guards of the rule above: where the clause settles the year, no reading is offered (the
# rules before round 17 gave the same dates, without the ``readings`` column).
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a past the date's own verb tells: certain, though the same day next year is nearer
        ("Mexico sent 31 prisoners north on Jan. 22.", dt.date(2026, 12, 4), "2026-01-22"),
        ("In February, Voss imposed a 10 percent duty.", dt.date(2026, 11, 20), "2026-02"),
        # a clause with no verb of its own takes its sentence's past
        ("Officials said Mexico had sent 26 prisoners north, most of them in February.",
         dt.date(2025, 11, 20), "2025-02"),
        # what a past date left, told in the present after it
        ("The February transfer remains the largest.", dt.date(2025, 12, 1), "2025-02"),
        ("The death toll from the Jan. 9 blast stands at 12.", dt.date(2025, 11, 28),
         "2025-01-09"),
        # a future the clause tells: certain, though the same day last year is nearer
        ("Judge Ortiz set the trial for Sept. 14.", dt.date(2026, 1, 6), "2026-09-14"),
        # a deadline named by its day lies ahead
        ("The peso fell before a Jan. 15 deadline.", dt.date(2026, 11, 18), "2027-01-15"),
    ],
)  # fmt: skip
def test_a_year_the_clause_settles_is_given(text: str, published: dt.date, expected: str) -> None:
    assert [(d, r) for _, d, r in read_dates(text, published)] == [(expected, [])]


def test_each_reading_is_counted_from_its_own_day() -> None:
    # Jan. 8, 2025 is a Wednesday and Jan. 8, 2026 a Thursday: each has its own next Monday;
    # Feb. 27 two days on is March 1 in 2027 and Feb. 29 in the leap year 2028.
    text = ("The sugar quota review on Jan. 8 is the next test for the pact. The following "
            "Monday the talks resume.")  # fmt: skip
    assert read_dates(text, dt.date(2025, 11, 20))[1] == (
        "The following Monday", None, ["2025-01-13", "2026-01-12"],
    )  # fmt: skip
    text = ("The quota review on Feb. 27 is the next test for the pact. A second round comes "
            "two days later.")  # fmt: skip
    assert read_dates(text, dt.date(2027, 11, 20))[1] == (
        "two days later", None, ["2027-03-01", "2028-02-29"],
    )  # fmt: skip


def test_a_month_named_again_is_as_uncertain_as_before() -> None:
    text = "The transfer in February is the next test. The February transfer will include 30."
    assert read_dates(text, dt.date(2025, 11, 20)) == [
        ("in February", None, ["2025-02", "2026-02"]),
        ("February", None, ["2025-02", "2026-02"]),
    ]


def test_a_present_after_the_date_and_its_year_written_before_it_settle_nothing() -> None:
    # "Jan. 10 is the new deadline" after a day of 2023, told on 20 December 2025: the
    # sentence's past ("ruled") is not the deadline's tense
    text = "The court ruled on Dec. 15, 2023, and Jan. 10 is the new deadline."
    assert read_dates(text, dt.date(2025, 12, 20))[1] == (
        "Jan. 10", None, ["2025-01-10", "2026-01-10"],
    )  # fmt: skip


def test_the_dates_frame_says_which_dates_are_uncertain() -> None:
    found = run("The quota review in January is the next test.", dt.date(2026, 11, 20))
    assert found.dates.schema["readings"] == pl.List(pl.String())
    assert found.dates.select("date", "precision").row(0) == (None, "month")


# -- round 18: sentences of my own for the failure classes read in t205-t228 after their one
# scoring.


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "the day before the flight" counts from the day the text calls the flight's
        (("With Tuesday's flight, Mexico has sent 60 people north. The first group left on "
          "March 6, 2025. A third transfer took place on Dec. 9. On the day before the "
          "flight, Voss renewed his threat."), dt.date(2026, 1, 14),
         ["2026-01-13", "2025-03-06", "2025-12-09", "2026-01-12"]),
        # "that August" leans on the month named last, not on a year that qualifies a noun
        (("A second group of 25 followed on Aug. 6, 2026. One of them was wanted for the 2012 "
          "murder of an informant. That August, a judge threw out a challenge."),
         dt.date(2027, 2, 25), ["2026-08-06", "2012", "2026-08"]),
        # the second day of a pair written with one month
        ("Senators will question the minister on Feb. 3 and 4.", dt.date(2026, 1, 22),
         ["2026-02-03", "2026-02-04"]),
        # a number after "and" that counts a noun is no day (a guard)
        ("Mexico sent them on Dec. 17 and 18 people were charged.", dt.date(2025, 12, 20),
         ["2025-12-17"]),
    ],
)  # fmt: skip
def test_dates_of_round_18(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "written", "readings"),
    [
        # a present in the date's clause: the sentence's past ("left") is not its tense, and
        # the year of "November 2025" before it does not carry over
        (("Mexico has sent 147 people north since November 2025. The last group left on "
          "Sept. 8, and U.S. officials say they want more before December."),
         dt.date(2026, 10, 8), "December", ["2025-12", "2026-12"]),
        # the past participle the date belongs to, read as a December ahead
        (("The court is expected to rule in August on a challenge by relatives of three of "
          "those sent in December."), dt.date(2026, 5, 20), "in December",
         ["2025-12", "2026-12"]),
    ],
)  # fmt: skip
def test_years_of_round_18_are_offered(
    text: str, published: dt.date, written: str, readings: list[str]
) -> None:
    assert (written, None, readings) in read_dates(text, published)


# -- round 19: sentences of my own for the failure classes read in t229-t252 after their one
# scoring.


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month or day with "last year" / "next year" after it is one mention of that year
        ("Benavides, who was arrested in Tampico in June last year, was sent north.",
         dt.date(2026, 11, 25), ["2025-06"]),
        ("The judge set a trial date of April 14 next year.", dt.date(2025, 11, 3),
         ["2026-04-14"]),
        # "was not expected before late September": the future of then, not last September
        ("The official said a new transfer was not expected before late September.",
         dt.date(2027, 7, 14), ["2027-09"]),
        # "that August" after a verb that is no verb of saying
        ("The first group left on Feb. 19, 2026. A second group followed that August.",
         dt.date(2027, 10, 6), ["2026-02-19", "2026-08"]),
        # "by mid-March" after a March day, told in the past: that March
        ("The second group left on March 13. That brought the total to 45 by mid-March.",
         dt.date(2025, 12, 18), ["2025-03-13", "2025-03"]),
    ],
)  # fmt: skip
def test_dates_of_round_19(text: str, published: dt.date, expected: list[str]) -> None:
    assert ledger_dates_of(text, published) == expected


def test_an_infinitive_after_a_past_is_no_past_for_the_date() -> None:
    # "came as officials weigh whether to extend, past April 1, an exemption": the sentence's
    # past ("came") is not the date's; told on March 18, the April 1 two weeks ahead is the
    # nearer reading, and the draft must not give last year's
    text = ("The transfer came as officials weigh whether to extend, past April 1, an "
            "exemption from the tariff.")  # fmt: skip
    assert read_dates(text, dt.date(2027, 3, 18)) == [
        ("April 1", None, ["2026-04-01", "2027-04-01"]),
    ]


# -- round 20: sentences of my own for the failure classes read in t253-t276 after their one
# scoring.


def test_that_august_does_not_reach_back_to_a_year_of_another_paragraph() -> None:
    text = ("The first group was flown north on Feb. 27, 2025. One of them was wanted on "
            "charges first filed in 2004.\n\nA second group of 26 followed that August.")  # fmt: skip
    assert ledger_dates_of(text, dt.date(2026, 2, 10)) == ["2025-02-27", "2004", "2025-08"]


def test_an_infinitive_after_the_clause_s_past_leaves_the_year_open() -> None:
    # "came as negotiators prepare to meet ... on Jan. 28", told on 14 January: the meeting
    # two weeks ahead, not the January past that "came" would make it
    text = ("The transfer came as negotiators prepare to meet in Washington on Jan. 28 to "
            "review the exemption.")  # fmt: skip
    assert read_dates(text, dt.date(2027, 1, 14)) == [
        ("Jan. 28", None, ["2026-01-28", "2027-01-28"]),
    ]


# -- round 21: sentences of my own for the failure class read in t277-t300 after their one
# scoring.


def test_a_deadline_named_by_its_day_with_a_word_between_lies_ahead() -> None:
    text = "With Washington pressing for more before a Jan. 15 tariff deadline, talks resumed."
    assert ledger_dates_of(text, dt.date(2026, 12, 9)) == ["2027-01-15"]


# -- round 22: the failure class read in t301-t324 after their one scoring.


def test_the_day_after_the_plea_counts_from_the_day_of_the_plea() -> None:
    text = ("Ortega pleaded not guilty on Monday. The judge set a trial date of Feb. 7 next "
            "year. Prosecutors said in a statement the day after the plea that they were "
            "ready.")  # fmt: skip
    assert ledger_dates_of(text, dt.date(2027, 11, 17)) == ["2027-11-15", "2028-02-07", "2027-11-16"]
