"""Read articles from files, directories and stdin into :class:`Article` objects.

Formats: ``.txt`` (first non-empty line is the title), ``.json`` (one object or a list),
``.jsonl`` (one object a line), ``.html``/``.htm`` (main text by trafilatura); fields
``id, title, text, published, url, source`` with only ``text`` required. A directory is read
recursively in sorted order. Text is kept exactly as received (after UTF-8 decoding): all
offsets in records point into it.

Readers never raise for one bad article in a multi-article input: :func:`iter_inputs` yields
:class:`Failure` items in input order so a batch can record them and go on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .errors import InputError

MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length; a 10 MB article is refused, not truncated.
#: Longest JSONL line read (bytes): room for ``MAX_CHARS`` characters written as JSON escapes
#: (up to six bytes each) plus the metadata; a longer line cannot hold a valid article.
MAX_LINE_BYTES = 6 * MAX_CHARS + 65_536
SUPPORTED = {".txt", ".json", ".jsonl", ".html", ".htm"}

# Length-preserving character map applied before the models see the text (offsets stay valid).
# Primes (′ ″) are kept: after a number they are feet and inches ("25.5″"), not quotes.
_MODEL_CHARMAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ", "\u2009": " ", "\u200a": " ",
        "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\uff08": "(", "\uff09": ")", "\uff0c": ",", "\uff1a": ":", "\uff1b": ";", "\uff05": "%",
        "\u200b": " ", "\ufeff": " ",
        # full-width digits and number punctuation (CJK text): every stage reads them as ASCII
        **{chr(0xFF10 + k): str(k) for k in range(10)}, "\uff0e": ".", "\uff0f": "/", "\uff0d": "-",
    }
)
#: Characters that join the digits of one number in the model text: a zero-width space, word
#: joiner or BOM between two digits ("3\u200b00"); a no-break, narrow no-break or thin space
#: before a group of three digits (SI thousands grouping, "3\u202f000\u202f000"); a plain space
#: before a group of three digits that starts with 0 ("3 000 000": no number starts with 0).
#: Each becomes a word joiner (U+2060), which no stage splits a token on (one character for one).
_DIGIT_JOINER = re.compile(r"(?<=\d)(?:[\u200b\u2060\ufeff](?=\d)|[\u00a0\u202f\u2009](?=\d{3}(?!\d))"
                           r"| (?=0\d\d(?!\d)))")


def normalise_for_models(text: str) -> str:
    """Return ``text`` with curly quotes, odd spaces, dashes and full-width punctuation and
    digits made plain; a zero-width character inside a number becomes a word joiner (U+2060).

    The mapping is one character to one character, so every offset into the result is an
    offset into ``text``.
    """
    text = _DIGIT_JOINER.sub("\u2060", text)
    return text.translate(_MODEL_CHARMAP)


@dataclass
class Article:
    """One article. ``text`` is exactly as received; ``published`` is the document creation time."""

    text: str
    id: str = ""
    title: Optional[str] = None
    published: Optional[dt.date] = None
    url: Optional[str] = None
    source: Optional[str] = None
    origin: str = "<input>"  # where it came from: "file.jsonl:3", for error messages

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)


@dataclass
class Failure:
    """An input that could not be read: ``origin`` names it (path and line), ``reason`` says why."""

    origin: str
    reason: str


def article_id(text: str) -> str:
    """Stable id: the first 16 hex digits of SHA-256 over the NFC-normalised, whitespace-collapsed text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def parse_published(value: object, origin: str) -> Optional[dt.date]:
    """Parse a publication date given as ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date).

    Raises:
        InputError: the value is not a real calendar date (e.g. "-" or "2019-13-45").
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?", text)
    if not m:
        raise InputError(f"{origin}: published {text!r} is not a date in YYYY-MM-DD form")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise InputError(f"{origin}: published {text!r} is not a valid date ({exc})") from None


def check_text(text: object, origin: str) -> str:
    """Validate article text.

    Raises:
        InputError: missing, not a string, empty/whitespace-only, or longer than ``MAX_CHARS``.
    """
    if text is None:
        raise InputError(f"{origin}: no 'text' field")
    if not isinstance(text, str):
        raise InputError(f"{origin}: 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{origin}: text is empty")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{origin}: text has {len(text):,} characters, over the limit of {MAX_CHARS:,}; split the article"
        )
    return text


#: Byte-order marks of the encodings read besides UTF-8 (UTF-32 first: its LE mark starts
#: with UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, origin: str) -> str:
    """Decode bytes as UTF-8 (a BOM is dropped), or as UTF-16/UTF-32 when they start with that BOM.

    Raises:
        InputError: the bytes are not valid in their encoding, or hold NUL bytes without a BOM:
            UTF-16 text without a byte-order mark (every other byte NUL) is named as such,
            anything else is called a binary file.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{origin}: not valid {encoding.upper()} (byte {exc.start}: {exc.reason})") from None
    head = data[:8192]
    if b"\x00" in head:
        half = len(head) // 2
        zeros = sorted((head[0::2].count(0), head[1::2].count(0)))  # (fewer, more)
        if half and zeros[1] > 0.9 * half and zeros[0] < 0.1 * half:  # ASCII text as UTF-16: every other byte
            raise InputError(f"{origin}: looks like UTF-16 text without a byte-order mark; save it as UTF-8")
        raise InputError(f"{origin}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{origin}: not valid UTF-8 (byte {exc.start}: {exc.reason})") from None


def _json(text: str, origin: str) -> object:
    """``json.loads`` with one-line errors.

    Raises:
        InputError: malformed JSON, or nested deeper than the parser can go (Python's recursion
            limit; an article is an object of strings, nested two levels at most).
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{origin}: malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{origin}: JSON nested too deeply to be an article") from None


def _unicode(value: object, key: str, origin: str) -> None:
    """JSON can escape a lone UTF-16 surrogate ("\\ud800"), which is no character: no record,
    store or output can hold it.

    Raises:
        InputError: ``value`` is a string holding an unpaired surrogate.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(f"{origin}: {key!r} holds an unpaired surrogate (\\u{ord(value[exc.start]):04x}), "
                             "which is not a character") from None


def printable_path(path: Union[str, os.PathLike]) -> str:
    """A path as text that any output can hold: bytes of a file name that are not UTF-8 are
    written as ``\\xNN`` escapes (Python keeps them as lone surrogates)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def from_mapping(obj: object, origin: str) -> Article:
    """Build an Article from a JSON object with fields ``id, title, text, published, url, source``.

    Raises:
        InputError: not an object, no usable text, a string that is not valid Unicode, or an
            invalid ``published``.
    """
    if not isinstance(obj, dict):
        raise InputError(f"{origin}: expected a JSON object, got {type(obj).__name__}")
    for key in ("text", "id", "title", "url", "source", "published"):
        _unicode(obj.get(key), key, origin)
    text = check_text(obj.get("text"), origin)
    published = parse_published(obj.get("published", obj.get("date")), origin)
    meta = {}
    for key in ("id", "title", "url", "source"):
        value = obj.get(key)
        if value is not None and not isinstance(value, (str, int)) or isinstance(value, bool):
            raise InputError(f"{origin}: {key!r} must be a string, got {type(value).__name__}")
        meta[key] = str(value) if value not in (None, "") else None
    return Article(text=text, id=meta["id"] or "", title=meta["title"], published=published,
                   url=meta["url"], source=meta["source"], origin=origin)


#: Longest first line taken as a .txt title (news headlines are far shorter).
MAX_TITLE_CHARS = 300


def from_plain_text(text: str, origin: str, source: Optional[str] = None) -> Article:
    """A .txt article: the first non-empty line is its title when it is a line of its own of at
    most ``MAX_TITLE_CHARS`` characters (a text on one line has no title); the whole text is kept."""
    check_text(text, origin)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if len(lines) > 1 and len(lines[0]) <= MAX_TITLE_CHARS else None
    return Article(text=text, title=title, source=source, origin=origin)


def from_html(html: str, origin: str) -> Article:
    """Extract an HTML page's main text and metadata with trafilatura.

    Raises:
        InputError: no main text could be found.
    """
    import trafilatura

    # Dates only from the page's markup and metadata (extensive_search=False): htmldate's text
    # heuristics turn a bare "© 2020" into 2020-01-01, which would pass for an exact date.
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") if data else None
    if not text or not text.strip():
        raise InputError(f"{origin}: no article text found in the HTML")
    published = None
    if data.get("date"):
        try:
            published = parse_published(data["date"], origin)
        except InputError:
            published = None
    return Article(
        text=text, title=data.get("title"), published=published, url=data.get("url"),
        source=data.get("sitename"), origin=origin,
    )


def _read_json(text: str, origin: str) -> Iterator[Union[Article, Failure]]:
    try:
        data = _json(text, origin)
    except InputError as exc:
        yield Failure(origin, str(exc).removeprefix(f"{origin}: "))
        return
    items = data if isinstance(data, list) else [data]
    for i, obj in enumerate(items):
        where = f"{origin}[{i}]" if isinstance(data, list) else origin
        yield _article_or_failure(obj, where)


def _article_or_failure(obj: object, where: str) -> Union[Article, Failure]:
    try:
        return from_mapping(obj, where)
    except InputError as exc:
        return Failure(where, str(exc).removeprefix(f"{where}: "))


def _jsonl_line(line: str, where: str) -> Union[Article, Failure]:
    try:
        obj = _json(line, where)
    except InputError as exc:
        return Failure(where, str(exc).removeprefix(f"{where}: "))
    return _article_or_failure(obj, where)


def _read_jsonl(text: str, origin: str) -> Iterator[Union[Article, Failure]]:
    """Decoded JSONL: one record a line (lines end at "\n" only: JSON text may hold U+2028)."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _jsonl_line(line, f"{origin}:{lineno}")


def _read_jsonl_bytes(data: bytes, origin: str) -> Iterator[Union[Article, Failure]]:
    """JSONL bytes decoded line by line, so one bad line (invalid UTF-8, too long, malformed)
    is one Failure naming the file and line, and every other line is still read."""
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        where = f"{origin}:{lineno}"
        if len(raw) > MAX_LINE_BYTES:
            yield Failure(where, f"line of {len(raw):,} bytes is over the limit of {MAX_LINE_BYTES:,}")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(where, f"not valid UTF-8 (byte {exc.start + 1} of the line: {exc.reason})")
            continue
        yield _jsonl_line(line, where)


def read_text_input(
    text: str, origin: str, fmt: str = ".txt"
) -> Iterator[Union[Article, Failure]]:
    """Parse already-decoded input in the format named by its suffix (``.txt``, ``.json``, …)."""
    if fmt == ".jsonl":
        yield from _read_jsonl(text, origin)
    elif fmt == ".json":
        yield from _read_json(text, origin)
    else:
        try:
            if fmt in (".html", ".htm"):
                yield from_html(text, origin)
            else:
                yield from_plain_text(text, origin, source=None)
        except InputError as exc:
            yield Failure(origin, str(exc).removeprefix(f"{origin}: "))


def read_path(path: Path) -> Iterator[Union[Article, Failure]]:
    """Read one file (any supported format) into Articles and Failures, in order."""
    origin = printable_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(origin, f"cannot read ({exc.strerror})")
        return
    if data[:2] == b"\x1f\x8b":
        yield Failure(origin, "gzip-compressed; decompress it first")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl" and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        yield from _read_jsonl_bytes(data, origin)
        return
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield Failure(origin, str(exc).removeprefix(f"{origin}: "))
        return
    yield from read_text_input(text, origin, suffix if suffix in SUPPORTED else ".txt")


def _is_input(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED


def _walk(folder: Path) -> tuple[list[Path], list[Failure]]:
    """Supported files below ``folder`` in sorted path order, and a Failure for every sub-folder
    that cannot be listed (permissions), which ``Path.rglob`` would skip without a word."""
    files: list[Path] = []
    failures: list[Failure] = []

    def unreadable(exc: OSError) -> None:
        failures.append(Failure(printable_path(exc.filename), f"cannot read folder ({exc.strerror})"))

    for root, _dirs, names in os.walk(folder, onerror=unreadable):
        for path in (Path(root) / n for n in names if _is_input(n)):
            if path.is_file():
                files.append(path)
            elif path.is_symlink() and not path.exists():
                failures.append(Failure(printable_path(path), "broken link (its target does not exist)"))
    return sorted(files), sorted(failures, key=lambda f: f.origin)


def expand_paths(paths: Iterable[Union[str, Path]]) -> Iterator[Path]:
    """Expand directories (recursively, sorted, supported suffixes only); files are kept as given.

    Raises:
        InputError: a path does not exist.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)[0]
        elif path.exists():
            yield path
        else:
            raise InputError(f"{printable_path(path)}: no such file or directory")


def iter_inputs(
    paths: Iterable[Union[str, Path]], stdin_text: Optional[str] = None, stdin_format: str = ".txt"
) -> Iterator[Union[Article, Failure]]:
    """All articles (and failures) from the given paths; ``-`` reads ``stdin_text``. A folder that
    cannot be listed is a Failure, like an unreadable file.

    Raises:
        InputError: a path does not exist.
    """
    for p in paths:
        path = Path(p)
        if str(p) == "-":
            yield from read_text_input(stdin_text or "", "<stdin>", stdin_format)
        elif path.is_dir():
            files, failures = _walk(path)
            yield from failures
            for f in files:
                yield from read_path(f)
        else:
            for f in expand_paths([p]):
                yield from read_path(f)
