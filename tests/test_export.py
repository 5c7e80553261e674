"""Export: every referral as CSV or JSON, streamed in pages, with cells a spreadsheet would run defused."""
from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import datetime, timedelta

import pytest

from mailer.export import COLUMNS, export_rows, safe_cell, write_csv, write_json
from mailer.ledger_commands import add_subcommands
from tests.conftest import SECRET
from tests.test_ledger import T0, db, person, referral  # noqa: F401 - db is a fixture

HOSTILE_NAMES = ["=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3", "@SUM(1)", "\tTabbed", "\rReturned"]


def cli(tmp_path, *argv: str):
    """Run a reciprocity subcommand against a config file, as ``referloop`` would."""
    config = tmp_path / "referloop.toml"
    if not config.exists():
        config.write_text(f'[tracking]\naddress = "track@example.test"\nsecret = "{SECRET}"\n'
                          '[inbox]\nkind = "maildir"\npath = "inbox"\n[outbox]\nkind = "file"\npath = "outbox"\n'
                          '[database]\nurl = "sqlite:///referloop.db"\n')
    parser = argparse.ArgumentParser()
    parser.add_argument("--config")
    add_subcommands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["--config", str(config), *argv])
    out = io.StringIO()
    code = args.func(args, out)
    return code, out.getvalue()


@pytest.mark.parametrize("value", HOSTILE_NAMES)
def test_cells_a_spreadsheet_would_evaluate_get_a_quote(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value, expected", [("Dana Whitfield", "Dana Whitfield"), (None, ""), (12, "12"),
                                             ("1500.00", "1500.00"), ("a=b", "a=b"), ("", "")])
def test_ordinary_cells_are_left_alone(value, expected):
    assert safe_cell(value) == expected


def test_csv_export_of_hostile_names_opens_as_text(tmp_path):
    cli(tmp_path, "ledger", "nobody@example.com")                 # creates the database
    referrer = person("x@y.example", HOSTILE_NAMES[0])
    for i, name in enumerate(HOSTILE_NAMES):
        referral(referrer, person(f"p{i}@y.example", name), person(f"c{i}@y.example", name),
                 category="=HYPERLINK(\"http://evil.example\")", when=T0 + timedelta(days=i))

    code, output = cli(tmp_path, "export", "--format", "csv")

    assert code == 0
    rows = list(csv.DictReader(io.StringIO(output, newline="")))
    assert len(rows) == len(HOSTILE_NAMES)
    assert [r["provider_name"] for r in rows] == ["'" + n for n in HOSTILE_NAMES]
    assert all(r["referrer_name"] == "'=cmd|' /C calc'!A0" for r in rows)
    assert all(r["category"].startswith("'=HYPERLINK") for r in rows)
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    assert rows[0]["introduced_at"] == "2025-03-03T10:00:00+00:00"


def test_json_export_is_one_valid_document_and_keeps_names_verbatim(tmp_path):
    cli(tmp_path, "ledger", "nobody@example.com")
    referrer = person("x@y.example", "<script>alert(1)</script>")
    referral(referrer, person("p@y.example", HOSTILE_NAMES[0]), person("c@y.example"), status="won", amount="1200.5",
             currency="EUR")

    _, output = cli(tmp_path, "export", "--format", "json")

    [row] = json.loads(output)
    assert row["referrer_name"] == "<script>alert(1)</script>"
    assert row["provider_name"] == HOSTILE_NAMES[0]                # JSON is data, not a spreadsheet
    assert (row["status"], row["amount"], row["currency"]) == ("won", "1200.50", "EUR")
    assert set(row) == set(COLUMNS)


def test_empty_export_is_still_valid(tmp_path):
    _, output = cli(tmp_path, "export", "--format", "json")
    assert json.loads(output) == []
    _, output = cli(tmp_path, "export", "--format", "csv")
    assert output.splitlines() == [",".join(COLUMNS)]


def test_rows_stream_in_pages_in_id_order_with_since(db):  # noqa: F811 - the fixture
    me = person("me@x.example")
    for i in range(11):
        referral(me, person(f"p{i}@x.example"), person(f"c{i}@x.example"), when=T0 + timedelta(days=i))

    all_rows = list(export_rows(page=3))
    recent = list(export_rows(since=datetime(2025, 3, 10), page=3))

    assert [r["provider_email"] for r in all_rows] == [f"p{i}@x.example" for i in range(11)]
    assert [r["provider_email"] for r in recent] == [f"p{i}@x.example" for i in range(7, 11)]
    out = io.StringIO()
    assert write_json(iter(recent), out) == 4 and len(json.loads(out.getvalue())) == 4
    assert write_csv(iter(recent), io.StringIO()) == 4


def test_ledger_command_prints_a_table_and_json(tmp_path):
    cli(tmp_path, "ledger", "nobody@example.com")
    me, joe = person("marta@design.example", "Marta Lind"), person("joe@books.example", "Joe Park")
    for i in range(3):
        referral(me, joe, person(f"c{i}@x.example"), category="accountant", status="won" if i == 0 else "introduced",
                 amount="100" if i == 0 else None)
    referral(joe, me, person("c9@x.example"))

    code, table = cli(tmp_path, "ledger", "marta@design.example")
    assert code == 0
    assert "Ledger of Marta Lind <marta@design.example>" in table
    [line] = [l for l in table.splitlines() if l.startswith("Joe Park")]
    assert line.split()[3:7] == ["accountant", "3", "1", "+2"]

    code, text = cli(tmp_path, "ledger", "MARTA@design.example", "--json")
    data = json.loads(text)
    assert data["partners"][0]["email"] == "joe@books.example"
    assert data["partners"][0]["given"]["won_value"] == {"USD": "100.00"}
    assert cli(tmp_path, "ledger", "nobody@example.com")[0] == 1
