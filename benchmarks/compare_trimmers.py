"""Compare our reply trimmer with the established reply parsers on labelled replies.

    python benchmarks/compare_trimmers.py [CORPUS_DIR]

CORPUS_DIR (default: ``shared/corpus`` next to the repository) holds ``replies/NAME.eml`` with
``NAME.json`` labels; the new text of each trimmer is compared with the label's ``new_text`` by the
corpus scorer's rule (closings stripped, whitespace collapsed, difflib ratio >= 0.9). Our golden
files in tests/fixtures/trimming are scored the same way as a second set.

talon, email_reply_parser and mail-parser-reply are used when importable and skipped otherwise;
they are not dependencies of the project (install them in a throwaway environment to compare).
"""
from __future__ import annotations

import difflib
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.mime import Decoded, decode, html_to_text  # noqa: E402
from parsers.reply import trim_decoded  # noqa: E402

Trimmer = Callable[[Decoded], str]


def load_norm_text(corpus: Path) -> Callable[[str], str]:
    """The scorer's own normalisation when the corpus ships it; a plain whitespace collapse otherwise."""
    score = corpus / "score.py"
    if score.is_file():
        spec = importlib.util.spec_from_file_location("corpus_score", score)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.norm_text
    return lambda text: re.sub(r"\s+", " ", text or "").strip().lower()


def ours(d: Decoded) -> str:
    return trim_decoded(d).kept


def optional_trimmers() -> dict[str, Trimmer]:
    found: dict[str, Trimmer] = {}
    try:
        from talon import quotations
        from talon.signature.bruteforce import extract_signature

        def talon_trim(d: Decoded) -> str:
            text = None
            if d.text_from_html and d.html:
                try:
                    text = html_to_text(quotations.extract_from_html(d.html))
                except Exception:  # noqa: BLE001 - talon's HTML path fails on some mail; use its text path
                    text = None
            if text is None:
                text = quotations.extract_from_plain(d.text)
            return extract_signature(text)[0]

        found["talon"] = talon_trim
    except Exception as exc:  # noqa: BLE001 - any import problem means "not available"
        print(f"talon: not available ({type(exc).__name__})")
    try:
        from email_reply_parser import EmailReplyParser

        found["email_reply_parser"] = lambda d: EmailReplyParser.parse_reply(d.text)
    except Exception as exc:  # noqa: BLE001
        print(f"email_reply_parser: not available ({type(exc).__name__})")
    try:
        from mailparser_reply import EmailReplyParser as MailParserReply

        parser = MailParserReply(languages=["en", "de", "fr", "es"])
        def mail_parser_reply_trim(d: Decoded) -> str:
            replies = parser.read(text=d.text).replies
            return (replies[0].body or "") if replies else ""   # body: without its signature/disclaimer

        found["mail-parser-reply"] = mail_parser_reply_trim
    except Exception as exc:  # noqa: BLE001
        print(f"mail-parser-reply: not available ({type(exc).__name__})")
    return found


def cases_from_corpus(corpus: Path) -> list[tuple[str, Decoded, str]]:
    out = []
    for eml in sorted((corpus / "replies").glob("*.eml")):
        label = json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))
        out.append((eml.stem, decode(eml.read_bytes()), label["new_text"]))
    return out


def cases_from_golden() -> list[tuple[str, Decoded, str]]:
    folder = ROOT / "tests" / "fixtures" / "trimming"
    return [(eml.stem, decode(eml.read_bytes()), (folder / f"{eml.stem}.kept.txt").read_text(encoding="utf-8"))
            for eml in sorted(folder.glob("*.eml"))]


def report(title: str, cases, trimmers: dict[str, Trimmer], norm: Callable[[str], str], show: bool) -> None:
    if not cases:
        print(f"{title}: no cases")
        return
    print(f"\n{title} ({len(cases)} replies): new_text similarity >= 0.9")
    for name, trim in trimmers.items():
        ok = 0
        total = 0.0
        misses = []
        start = time.perf_counter()
        for case, decoded, want in cases:
            try:
                got = trim(decoded)
            except Exception as exc:  # noqa: BLE001 - a crash counts as a miss
                got = ""
                misses.append(f"{case}: {type(exc).__name__}")
            ratio = difflib.SequenceMatcher(None, norm(want), norm(got)).ratio()
            total += ratio
            if ratio >= 0.9:
                ok += 1
            elif show:
                misses.append(f"{case}: {ratio:.2f}")
        elapsed = time.perf_counter() - start
        print(f"  {name:20s} {ok:3d}/{len(cases)} = {ok / len(cases):.3f}   mean similarity {total / len(cases):.3f}"
              f"   ({elapsed * 1000 / len(cases):.1f} ms/reply)")
        for miss in misses:
            print(f"      miss {miss}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    show = "--show-misses" in sys.argv
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    norm = load_norm_text(corpus)
    trimmers: dict[str, Trimmer] = {"referloop": ours, **optional_trimmers()}
    if (corpus / "replies").is_dir():
        report(f"shared corpus {corpus}", cases_from_corpus(corpus), trimmers, norm, show)
    else:
        print(f"no corpus at {corpus}")
    report("golden files tests/fixtures/trimming", cases_from_golden(), trimmers, norm, show)


if __name__ == "__main__":
    main()
