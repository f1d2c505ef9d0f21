"""Speed: what a reply costs, measured on drafts the process has never seen.

    python benchmarks/speed.py                    # everything, every language
    python benchmarks/speed.py --lang ru -n 5000  # more drafts, one language
    python benchmarks/speed.py --only warm,scale  # some sections

Sections (each prints a table):
  warm     p50 / p99 / mean per reply (language given), and detection alone (p50)
  scale    p50 with a synthetic pack `--times` the bundled size beside the bundled p50
  cold     a new process until its first report (median of --cold-runs)
  length   cost per character at 300, 5,000 and 50,000 characters
  batch    check_many replies per second on mixed ru/sl/zh with detection, one core and jobs=2
  hostile  input built to be slow (runs of marks and capitals, one word repeated, 1 and 5 MB):
           time and µs per character at two sizes; linear means the two columns agree

Figures are printed, never asserted: machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CORPUS = Path(__file__).resolve().parent / "corpus"
LANGS = ("ru", "sl", "zh")
SECTIONS = ("warm", "scale", "cold", "length", "batch", "hostile")
NAMES = {
    "ru": ["Анна", "Иван Петрович", "Ольга", "Дамир", "Светлана Игоревна", "Лев"],
    "sl": ["Ana", "gospod Novak", "Maja", "gospa Kranjc", "Luka", "Tjaša"],
    "zh": ["王女士", "李先生", "张小姐", "欧阳先生", "陈女士", "刘先生"],
}
DAYS = {
    "ru": ["в среду", "завтра", "5 декабря", "в пятницу, 11 декабря", "послезавтра"],
    "sl": ["v sredo", "jutri", "5. 12.", "v petek, 11. 12.", "pojutrišnjem"],
    "zh": ["周三", "明天", "12月5日", "下周五", "后天"],
}


def drafts(lang: str, count: int, seed: int, sentences: tuple[int, int] = (3, 6)) -> list[str]:
    """`count` distinct drafts of 3-6 corpus sentences with fresh numbers, names and days."""
    rng = random.Random(seed)
    lines = (CORPUS / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    joiner = "" if lang == "zh" else " "
    made: list[str] = []
    for _ in range(count):
        picked = rng.sample(lines, min(len(lines), rng.randint(*sentences)))
        made.append(_fill(joiner.join(picked), lang, rng))
    return made


def long_draft(lang: str, chars: int, seed: int) -> str:
    """One draft of about `chars` characters, sentences drawn with repetition."""
    rng = random.Random(seed)
    lines = (CORPUS / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    joiner = "" if lang == "zh" else " "
    parts: list[str] = []
    size = 0
    while size < chars:
        line = _fill(rng.choice(lines), lang, rng)
        parts.append(line)
        size += len(line) + len(joiner)
    return joiner.join(parts)[:chars]


def _fill(text: str, lang: str, rng: random.Random) -> str:
    return text.format(
        name=rng.choice(NAMES[lang]), n=rng.randint(100, 99_999), k=rng.randint(3, 14), day=rng.choice(DAYS[lang])
    )


def timed(call: Callable[[], object]) -> float:
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000


def percentiles(times: list[float]) -> tuple[float, float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)], statistics.mean(times)


def warm_times(guard: object, lang: str, count: int) -> tuple[list[float], float]:
    """Times per reply (ms) and findings per reply."""
    check = guard.check  # type: ignore[attr-defined]
    for text in drafts(lang, 50, seed=1):
        check(text, lang=lang)
    times: list[float] = []
    findings = 0
    for text in drafts(lang, count, seed=2):
        began = time.perf_counter()
        report = check(text, lang=lang)
        times.append((time.perf_counter() - began) * 1000)
        findings += len(report.findings)
    return times, findings / count


def section_warm(langs: list[str], count: int) -> None:
    from replyguard import Guard
    from replyguard.lang.detect import detect

    guard = Guard()
    print(f"{'lang':<5} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'detect p50 ms':>14}")
    for lang in langs:
        p50, p99, mean = percentiles(warm_times(guard, lang, count)[0])
        texts = drafts(lang, count, seed=5)
        for text in texts[:50]:
            detect(text, "ru")
        detection = statistics.median(timed(lambda t=text: detect(t, "ru")) for text in texts)
        print(f"{lang:<5} {p50:>8.3f} {p99:>8.3f} {mean:>8.3f} {detection:>14.4f}")


def section_scale(langs: list[str], count: int, times: int) -> None:
    from synthetic_pack import write_pack

    from replyguard import Guard

    print(
        f"{'lang':<5} {'rules':>6} {'p50 ms':>8} {'findings':>9} {f'rules {times}x':>10} {f'p50 {times}x':>9}"
        f" {f'findings {times}x':>12} {'p50 ratio':>10}"
    )
    for lang in langs:
        bundled = Guard()
        size = sum(1 for r in bundled.rules if r.lang == lang)
        base_times, base_found = warm_times(bundled, lang, count)
        base = percentiles(base_times)[0]
        with tempfile.TemporaryDirectory() as folder:
            added = write_pack(Path(folder), lang, times, avoid=" ".join(NAMES[lang] + DAYS[lang]))
            big_times, big_found = warm_times(Guard(extra_rules=[folder]), lang, count)
        big = percentiles(big_times)[0]
        print(
            f"{lang:<5} {size:>6} {base:>8.3f} {base_found:>9.2f} {size + added:>10} {big:>9.3f}"
            f" {big_found:>12.2f} {big / base:>10.2f}"
        )


def section_cold(langs: list[str], runs: int) -> None:
    print(f"{'lang':<5} {'cold start s':>13}")
    for lang in langs:
        text = drafts(lang, 1, seed=3)[0]
        code = f"from replyguard import Guard; Guard().check({text!r}, lang={lang!r})"
        seconds = []
        for _ in range(runs):
            began = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            seconds.append(time.perf_counter() - began)
        print(f"{lang:<5} {statistics.median(seconds):>13.2f}")


def section_length(langs: list[str]) -> None:
    from replyguard import Guard

    guard = Guard()
    sizes = (300, 5_000, 50_000)
    print(f"{'lang':<5} " + " ".join(f"{f'µs/char @{n}':>15}" for n in sizes) + f" {'50k vs 300':>11}")
    for lang in langs:
        for text in drafts(lang, 20, seed=1):
            guard.check(text, lang=lang)
        per_char = []
        for size in sizes:
            repeats = max(3, 60_000 // size)
            texts = [long_draft(lang, size, seed) for seed in range(repeats)]
            cost = statistics.median(timed(lambda t=t, code=lang: guard.check(t, lang=code)) for t in texts)
            per_char.append(cost * 1000 / size)
        cells = " ".join(f"{c:>15.3f}" for c in per_char)
        print(f"{lang:<5} {cells} {per_char[-1] / per_char[0]:>11.2f}")


def section_batch(count: int) -> None:
    from replyguard import Guard

    guard = Guard()
    mixed = [t for lang in LANGS for t in drafts(lang, count // 3, seed=11)]
    random.Random(0).shuffle(mixed)
    guard.check_many(mixed[:60])  # load every language first
    print(f"{'batch':<24} {'replies/s':>10}")
    for jobs in (1, 2):
        began = time.perf_counter()
        guard.check_many(mixed, jobs=jobs)
        rate = len(mixed) / (time.perf_counter() - began)
        print(f"{f'check_many jobs={jobs}':<24} {rate:>10.0f}")


def section_hostile(langs: list[str]) -> None:
    from replyguard import Guard

    guard = Guard(max_chars=6_000_000)
    cases: list[tuple[str, str, object]] = [
        ("'!' * n", "ru", lambda n: "Спасибо" + "!" * n),
        ("'!!! ' * n/4", "ru", lambda n: "!!! " * (n // 4)),
        ("capitals, one word", "ru", lambda n: "А" * n),
        ("capital words", "sl", lambda n: " ".join(["NAROČILO", "JE", "BILO", "ODPOSLANO"] * (n // 24))),
        ("'проблема ' * n/9", "ru", lambda n: "проблема " * (n // 9)),
        ("'_' * n", "sl", lambda n: "_" * n),
    ]
    cases += [(f"{lang} drafts", lang, lambda n, code=lang: long_draft(code, n, 7)) for lang in langs]
    sizes = (100_000, 1_000_000)
    print(f"{'input':<22} {'lang':<5} " + " ".join(f"{f'ms @{n:,}':>14} {'µs/char':>8}" for n in sizes))
    for name, lang, make in cases:
        guard.check("Добрый день. Dober dan. 您好。", lang=lang)
        cells = []
        for size in sizes:
            text = make(size)  # type: ignore[operator]
            cost = timed(lambda t=text, code=lang: guard.check(t, lang=code))
            cells.append(f"{cost:>14.1f} {cost * 1000 / len(text):>8.3f}")
        print(f"{name:<22} {lang:<5} " + " ".join(cells))
    for lang in langs:
        text = long_draft(lang, 5_000_000, 9)
        cost = timed(lambda t=text, code=lang: guard.check(t, lang=code))
        print(f"{lang + ' drafts, 5 MB':<22} {lang:<5} {cost:>14.1f} {cost * 1000 / len(text):>8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=LANGS, action="append")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("-n", type=int, default=2000, help="warm drafts per language")
    parser.add_argument("--times", type=int, default=5, help="size of the scale-test pack, in bundled packs")
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=12000, help="mixed replies in the batch section")
    args = parser.parse_args()
    langs = args.lang or list(LANGS)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    for name in wanted:
        if name not in SECTIONS:
            parser.error(f"unknown section {name!r}; sections: {', '.join(SECTIONS)}")
    for name in SECTIONS:
        if name not in wanted:
            continue
        print(f"\n== {name}")
        if name == "warm":
            section_warm(langs, args.n)
        elif name == "scale":
            section_scale(langs, args.n, args.times)
        elif name == "cold":
            section_cold(langs, args.cold_runs)
        elif name == "length":
            section_length(langs)
        elif name == "batch":
            section_batch(args.batch)
        else:
            section_hostile(langs)


if __name__ == "__main__":
    main()
