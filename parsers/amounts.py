"""The value of won business in a reply: "$4,500", "4.5k", "EUR 1.200,00", "1 200 €", "twelve hundred dollars".

Only figures the text marks as money count: a currency sign, code or word, a "k" suffix, or a money
word right before a bare figure ("for 4500", "Honorar 1200"). Phone numbers, dates, years, times,
percentages and counts are never amounts. The currency is reported only as the text marks it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MAX_TEXT_CHARS = 20_000

# Currency marks before the figure: "$4,500", "A$2,100", "£900", "€1.200", "EUR 1.200,00", "USD 300".
_PREFIX = {
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "us$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD",
    "cad": "CAD", "nz$": "NZD", "nzd": "NZD", "r$": "BRL", "$": "USD", "£": "GBP", "gbp": "GBP",
    "€": "EUR", "eur": "EUR", "chf": "CHF", "¥": "JPY", "jpy": "JPY", "₹": "INR", "inr": "INR",
}
# Currency marks after the figure: "1.200 €", "900 euros", "1,200 dollars", "300 pounds", "50 CHF".
_SUFFIX = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "usd": "USD",
    "dollar": "USD", "dollars": "USD", "bucks": "USD", "dólares": "USD", "dollars us": "USD",
    "aud": "AUD", "australian dollars": "AUD", "cad": "CAD", "canadian dollars": "CAD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP",
    "chf": "CHF", "franken": "CHF", "francs": "CHF", "nzd": "NZD", "brl": "BRL", "inr": "INR",
}
_MULTIPLIERS = {
    "k": 1000, "thousand": 1000, "grand": 1000, "mil": 1000, "mille": 1000, "tausend": 1000,
    "tsd": 1000, "tsd.": 1000, "m": 1_000_000, "mm": 1_000_000, "million": 1_000_000, "mio": 1_000_000,
    "mio.": 1_000_000, "millones": 1_000_000, "millions": 1_000_000,
}

_PREFIX_RE = r"(?P<pre>a\$|au\$|us\$|c\$|ca\$|nz\$|r\$|\$|£|€|¥|₹|(?:aud|usd|cad|nzd|gbp|eur|chf|jpy|inr)\b)"
# "1,200" "1.200,00" "1 200" "1'200" "4500" "4.5" "2,5"
_NUMBER_RE = r"(?P<num>\d{1,3}(?:[,.'\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
_MULT_RE = (r"(?:\s?(?P<mult>k|mm|m)\b|\s(?P<multw>thousand|grand|mil|mille|tausend|tsd\.?|million|mio\.?"
            r"|millones|millions)\b)")
_SUFFIX_RE = (r"(?:\s?(?P<sufs>€|£|\$)|\s(?P<sufw>australian dollars|canadian dollars|dollars us|eur|euros?|usd|"
              r"aud|cad|gbp|chf|nzd|brl|inr|dollars?|bucks|dólares|pounds?|quid|franken|francs)\b)")
_MONEY = re.compile(
    rf"(?<![\w.,])(?:{_PREFIX_RE}\s?)?{_NUMBER_RE}{_MULT_RE}?{_SUFFIX_RE}?(?![\w])",
)
# A bare figure right after a money word counts, without a currency: "for 4500", "fee of 1,200".
_MONEY_WORD_BEFORE = re.compile(
    r"(?:\bfor|\bpaid|\bpay|\bfee(?: is| of)?|\bprice(?: is| of)?|\btotal(?: of| is)?|\bworth|\bbudget(?: of| is)?|"
    r"\bcosts?|\bcontract(?: for| of)?|\bhonorar(?: von)?|\bfür|\bpour|\bpor|\bprix(?: de)?|\bprecio(?: de)?)\s?:?\s?$"
)
# What follows a figure that is a count, a time, a size or a date, not money.
_NOT_MONEY_AFTER = re.compile(
    r"^\s?(%|percent|per ?cent|prozent|pour ?cent|por ?ciento|st\b|nd\b|rd\b|th\b|am\b|pm\b|h\b|hrs?\b|hours?|"
    r"minutes?|mins?\b|days?|weeks?|months?|years?|yrs?\b|people|persons?|guests|sessions?|times|units?|"
    r"sq|square|ft\b|feet|m2|m²|km|miles?|kg|lbs?|tage|wochen|monate|jahre|stunden|jours|semaines|mois|ans|"
    r"días|semanas|meses|años|horas|o'clock|uhr|:)", re.I)
_PERIOD_AFTER = re.compile(r"^\s?(/|per |a |each |pro |par |al |por )", re.I)

# English figures in words: "twelve hundred dollars", "five thousand pounds", "a thousand euros".
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000}
_WORD_MONEY = re.compile(
    r"\b(?P<words>(?:(?:a|an|and|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million)[\s-]){0,10}(?:hundred|thousand|grand|million|[a-z]+))\s?"
    r"(?P<cur>australian dollars|canadian dollars|dollars|bucks|euros|pounds|quid|grand)\b"
)


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str | None
    start: int
    end: int
    text: str


def parse_number(raw: str) -> Decimal | None:
    """"3,200" 3200; "1.200,00" 1200; "1 200" 1200; "4.5" 4.5; "2,5" 2.5; "1.200" 1200 (a dot before
    exactly three digits groups thousands, as in German and Spanish)."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ").strip()
    s = s.replace(" ", "")
    if "," in s and "." in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        s = s.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        groups = s.split(sep)
        if len(groups) > 2 or (len(groups) == 2 and len(groups[1]) == 3):
            s = "".join(groups)
        else:
            s = s.replace(sep, ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _words_value(words: str) -> int | None:
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.strip()):
        if word in ("and",):
            continue
        if word in ("a", "an"):
            current = current or 1
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "grand", "million"):
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    value = total + current
    return value if seen and value else None


# "Signed them, 2,000." / "Closed: 1500": a figure standing alone after a comma or colon.
_APPOSITION_BEFORE = re.compile(r"[a-z)][,:;]\s$")
_APPOSITION_AFTER = re.compile(r"^(?:\s?[.!;]|\s?$|\s?/|\s(?:for|per|a month|a year|all in|total|in total)\b)")


# A price per period: "45/hour", "120 per session", "60 a month"
_RATE_AFTER = re.compile(r"^(?:\s?/\s?|\sper\s|\san?\s)(?:hour|hr|h|month|mo|year|yr|week|wk|session|visit|day|"
                         r"stunde|monat|jahr|heure|mois|an|hora|mes|año)\b")


def _apposition(before: str, after: str) -> bool:
    return bool(_APPOSITION_BEFORE.search(before) and _APPOSITION_AFTER.match(after))


def _tidy(value: Decimal) -> Decimal:
    return Decimal(int(value)) if value == value.to_integral_value() else value


def find_amounts(text: str) -> list[Amount]:
    """Every figure marked as money, in text order."""
    text = (text or "")[:MAX_TEXT_CHARS]
    low = text.lower()
    found: list[Amount] = []
    for m in _MONEY.finditer(low):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        pre, mult = m.group("pre"), m.group("mult") or m.group("multw")
        suf = m.group("sufs") or m.group("sufw")
        after = low[m.end():m.end() + 20]
        if _NOT_MONEY_AFTER.match(after) and not (pre or suf) or after.startswith("%"):
            continue
        currency = _PREFIX.get(pre) if pre else (_SUFFIX.get(suf) if suf else None)
        if mult:
            if mult == "m" and not (pre or suf):
                continue                    # "5m" is a distance or a time more often than money
            value *= _MULTIPLIERS[mult.rstrip(".") if mult.rstrip(".") in _MULTIPLIERS else mult]
        elif not (pre or suf):
            # a bare figure: a price per period, or right after a money word or a comma; never a
            # year or a small count
            before = low[max(0, m.start() - 20):m.start()]
            rate = bool(_RATE_AFTER.match(after))
            if not (rate or _MONEY_WORD_BEFORE.search(before) or _apposition(before, after)):
                continue
            digits = re.sub(r"\D", "", m.group("num"))
            if value < (10 if rate else 50) or (
                    len(digits) == 4 and 1900 <= int(digits) <= 2100 and value == int(digits)):
                continue
        if value <= 0:
            continue
        found.append(Amount(_tidy(value), currency, m.start(), m.end(), text[m.start():m.end()].strip()))
    for m in _WORD_MONEY.finditer(low):
        value = _words_value(m.group("words"))
        if value is None:
            continue
        cur = m.group("cur")
        if cur == "grand":
            value *= 1000 if value < 1000 else 1
            currency = None
        else:
            currency = _SUFFIX.get(cur)
        if any(a.start <= m.start() < a.end for a in found):
            continue
        found.append(Amount(Decimal(value), currency, m.start(), m.end(), text[m.start():m.end()]))
    found.sort(key=lambda a: a.start)
    return found


# A figure named as a deposit or a part payment is not the value of the business when another
# figure is given: "paid a $500 deposit, $4,000 in total".
_PART_PAYMENT = re.compile(r"(deposit|down payment|retainer fee|anzahlung|acompte|anticipo|depósito)", re.I)


def find_amount(text: str) -> Amount | None:
    """The value of the business: the first figure marked as money that is not a deposit when
    another is given, one with a currency mark before an unmarked one."""
    amounts = find_amounts(text)
    if not amounts:
        return None
    low = (text or "").lower()

    def is_part(a: Amount) -> bool:
        before = re.split(r"[;.,:!?]\s", low[max(0, a.start - 30):a.start])[-1]
        after = re.split(r"[;.,:!?](?:\s|$)", low[a.end:a.end + 30])[0]
        return bool(_PART_PAYMENT.search(before) or _PART_PAYMENT.search(after))

    main = [a for a in amounts if not is_part(a)] or amounts
    marked = [a for a in main if a.currency] or main
    return marked[0]
