"""Date expressions -> ISO 8601 at the precision the text gives, relative to the publication date.

The forms news uses for periods (years, year spans, fiscal years, quarters, halves, "the first 11
months of 2024", decades, "last year") are read here by rule, since dateparser reads none of them as
intervals; anything else goes to dateparser through :class:`DateParserAdapter`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4, "final": 4}
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
          "twelve": 12}
COUNT_WORDS = _COUNT  # the number words the date forms read ('the prior three months'), for the date slot
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_NUMBER_WORD = (r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|few|several)")
_DURATION = re.compile(rf"(?:about |some |nearly |almost |more than |over |the )?{_NUMBER_WORD}(?:[\s-]{_NUMBER_WORD})*"
                       r"[\s-](?:years?|months?|weeks?|days?|decades?|hours?)(?: long| old)?")
# What dateparser may see: a month or weekday name, a relative day word, or digits in a date's shape.
_DATE_SHAPED = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|yesterday|tomorrow|tonight|ago|week|weekend)\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}\b"
)
_SPOKEN_YEAR = re.compile(r"\b(?:two[\s-]thousand(?:[\s-](?:and[\s-])?(?P<units>[a-z]+(?:[\s-][a-z]+)?))?|nineteen[\s-](?P<tens>[a-z]+(?:[\s-][a-z]+)?))\b")


def _spoken_years(t: str) -> str:
    """'two thousand four' -> '2004', 'nineteen ninety-eight' -> '1998' (broadcast copy spells years out)."""
    from .numbers import parse_word_number

    def repl(m: re.Match) -> str:
        if m.group(0).startswith("nineteen"):
            rest = parse_word_number(m.group("tens"))
            return str(1900 + int(rest)) if rest is not None and 10 <= rest < 100 else m.group(0)
        rest = parse_word_number(m.group("units")) if m.group("units") else 0
        return str(2000 + int(rest)) if rest is not None and 0 <= rest < 100 else m.group(0)

    return _SPOKEN_YEAR.sub(repl, t)


def _year_of(published: Optional[str]) -> Optional[int]:
    return int(published[:4]) if published and re.match(r"\d{4}", published) else None


def _yyyymm(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_date(text: str, published: Optional[str] = None, *, parser=None) -> tuple[Optional[str], Optional[str]]:
    """('2024', 'explicit'), ('2020/2023', 'explicit'), ('2024', 'relative') for 'last year' in 2025, or (None, None).

    ``published`` is the document's publication date (ISO); relative expressions need it and are
    never resolved against the machine's clock. ``parser`` is a DateParserAdapter for the rest.
    """
    t = " ".join(text.lower().replace("\u2013", "-").replace("\u2014", "-").split())
    t = _spoken_years(t)
    if _DURATION.fullmatch(t):
        return None, None  # "fifty years", "four-year": a length of time, not a date
    t = re.sub(r"^(?:in|on|during|for|since|by|of|from|through|over|at)\s+", "", t)
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"^(?:earlier|later) (?=this (?:week|month|year)$)", "", t)  # 'earlier this month': a part of it, dated by it
    t = re.sub(r"^years? (?=(?:1[6-9]|20)\d\d\b)", "", t)  # 'the years 2020 and 2021' are calendar years
    t = re.sub(r" (?:and|or)$", "", t)  # the NER runs the conjunction into the first of two dates: 'the years 2020 and'
    edge = re.fullmatch(r"(?:(?:the )?(?P<edge>end|close|start|beginning)(?: of|-)|(?P<loose>early|late|mid-?|middle of))\s*(?P<y>1[6-9]\d\d|20\d\d)", t)
    if edge:
        if edge.group("edge"):
            month = 12 if edge.group("edge") in ("end", "close") else 1
            return _yyyymm(int(edge.group("y")), month), "explicit"
        return edge.group("y"), "explicit"
    month_edge = _month_edge(t, published, parser)
    if month_edge is not None:
        return month_edge
    pub_year = _year_of(published)

    m = re.fullmatch(rf"(?:calendar year |year )?{YEAR}", t)
    if m:
        return m.group("year"), "explicit"
    m = re.fullmatch(r"(?:(?:between|from) )?(?P<a>1[6-9]\d\d|20\d\d)\s*(?:-|to|and|through|/)\s*(?P<b>\d{2}|\d{4})", t)
    if m:
        a, b = int(m.group("a")), m.group("b")
        end = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if end > a:
            return f"{a}/{end}", "explicit"
    m = re.fullmatch(rf"{_FISCAL_YEAR}", t)
    if m:
        return fiscal_year(_fiscal_number(m)), "explicit"
    fiscal_part = _fiscal_part(t)
    if fiscal_part is not None:
        return fiscal_part, "explicit"
    fiscal_months = _first_fiscal_months(t, published)
    if fiscal_months is not None:
        return fiscal_months
    relative_fiscal = _relative_fiscal_year(t, published)
    if relative_fiscal is not None:
        return relative_fiscal, "relative"
    relative_quarter = _relative_quarter(t, published)
    if relative_quarter is not None:
        return relative_quarter, "relative"
    code = _period_code(t, published)
    if code is not None:
        return code
    m = re.fullmatch(rf"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last) quarter|q(?P<q>[1-4]))(?: of)?(?: {YEAR})?", t)
    if m:
        q = int(m.group("q")) if m.group("q") else _ORD[m.group("ord")]
        year = int(m.group("year")) if m.group("year") else _latest_year_starting(3 * q - 2, published)
        if year is None:
            return None, None
        return f"{_yyyymm(year, 3 * q - 2)}/{_yyyymm(year, 3 * q)}", "explicit" if m.group("year") else "relative"
    m = re.fullmatch(rf"(?P<ord>first|second|1st|2nd) half(?: of)?(?: {YEAR})?", t)
    if m:
        h = _ORD[m.group("ord")]
        year = int(m.group("year")) if m.group("year") else _latest_year_starting(6 * h - 5, published)
        if year is None:
            return None, None
        return f"{_yyyymm(year, 6 * h - 5)}/{_yyyymm(year, 6 * h)}", "explicit" if m.group("year") else "relative"
    m = _UNIT_ENDED.fullmatch(t)
    if m:
        return _unit_ended(m, published, parser)
    m = _PERIOD_TO.fullmatch(t)
    if m:
        return _period_to(m, published, parser)
    m = re.fullmatch(rf"first (?P<n>\d+|{'|'.join(_COUNT)}) months(?: of)?(?: (?:the year|this year|{YEAR}))?", t)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")]
        year = int(m.group("year")) if m.group("year") else pub_year
        if year is None or not 1 <= n <= 12:
            return None, None
        return f"{_yyyymm(year, 1)}/{_yyyymm(year, n)}", "explicit" if m.group("year") else "relative"
    m = re.fullmatch(r"(?P<dec>1[6-9]\d0|20\d0)s", t)
    if m:
        d = int(m.group("dec"))
        return f"{d}/{d + 9}", "explicit"
    m = re.fullmatch(rf"{_MONTH},?\s+(?:of\s+)?{YEAR}", t)
    if m:
        return _yyyymm(int(m.group("year")), MONTHS[m.group("month")]), "explicit"
    m = re.fullmatch(rf"{_MONTH}\s*(?:-|to|through)\s*(?P<month2>[a-z]+)\.?,?\s+{YEAR}", t)
    if m and m.group("month2") in MONTHS:
        y, first, last = int(m.group("year")), MONTHS[m.group("month")], MONTHS[m.group("month2")]
        return f"{_yyyymm(y if first <= last else y - 1, first)}/{_yyyymm(y, last)}", "explicit"  # 'October-March 2024' starts in 2023

    m = re.fullmatch(rf"(?:from )?{_MONTH}\s*(?:-|to|through|until)\s*(?P<month2>[a-z]+)\.?", t) \
        or re.fullmatch(rf"between {_MONTH}\s+and\s+(?P<month2>[a-z]+)\.?", t)  # 'between December and April'
    if m and m.group("month2") in MONTHS:
        return _yearless_months(MONTHS[m.group("month")], MONTHS[m.group("month2")], published)

    # 'from March 2017 to March 2018'; without 'from' (the NER leaves it out of the entity) both ends name a year
    m = re.fullmatch(r"(?:between|from) (?P<a>.+?) (?:and|to|through|until) (?P<b>.+)", t) \
        or re.fullmatch(r"(?P<a>.+?\b(?:1[6-9]\d\d|20\d\d)) (?:to|through|until) (?P<b>.+\b(?:1[6-9]\d\d|20\d\d))", t)
    if m:
        a, how_a = resolve_date(m.group("a"), published)
        b, how_b = resolve_date(m.group("b"), published)
        if a and b:
            start, end = a.split("/")[0], b.split("/")[-1]
            if start < end:
                return f"{start}/{end}", "explicit" if "explicit" in (how_a, how_b) else "relative"
    season = re.fullmatch(r"(?:(?P<rel>last|this|next|past) )?(?P<season>summer|winter|spring|fall|autumn)(?: (?:of )?(?P<year>1[6-9]\d\d|20\d\d))?", t)
    if season:
        year = int(season.group("year")) if season.group("year") else _year_of(published)
        if year is None:
            return None, None
        year += {"last": -1, "past": -1, "next": 1}.get(season.group("rel") or "", 0)
        first, last = _SEASONS[season.group("season")]
        end_year = year + 1 if last < first else year
        return f"{_yyyymm(year, first)}/{_yyyymm(end_year, last)}", "explicit" if season.group("year") else "relative"

    relative = _relative(t, published)
    if relative is not None:
        return relative, "relative"
    if parser is None or not _DATE_SHAPED.search(t):
        return None, None  # "6005", "73 20", "100M", "3.5" are dates to dateparser (its #582), not to us
    parsed = parser.parse(text, published)
    if parsed is None:
        return None, None
    when, period = parsed
    if not 1600 <= when.year <= 2199:
        return None, None
    if published is None and not re.search(r"\b(?:1[6-9]\d\d|20\d\d)\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b", t):
        return None, None  # "Thursday", "June 20" with no publication date and no year: the clock is no anchor
    iso = when.strftime("%Y") if period == "year" else when.strftime("%Y-%m") if period == "month" else when.strftime("%Y-%m-%d")
    explicit = bool(re.search(r"\b(1[6-9]\d\d|20\d\d)\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b", t))
    return iso, "explicit" if explicit else "relative"


# "the 12 months to September", "the three months ended June 30", "the year to March": a period that ends at a date
_PERIOD_TO = re.compile(rf"(?:(?P<n>\d+|{'|'.join(_COUNT)}) months?|(?P<year_word>year|fiscal year|financial year)) "
                        r"(?:to|through|thru|until|ended|ending|(?:that|which) ended|(?P<ahead>(?:that |which )?ends))"
                        r"(?: in| on)? (?P<end>.+)")


# "the week ended Jan. 10", "the quarter ending June 30", "the month ended Feb. 28": one calendar unit that ends at a date
_UNIT_ENDED = re.compile(r"(?P<unit>week|month|quarter) (?:ended|ending|(?:that|which) ended|to|through)(?: in| on)? (?P<end>.+)")


def _unit_ended(m: re.Match, published: Optional[str], parser) -> tuple[Optional[str], Optional[str]]:
    """The unit itself, not a change's baseline to its end (as _period_to reads 'the 12 months to'): a week is the
    seven days to its last day (a report week: 'the week ended Jan. 10' -> 01-04/01-10), a month or a quarter the
    calendar months to the end's month, as a quarter is written ('the quarter ended June 30' -> 04/06)."""
    end, how = resolve_date(m.group("end"), published, parser=parser)
    if end is None or "/" in end or len(end) < 7:
        return None, None
    if m.group("unit") == "week":
        if len(end) < 10:
            return None, None
        last = dt.date.fromisoformat(end[:10])
        return f"{(last - dt.timedelta(days=6)).isoformat()}/{last.isoformat()}", how
    year, month = int(end[:4]), int(end[5:7])
    if m.group("unit") == "month":
        return _yyyymm(year, month), how
    return f"{_yyyymm(*_shift_month(year, month, -2))}/{_yyyymm(year, month)}", how


def _period_to(m: re.Match, published: Optional[str], parser) -> tuple[Optional[str], Optional[str]]:
    """The months from N months before the end month to the end month: the guidelines date a change over "the 12
    months to January 2011" as 2010-01/2011-01, the baseline month to the end month. A fiscal or financial year
    is its twelve months, no baseline: 'the fiscal year that ends in September 2025' is 2024-10/2025-09."""
    n = 12 if m.group("year_word") else int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")]
    if m.group("year_word") in ("fiscal year", "financial year"):
        n = 11
    end, how = resolve_date(m.group("end"), published, parser=parser)
    if end is None or "/" in end or not 1 <= n <= 120:
        return None, None
    if m.group("ahead") and how == "relative" and len(end) >= 7:
        end = _next_month_named(int(end[5:7]), published) or end
    year, month = int(end[:4]), int(end[5:7]) if len(end) >= 7 else 12
    return f"{_yyyymm(*_shift_month(year, month, -n))}/{_yyyymm(year, month)}", how


# "fiscal year 2024", "fiscal 2025", "FY2024", "FY 2020", "FY'24", "the U.S. federal fiscal year 2008"
def _fiscal_year_pattern(group: str = "year") -> str:
    return rf"(?:(?:the )?(?:u\.s\. )?(?:federal )?)?(?:fiscal(?: year)?|fy|f\.y\.)\s*'?(?P<{group}>\d{{4}}|\d{{2}})"


_FISCAL_YEAR = _fiscal_year_pattern()
_FISCAL_PART = re.compile(
    rf"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?P<part>quarter|half)|(?P<code>[qh][1-4]))"
    rf"(?: of)? (?:the )?{_FISCAL_YEAR}"
    rf"|{_fiscal_year_pattern('year2')}(?:'s)? (?:(?P<ord2>first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?P<part2>quarter|half)|(?P<code2>[qh][1-4]))")
_FISCAL_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": -1, "prior": -1, "past": -1, "next": 1, "coming": 1}


def fiscal_year(year: int) -> str:
    """The US federal fiscal year ``year`` as the guidelines write it: October of the year before to September
    (FY2008 -> '2007-10/2008-09')."""
    return f"{year - 1}-10/{year}-09"


def _fiscal_number(m: re.Match) -> int:
    y = int(m.group("year"))  # 'FY24' is 2024
    return y if y > 999 else 2000 + y


def _fiscal_part(t: str) -> Optional[str]:
    """'the first half of fiscal year 2022' -> '2021-10/2022-03', 'Q1 FY2025' -> '2024-10/2024-12': a fiscal
    year's quarters and halves count from its October."""
    m = _FISCAL_PART.fullmatch(t)
    if not m:
        return None
    code, ordinal, part = m.group("code") or m.group("code2"), m.group("ord") or m.group("ord2"), m.group("part") or m.group("part2")
    if code:
        part, n = ("quarter" if code[0] == "q" else "half"), int(code[1])
    else:
        n = _ORD[ordinal]
    length = 3 if part == "quarter" else 6
    if n * length > 12:
        return None  # 'H3' is no half
    year = int(m.group("year") or m.group("year2"))
    year = year if year > 999 else 2000 + year
    start = _shift_month(year - 1, 10, length * (n - 1))
    return f"{_yyyymm(*start)}/{_yyyymm(*_shift_month(*start, length - 1))}"


_FIRST_FISCAL_MONTHS = re.compile(r"first (?P<n>\d+|" + "|".join(_COUNT) + r") months of (?:(?P<this>the|this|the current|"
                                  r"current) )?(?:fiscal year|fiscal|fy)(?: (?P<year>\d{4}))?")


def _first_fiscal_months(t: str, published: Optional[str]) -> Optional[tuple[str, str]]:
    """'the first nine months of the fiscal year' (a July 2024 story) -> '2023-10/2024-06', 'the first ten months of
    fiscal 2025' -> '2024-10/2025-07': N months from the fiscal year's October, as its quarters and halves count."""
    m = _FIRST_FISCAL_MONTHS.fullmatch(t)
    if not m or bool(m.group("this")) == bool(m.group("year")):
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")]
    if not 1 <= n <= 12:
        return None
    if m.group("year"):
        year, how = int(m.group("year")), "explicit"
    elif published and re.match(r"\d{4}-\d{2}", published):
        year, how = int(published[:4]) + (int(published[5:7]) >= 10), "relative"
    else:
        return None
    start = (year - 1, 10)
    return f"{_yyyymm(*start)}/{_yyyymm(*_shift_month(*start, n - 1))}", how


def _relative_fiscal_year(t: str, published: Optional[str]) -> Optional[str]:
    """'this fiscal year', 'the current fiscal year', 'last fiscal year', 'next fiscal year': the fiscal year of
    publication (which begins in October) moved by one."""
    m = re.fullmatch(r"(?P<rel>" + "|".join(_FISCAL_SHIFT) + r") (?:federal )?(?:fiscal year|fiscal|budget year|fy)", t)
    if not m or not published or not re.match(r"\d{4}-\d{2}", published):
        return None
    year, month = int(published[:4]), int(published[5:7])
    own = year + 1 if month >= 10 else year
    return fiscal_year(own + _FISCAL_SHIFT[m.group("rel")])


def _yearless_months(first: int, last: int, published: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """'October through March' with no year: the latest such span that ended by publication, as a bare month
    resolves to the latest such month (in an April 2024 story, 2023-10/2024-03)."""
    year = _year_of(published)
    if year is None or not re.match(r"\d{4}-\d{2}", published):
        return None, None
    end_year = year if last <= int(published[5:7]) else year - 1
    start_year = end_year if first <= last else end_year - 1
    return f"{_yyyymm(start_year, first)}/{_yyyymm(end_year, last)}", "relative"


def next_month_named(month: int, published: Optional[str]) -> Optional[str]:
    """The public name of :func:`_next_month_named`, for the date slot's months ahead."""
    return _next_month_named(month, published)


def _next_month_named(month: int, published: Optional[str]) -> Optional[str]:
    """The first ``month`` at or after publication: 'the fiscal year that ends in September' in a May story
    ends this September, where a bare 'September' would be the last one."""
    year = _year_of(published)
    if year is None or not re.match(r"\d{4}-\d{2}", published):
        return None
    return _yyyymm(year if month >= int(published[5:7]) else year + 1, month)


# The edge of a month or a quarter: 'the end of June', 'end-June', 'mid-March 2024', 'the end of the quarter'
_MONTH_EDGE = re.compile(rf"(?:(?:the )?(?P<edge>end|close|start|beginning|middle) of|(?P<hyphen>end|mid|early|late)-|"
                         rf"(?P<loose>early|late|mid)\s)\s*(?P<rest>{_MONTH}(?:,?\s+(?:of\s+)?\d{{4}})?|last month|this month)")
_QUARTER_EDGE = re.compile(r"(?:the )?(?:end|close|start|beginning) of (?:the )?(?P<rest>(?:(?:this|last|current|previous|"
                           r"prior|next) )?(?:fiscal |calendar )?quarter)")


_NAMED_QUARTER = re.compile(rf"{_MONTH}(?:\s+{YEAR})?\s+quarter(?:\s+of\s+(?P<year2>1[6-9]\d\d|20\d\d))?")


def _month_edge(t: str, published: Optional[str], parser) -> Optional[tuple[str, str]]:
    """A point at a month's edge is that month ('by the end of June' -> the latest June; 'at end-2024' is read by
    the year edges above); a bare month's end is the latest one that is over by publication, so 'at the end of
    March' in a March story is the March before. The edge of the quarter is the quarter ('this quarter' unless
    it names another), as 'the end of the year' is the year."""
    quarter = _QUARTER_EDGE.fullmatch(t)
    if quarter is not None:
        rest = quarter.group("rest")
        iso = _relative_quarter(rest if " " in rest else "this quarter", published)
        return (iso, "relative") if iso is not None else None
    named = _NAMED_QUARTER.fullmatch(t)
    if named is not None:  # 'the June quarter': the three months to June
        last = MONTHS[named.group("month")]
        given = named.group("year") or named.group("year2")
        year = int(given) if given else _latest_year_starting(last - 2, published)
        if last % 3 or year is None:
            return None
        return f"{_yyyymm(year, last - 2)}/{_yyyymm(year, last)}", "explicit" if given else "relative"
    m = _MONTH_EDGE.fullmatch(t)
    if m is None:
        return None
    iso, how = resolve_date(m.group("rest"), published, parser=parser)
    if iso is None or not re.fullmatch(r"\d{4}-\d{2}", iso):
        return None
    ends = m.group("edge") in ("end", "close") or m.group("hyphen") == "end"
    if ends and how == "relative" and published and iso == published[:7]:
        iso = f"{int(iso[:4]) - 1:04d}{iso[4:]}"
    return iso, how


# Quarter and half codes: 'Q3', 'H1', '1Q25', "2H'24", 'Q4 2023', 'H1 of 2025' (an FY after the code is a fiscal part)
_PERIOD_CODE = re.compile(r"(?:(?P<kind>[qh])(?P<n>[1-4])|(?P<n2>[1-4])(?P<kind2>[qh]))"
                          r"(?:\s?'?(?P<yy>\d{2})|\s(?:of\s)?(?P<year>1[6-9]\d\d|20\d\d))?")


def _period_code(t: str, published: Optional[str]) -> Optional[tuple[str, str]]:
    """A quarter or half written as a code, of the year it names, else the latest such period begun by
    publication (as 'the third quarter' reads)."""
    m = _PERIOD_CODE.fullmatch(t)
    if m is None:
        return None
    kind, n = (m.group("kind"), int(m.group("n"))) if m.group("kind") else (m.group("kind2"), int(m.group("n2")))
    length = 3 if kind == "q" else 6
    if n * length > 12:
        return None  # 'H3' is no half
    first = length * (n - 1) + 1
    year = int(m.group("year")) if m.group("year") else 2000 + int(m.group("yy")) if m.group("yy") else None
    how = "explicit" if year is not None else "relative"
    year = year if year is not None else _latest_year_starting(first, published)
    if year is None:
        return None
    return f"{_yyyymm(year, first)}/{_yyyymm(year, first + length - 1)}", how


def _latest_year_starting(month: int, published: Optional[str]) -> Optional[int]:
    """The year of the latest period starting in ``month`` that began by publication: "the third quarter" in a
    May 2025 story is 2024's (a bare month resolves to the latest such month, and so does a bare quarter)."""
    year = _year_of(published)
    if year is None:
        return None
    pub_month = int(published[5:7]) if re.match(r"\d{4}-\d{2}", published) else 12
    return year if month <= pub_month else year - 1


_QUARTER_SHIFT = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "latest": -1, "this": 0,
                  "current": 0, "next": 1, "coming": 1}


def _relative_quarter(t: str, published: Optional[str]) -> Optional[str]:
    """'last quarter' (without a year) is the quarter before publication's quarter; 'this quarter' is its own."""
    m = re.fullmatch(r"(?P<rel>" + "|".join(_QUARTER_SHIFT) + r") (?:fiscal |calendar )?quarter", t)
    if not m or not published or not re.match(r"\d{4}-\d{2}", published):
        return None
    year, month = int(published[:4]), int(published[5:7])
    first = 3 * ((month - 1) // 3) + 1
    start = _shift_month(year, first, 3 * _QUARTER_SHIFT[m.group("rel")])
    end = _shift_month(*start, 2)
    return f"{_yyyymm(*start)}/{_yyyymm(*end)}"


def shift_iso(iso: str, *, years: int = 0, months: int = 0) -> str:
    """An ISO date or interval moved by whole years or months, at its own precision: ('2025-03', years=-1) ->
    '2024-03', ('2025-01/2025-03', years=-1) -> '2024-01/2024-03', ('2025', months=-1) -> '2025' (a year has no
    month to move; callers shift years for it)."""
    def one(part: str) -> str:
        if len(part) == 4:
            return f"{int(part) + years:04d}"
        y, m = _shift_month(int(part[:4]) + years, int(part[5:7]), months)
        if len(part) == 7:
            return _yyyymm(y, m)
        day = min(int(part[8:10]), calendar.monthrange(y, m)[1])
        return f"{_yyyymm(y, m)}-{day:02d}"
    return "/".join(one(p) for p in iso.split("/"))


def _relative(t: str, published: Optional[str]) -> Optional[str]:
    if not published or not re.match(r"\d{4}-\d{2}", published):
        return None
    year, month = int(published[:4]), int(published[5:7])
    table = {
        "this year": str(year), "last year": str(year - 1), "next year": str(year + 1), "past year": None,
        "previous year": str(year - 1), "a year earlier": str(year - 1), "a year ago": str(year - 1),
        "year earlier": str(year - 1), "the year before": str(year - 1), "year-ago": str(year - 1),
        "this month": _yyyymm(year, month), "last month": _yyyymm(*_shift_month(year, month, -1)),
        "next month": _yyyymm(*_shift_month(year, month, 1)), "a month earlier": _yyyymm(*_shift_month(year, month, -1)),
        "today": published[:10] if len(published) >= 10 else None, "now": published[:10] if len(published) >= 10 else None,
        "two years ago": str(year - 2), "year to date": f"{year}-01/{published[:7]}",
    }
    if t in table:
        return table[t]
    m = re.fullmatch(r"(?:last|past) (?P<n>\d+|" + "|".join(_COUNT) + r") years", t)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")]
        return f"{year - n}/{year}" if 0 < n <= 200 else None  # "the last 3,000 years" is history, not a period
    m = re.fullmatch(r"(?:last|past) (?:(?P<n>\d+|" + "|".join(_COUNT) + r") decades|decade)", t)
    if m:  # 'the past decade' runs up to publication as 'the past ten years' does, in whole years
        n = 10 * (1 if m.group("n") is None else int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")])
        return f"{year - n}/{year}" if 0 < n <= 200 else None
    ahead = _time_frame_ahead(t, year, month)
    if ahead is not None:
        return ahead
    m = re.fullmatch(r"(?:in )?each of the (?:last|past) (?P<n>\d+|" + "|".join(_COUNT) + r") years", t)
    if m:  # the complete years before publication's: 'in each of the past four years' of a 2006 story is 2002/2005
        n = int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")]
        return f"{year - n}/{year - 1}" if 0 < n <= 200 else None
    pub = _day_of(published)
    if pub is None:
        return None
    m = re.fullmatch(r"last (?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t)
    if m:
        return _last_weekday(pub, m.group("day"))
    weeks = _WEEKS_FROM_PUBLICATION.get(t)
    if weeks is not None:  # a Monday-to-Sunday week: 'last week' the one before publication's week, 'next week' after
        monday = pub - dt.timedelta(days=pub.weekday() - 7 * weeks)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    return None


_AHEAD = re.compile(r"(?:within (?:the )?(?:next )?|(?:the )?next )(?P<n>\d+|" + "|".join(_COUNT) + r") (?P<unit>years|months)")


_WEEKS_FROM_PUBLICATION = {"last week": -1, "this week": 0, "next week": 1}


def _time_frame_ahead(t: str, year: int, month: int) -> Optional[str]:
    """'the next 20 years', 'within ten years' (a target's period): from publication to N years or months on, at
    the unit's precision (guidelines: 'over the next 20 years' in a 2006 story is 2006/2026)."""
    m = _AHEAD.fullmatch(t)
    if not m:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")]
    if not 0 < n <= 100:
        return None
    if m.group("unit") == "years":
        return f"{year}/{year + n}"
    return f"{_yyyymm(year, month)}/{_yyyymm(*_shift_month(year, month, n))}"


def _day_of(published: str) -> Optional[dt.date]:
    """The publication day, or None when ``published`` gives only a month or is no real day."""
    try:
        return dt.date.fromisoformat(published[:10]) if re.match(r"\d{4}-\d{2}-\d{2}$", published[:10]) else None
    except ValueError:
        return None


def _last_weekday(pub: dt.date, day: str) -> str:
    """'last Wednesday' is the Wednesday of the week before publication's week: a Wednesday of the same
    week would be 'yesterday' or 'Wednesday' ('last Wednesday' in a Thursday story is eight days back)."""
    target = [d.lower() for d in calendar.day_name].index(day)
    back = (pub.weekday() - target) % 7 or 7  # the latest such day strictly before publication
    when = pub - dt.timedelta(days=back)
    if when.isocalendar()[:2] == pub.isocalendar()[:2]:
        when -= dt.timedelta(days=7)
    return when.isoformat()
