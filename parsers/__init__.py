"""Understanding mail: pure functions from bytes and text to the dataclasses in :mod:`parsers.model`.

Nothing in this package does I/O or touches the database; ``parse_message`` is the entry point.
"""
from .classify import parse_message
from .model import Address, ParsedMessage, Referral, ReplyReading, Tracking

__all__ = ["parse_message", "Address", "ParsedMessage", "Referral", "ReplyReading", "Tracking"]
