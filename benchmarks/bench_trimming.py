"""Time the reply trimmer on pathological input and its throughput on ordinary replies.

    python benchmarks/bench_trimming.py

Prints the time per case; asserts nothing. Each pathological case is something that made other reply
parsers hang (regex backtracking, quadratic scans, recursion on nested HTML).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsers.amounts import find_amounts  # noqa: E402
from parsers.mime import decode  # noqa: E402
from parsers.outcome import classify_outcome  # noqa: E402
from parsers.reply import read_reply  # noqa: E402
from parsers.trimming import trim_reply  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "trimming"


def pathological() -> dict[str, tuple[str, str | None]]:
    """name -> (text, html)"""
    attribution_like = "\n".join(
        ("On Mon, Mar 17, 2025 at 8:00 AM Someone <a@b.example>" if i % 2 else "wrote: On Am Le El schrieb a écrit")
        for i in range(50_000))
    return {
        "1 MB of '>' lines": ("Signed.\n\n" + "> quoted line of text\n" * 48_000, None),
        "100k-char line, no newline": ("On " + "a" * 100_000, None),
        "100k chars of spaces and colons": ("On " + " :" * 50_000 + " wrote", None),
        "50k alternating attribution-like lines": (attribution_like, None),
        "50k 'From:' lines": ("From: x\n" * 50_000, None),
        "20k signature-like lines": ("Hired\n\n" + "Dana Whitfield\n(503) 555-0177\n" * 10_000, None),
        "20k name lines between blank lines": ("Signed.\n\n" + "Dana\n\n" * 20_000, None),
        "20k closing + name pairs": ("Signed.\n\n" + "Thanks,\nDana\n" * 20_000, None),
        "deeply nested blockquotes (5,000)": ("", "<p>Talking</p>" + "<blockquote>" * 5_000 + "x" + "</blockquote>" * 5_000),
        "deeply nested divs (5,000)": ("", "<p>Talking</p>" + "<div>" * 5_000 + "x" + "</div>" * 5_000),
        "1 MB HTML paragraph": ("", "<p>" + "Signed. " * 120_000 + "</p>"),
        "200k amounts and cues": ("$1,000 signed hired not a fit " * 7_000, None),
    }


def main() -> None:
    print("pathological input (one call each: trim, outcome, amounts):")
    for name, (text, html) in pathological().items():
        start = time.perf_counter()
        result = trim_reply(text, html)
        classify_outcome(result.kept)
        find_amounts(result.kept)
        elapsed = time.perf_counter() - start
        size = len(text) + len(html or "")
        print(f"  {name:45s} {elapsed * 1000:9.1f} ms   ({size / 1e6:.2f} MB in, kept {len(result.kept)} chars)")

    messages = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))]
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "replies"
    if corpus.is_dir():
        messages += [p.read_bytes() for p in sorted(corpus.glob("*.eml"))]
    decoded = [decode(raw) for raw in messages]
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for d in decoded:
            read_reply(d)
    elapsed = time.perf_counter() - start
    count = rounds * len(decoded)
    print(f"normal replies: {count} readings (trim + outcome + amount) in {elapsed:.2f} s = "
          f"{count / elapsed:,.0f} replies/s, {elapsed / count * 1000:.2f} ms each")


if __name__ == "__main__":
    main()
