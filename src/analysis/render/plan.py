"""What a command asks to render: reports x parameter sets, every parameter checked."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.errors import ParameterError
from analysis.render.params import VOCABULARIES, changed, check_vocabulary, output_stem, resolve

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from pathlib import Path

    from analysis.ledger import Ledger
    from analysis.render.catalog import ReportSpec
    from analysis.render.params import Term


@dataclass(frozen=True)
class Job:
    """One page to render: a report with one set of parameters."""

    report: ReportSpec
    parameters: dict[str, Any]
    stem: str

    @property
    def label(self) -> str:
        differ = changed(self.parameters, self.report.parameters)
        return self.report.name + (f" {json.dumps(differ, sort_keys=True)}" if differ else "")


def plan(
    specs: Mapping[str, ReportSpec],
    names: Iterable[str] = (),
    overrides: Mapping[str, Any] | None = None,
    param_sets: Mapping[str, list[dict[str, Any]]] | None = None,
    *,
    ledger: Callable[[], Ledger] | None = None,
) -> list[Job]:
    """The renders a command asks for, with every parameter checked.

    ``overrides`` (from ``-p``) apply to every named report; ``param_sets`` (from a params
    file) give several parameter sets for one report, each rendered to its own file.
    ``ledger`` loads the ledger the renders would read (candidates included), to check the
    values of parameters that take a vocabulary (:func:`check_values`); without it they are
    not checked against the ledger.
    """
    wanted = list(names) or list(specs)
    unknown = [n for n in wanted if n not in specs]
    if param_sets:
        unknown += [n for n in param_sets if n not in specs]
    if unknown:
        msg = f"unknown report {', '.join(map(repr, unknown))}; the reports are: {', '.join(specs)}"
        raise ParameterError(msg)
    if param_sets and not names:
        wanted = [n for n in wanted if n in param_sets] or wanted
    per_report = _overrides_for(specs, wanted, overrides or {}, named=bool(list(names)))
    jobs: list[Job] = []
    for name in wanted:
        spec = specs[name]
        sets = (param_sets or {}).get(name) or [{}]
        for given in sets:
            merged = {**given, **per_report[name]}
            values = resolve(name, spec.parameters, merged)
            jobs.append(Job(spec, values, output_stem(name, values, spec.parameters)))
    stems = [j.stem for j in jobs]
    dupes = sorted({s for s in stems if stems.count(s) > 1})
    if dupes:
        msg = f"two parameter sets would write the same file: {', '.join(dupes)}"
        raise ParameterError(msg)
    if ledger is not None:
        check_values(jobs, ledger)
    return jobs


def check_values(jobs: Iterable[Job], ledger: Callable[[], Ledger]) -> None:
    """Refuse a parameter value that names nothing of its vocabulary (``-p
    countries=Mexcio``): that render would select nothing.

    ``ledger`` is called once, and only when a parameter with a vocabulary is set to a value
    other than its default: a render that sets none stays as fast as without this check.
    A term only unreviewed drafts hold is allowed for a render whose ``include_candidates``
    is true.

    Raises
    ------
    ParameterError
        Naming the report, the parameter, the value, the closest allowed one and every
        allowed one (:func:`analysis.render.params.check_vocabulary`).
    """
    todo = [
        (job, name, vocab)
        for job in jobs
        for name, vocab in job.report.vocabularies.items()
        if name in job.parameters
        and job.parameters[name] not in ("", [])
        and job.parameters[name] != job.report.parameters[name].default
    ]
    if not todo:
        return
    loaded = ledger()
    terms: dict[str, list[Term]] = {}
    for job, name, vocab in todo:
        if vocab not in terms:
            terms[vocab] = VOCABULARIES[vocab][1](loaded)
        check_vocabulary(
            job.report.name,
            name,
            job.parameters[name],
            vocab,
            terms[vocab],
            include_candidates=job.parameters.get("include_candidates") is True,
        )


def _overrides_for(
    specs: Mapping[str, ReportSpec], wanted: list[str], overrides: Mapping[str, Any], *, named: bool
) -> dict[str, dict[str, Any]]:
    """The ``-p`` values each report gets.

    Reports named on the command line get every value (a name one of them does not declare
    is an error). For the whole suite, each report gets the values it declares: ``-p
    start=2025-06-01`` filters the reports that have a ``start`` and leaves ``sources``, which
    has none, as it is; a name no report declares is still an error.
    """
    if named or not overrides:
        return {name: dict(overrides) for name in wanted}
    declared = {p for name in wanted for p in specs[name].parameters}
    unknown = [k for k in overrides if k not in declared]
    if unknown:
        # Let the first report that declares none of them say so, with its suggestions.
        resolve(wanted[0], specs[wanted[0]].parameters, {k: overrides[k] for k in unknown})
    return {
        name: {k: v for k, v in overrides.items() if k in specs[name].parameters} for name in wanted
    }


def read_params_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A YAML file mapping report names to a parameter set or a list of them."""
    import yaml  # noqa: PLC0415

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        msg = f"{path}: cannot read the params file: {exc}"
        raise ParameterError(msg) from None
    if not isinstance(data, dict):
        msg = f"{path}: expected a mapping of report names to parameter sets"
        raise ParameterError(msg)
    out: dict[str, list[dict[str, Any]]] = {}
    for report, sets in data.items():
        items = sets if isinstance(sets, list) else [sets]
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                msg = (
                    f"{path}: report {report!r}, set {index + 1}: expected a mapping of "
                    f"parameter names to values, found {item!r}"
                )
                raise ParameterError(msg)
        out[str(report)] = [
            {str(k): (v.isoformat() if isinstance(v, dt.date) else v) for k, v in i.items()}
            for i in items
        ]
    return out
