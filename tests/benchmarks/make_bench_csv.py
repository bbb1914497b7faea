"""Generate the CSV files the loader benchmarks read (deterministic, seeded).

Writes two files into a folder (default ``<repo>/bench-data/``, which is git-ignored):

``events_1m_iso.csv``
    1,000,000 rows, header ``timestamp,title,lane,excerpt,url``. ISO 8601 timestamps spread
    over 2024-2025 (second resolution, mostly ``Z``, some ``+02:00``), titles of 2-3 words,
    5 lanes, a 100-character excerpt (some with commas, double quotes or non-ASCII letters, so
    about a fifth of the excerpts are quoted), and a 37-character URL. Rows are in random
    (unsorted) order. About 180 MB.

``events_1m_natural.csv``
    The same shape, but the date column holds natural-language dates drawn from 1,000 distinct
    strings (``April 27, 2026``, ``27 Apr 2026``, ``Apr 27 2026 3pm``, ``2026年4月27日``,
    ``mid-June 2026``, ``circa 1850``, ``44 BC``, ``May 2026``), each repeated ~1,000 times.

Columns are built with numpy and pyarrow compute kernels and written as one buffer, so making
both files takes a few seconds. Usage::

    python tests/benchmarks/make_bench_csv.py [--out DIR] [--rows N] [--seed S]

Not a pytest module (pytest only collects ``test_*.py``).
"""

from __future__ import annotations

import argparse
import calendar
import random
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "bench-data"
DEFAULT_ROWS = 1_000_000
DEFAULT_SEED = 20250304
ISO_NAME = "events_1m_iso.csv"
NATURAL_NAME = "events_1m_natural.csv"
HEADER = "timestamp,title,lane,excerpt,url\n"
N_NATURAL_DATES = 1_000

LANES = ["Politics", "Science", "Arts", "Sports", "Economy"]
MONTHS = list(calendar.month_name)[1:]
MONTHS_ABBR = list(calendar.month_abbr)[1:]

_TITLE_TEXT = (
    "council harbour bridge festival treaty election storm launch market museum river "
    "summit strike flood archive railway opening concert trial merger vote protest "
    "eclipse harvest parade census fire expedition discovery reform charter league "
    "final record exhibition verdict budget rally station survey orbit signal "
    "northern old grand new royal public annual first last great"
)
_TEXT_TEXT = (
    "the a of and to in on for with after before during report notes that city council "
    "announced agreed committee members local residents gathered near old harbour river "
    "bridge while officials said plans were delayed again because weather records show "
    "rain storm heavy traffic museum opened new exhibition about early history trade "
    "merchants ships arrived from north south east west markets prices rose fell sharply"
)
_TITLE_WORDS = _TITLE_TEXT.split()
_TEXT_WORDS = _TEXT_TEXT.split()
_NON_ASCII = ["café", "Zürich", "São Paulo", "naïve", "Kraków", "東京", "Malmö", "déjà vu"]


def _piece(rng: random.Random, width: int, comma: float, quote: float, accent: float) -> str:
    """Exactly ``width`` characters of word salad, sometimes with a comma/quote/accent."""
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < width + 10:
        words.append(rng.choice(_TEXT_WORDS))
    if rng.random() < accent:
        words.insert(rng.randrange(len(words)), rng.choice(_NON_ASCII))
    if rng.random() < comma:
        i = rng.randrange(1, 4)
        words[i] += ","
    if rng.random() < quote:
        i = rng.randrange(0, 3)
        words[i] = f'"{words[i]}"'
    text = " ".join(words)[:width]
    return text[:-1] + "." if text.endswith(" ") else text


def _excerpt_pieces(
    seed: int, count: int, width: int, comma: float, quote: float, prefix: str = ""
) -> tuple[pa.Array, pa.Array, np.ndarray]:
    """Distinct pieces as (raw, quote-escaped, needs-quoting) for vectorised row assembly."""
    rng = random.Random(seed)
    pieces: list[str] = []
    seen: set[str] = set()
    while len(pieces) < count:
        p = prefix + _piece(rng, width - len(prefix), comma, quote, accent=0.04)
        if p not in seen:
            seen.add(p)
            pieces.append(p)
    escaped = [p.replace('"', '""') for p in pieces]
    needs = np.array([("," in p) or ('"' in p) for p in pieces])
    return pa.array(pieces), pa.array(escaped), needs


def _titles(seed: int, count: int) -> pa.Array:
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < count:
        words = [rng.choice(_TITLE_WORDS) for _ in range(rng.randint(2, 3))]
        out.add(" ".join(words).capitalize())
    return pa.array(sorted(out))


def natural_dates(seed: int = DEFAULT_SEED, count: int = N_NATURAL_DATES) -> list[str]:
    """``count`` distinct natural-language date strings in various forms (deterministic)."""
    rng = random.Random(seed)

    def ymd() -> tuple[int, int, int]:
        y = rng.randint(1900, 2030)
        m = rng.randint(1, 12)
        return y, m, rng.randint(1, calendar.monthrange(y, m)[1])

    def long_form() -> str:  # April 27, 2026
        y, m, d = ymd()
        return f"{MONTHS[m - 1]} {d}, {y}"

    def day_abbr() -> str:  # 27 Apr 2026
        y, m, d = ymd()
        return f"{d} {MONTHS_ABBR[m - 1]} {y}"

    def abbr_hour() -> str:  # Apr 27 2026 3pm
        y, m, d = ymd()
        h = rng.randint(1, 12)
        return f"{MONTHS_ABBR[m - 1]} {d} {y} {h}{rng.choice(['am', 'pm'])}"

    def cjk() -> str:  # 2026年4月27日
        y, m, d = ymd()
        return f"{y}年{m}月{d}日"

    def mid_month() -> str:  # mid-June 2026
        return f"mid-{rng.choice(MONTHS)} {rng.randint(1900, 2030)}"

    def circa() -> str:  # circa 1850
        return f"circa {rng.randint(1000, 1999)}"

    def bc() -> str:  # 44 BC
        return f"{rng.randint(1, 3000)} BC"

    def month_year() -> str:  # May 2026
        return f"{rng.choice(MONTHS)} {rng.randint(1900, 2030)}"

    forms = [long_form, day_abbr, abbr_hour, cjk, mid_month, circa, bc, month_year]
    weights = [20, 20, 15, 15, 8, 7, 5, 10]
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < count:
        s = rng.choices(forms, weights)[0]()
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def _iso_timestamps(rng: np.random.Generator, rows: int) -> pa.Array:
    start = np.datetime64("2024-01-01T00:00:00", "s")
    span = int((np.datetime64("2026-01-01T00:00:00", "s") - start).astype(np.int64))
    secs = start + rng.integers(0, span, size=rows).astype("timedelta64[s]")
    text = pc.strftime(pa.array(secs, type=pa.timestamp("s")), format="%Y-%m-%dT%H:%M:%S")
    suffix = pc.if_else(pa.array(rng.random(rows) < 0.15), "+02:00", "Z")
    return pc.binary_join_element_wise(text, suffix, "")


def _common_columns(rng: np.random.Generator, seed: int, rows: int) -> list[pa.Array]:
    """title, lane, excerpt (CSV-quoted where needed), url."""
    titles = _titles(seed + 1, 5_000)
    title = titles.take(pa.array(rng.integers(0, len(titles), size=rows)))
    lane = pa.array(LANES).take(pa.array(rng.integers(0, len(LANES), size=rows)))

    raw_a, esc_a, need_a = _excerpt_pieces(seed + 2, 1_000, 50, comma=0.10, quote=0.03)
    raw_b, esc_b, need_b = _excerpt_pieces(seed + 3, 1_000, 50, 0.06, 0.02, prefix=" ")
    ia = rng.integers(0, 1_000, size=rows)
    ib = rng.integers(0, 1_000, size=rows)
    quoted = pc.binary_join_element_wise(
        '"', esc_a.take(pa.array(ia)), esc_b.take(pa.array(ib)), '"', ""
    )
    plain = pc.binary_join_element_wise(raw_a.take(pa.array(ia)), raw_b.take(pa.array(ib)), "")
    excerpt = pc.if_else(pa.array(need_a[ia] | need_b[ib]), quoted, plain)

    ids = pc.utf8_lpad(pa.array(rng.integers(0, 10**10, size=rows)).cast(pa.string()), 10, "0")
    url = pc.binary_join_element_wise("https://example.org/events/", ids, "")
    return [title, lane, excerpt, url]


def _write_csv(path: Path, columns: list[pa.Array]) -> None:
    """Join cells with commas and rows with newlines in C++, then write one buffer."""
    lines = pc.binary_join_element_wise(*columns, ",")
    lines = pc.binary_join_element_wise(lines, "", "\n").cast(pa.large_string())
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset :]
    data = lines.buffers()[2]
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as f:
        f.write(HEADER.encode())
        f.write(memoryview(data)[int(offsets[0]) : int(offsets[len(lines)])])
    tmp.replace(path)


def make_iso(path: Path, rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED) -> Path:
    rng = np.random.default_rng(seed)
    ts = _iso_timestamps(rng, rows)
    _write_csv(path, [ts, *_common_columns(rng, seed, rows)])
    return path


def make_natural(path: Path, rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED) -> Path:
    rng = np.random.default_rng(seed + 100)
    dates = pa.array(natural_dates(seed))
    ts = dates.take(pa.array(rng.integers(0, len(dates), size=rows)))
    # Natural dates contain commas ("April 27, 2026"), so the whole column is quoted when needed.
    needs = pc.match_substring(ts, ",")
    ts = pc.if_else(needs, pc.binary_join_element_wise('"', ts, '"', ""), ts)
    _write_csv(path, [ts, *_common_columns(rng, seed + 100, rows)])
    return path


MAKERS = {ISO_NAME: make_iso, NATURAL_NAME: make_natural}


def ensure_bench_files(
    out_dir: Path = DEFAULT_OUT,
    rows: int = DEFAULT_ROWS,
    seed: int = DEFAULT_SEED,
    force: bool = False,
    verbose: bool = True,
) -> dict[str, Path]:
    """Make the benchmark files that are missing (all of them with ``force``); return paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, maker in MAKERS.items():
        path = out_dir / name
        if force or not path.exists():
            t0 = time.perf_counter()
            maker(path, rows, seed)
            if verbose:
                dt = time.perf_counter() - t0
                size = path.stat().st_size
                print(f"wrote {path}: {size:,} bytes ({size / 1e6:.1f} MB) in {dt:.1f} s")
        paths[name] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", type=Path, default=None, help=f"folder ({DEFAULT_OUT})")
    ap.add_argument("--out", dest="out_opt", type=Path, default=None, help="same as OUT")
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="rows per file (1,000,000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument(
        "--keep", action="store_true", help="keep files that already exist instead of remaking"
    )
    args = ap.parse_args(argv)
    out = args.out_opt or args.out or DEFAULT_OUT
    ensure_bench_files(out.resolve(), args.rows, args.seed, force=not args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
