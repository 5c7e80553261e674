"""Sender policy (``[security] accept_from``): who may make the public tracking address record an
introduction. Addresses match exactly, domains match themselves and their subdomains, nothing else."""
from __future__ import annotations

import pytest

from db.policy import sender_allowed

MEMBERS = ["books.example", "joe@solo.example", "@agency.example", "*.partners.example"]


@pytest.mark.parametrize("policy", ["anyone", ["anyone"], ["Anyone "], ["x.example", "anyone"]])
def test_anyone_admits_every_sender(policy):
    assert sender_allowed("stranger@wherever.example", policy)
    assert sender_allowed("", policy)


@pytest.mark.parametrize("sender", [
    "ann@books.example",
    "Ann@BOOKS.example",
    " ann@books.example ",
    "ann@eu.books.example",          # subdomain of a member domain
    "joe@solo.example",
    "JOE@Solo.Example",
    "kim@agency.example",            # "@domain" is a domain entry
    "lee@partners.example",          # "*.domain" too
    "lee@x.partners.example",
    '"odd@local"@books.example',      # quoted local part: the domain is what follows the last @
    "ann@books.example.",            # trailing root dot
])
def test_members_are_admitted(sender):
    assert sender_allowed(sender, MEMBERS)


@pytest.mark.parametrize("sender", [
    "ann@evilbooks.example",         # look-alike, not a subdomain
    "ann@books.example.evil.org",    # member domain as a prefix of another
    "ann@example",                   # parent of a member domain
    "jim@solo.example",              # an address entry admits only that address
    "joe@x.solo.example",
    "joe@solo.example.evil.org",
    "books.example",                 # no @ at all
    "@books.example",                # no local part
    "ann@",                          # no domain
    "",
    "books.example@evil.org",        # the member domain in the local part
])
def test_others_are_refused(sender):
    assert not sender_allowed(sender, MEMBERS)


def test_a_single_string_policy_is_one_entry():
    assert sender_allowed("a@books.example", "books.example")
    assert not sender_allowed("a@other.example", "books.example")


def test_an_empty_list_admits_nobody():
    assert not sender_allowed("a@books.example", [])


def test_empty_entries_match_nothing():
    assert not sender_allowed("a@books.example", ["", "  ", "@"])
