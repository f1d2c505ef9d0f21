"""Speed per language: warm p50/p99 per reply on drafts the process has never seen, and
cold start (a new process until its first report).

    python benchmarks/speed.py                 # all languages
    python benchmarks/speed.py --lang ru -n 5000

Figures are printed, never asserted: machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
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


def drafts(lang: str, count: int, seed: int) -> list[str]:
    """`count` distinct drafts of 3-6 sentences with fresh numbers, names and days."""
    rng = random.Random(seed)
    sentences = (CORPUS / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    joiner = "" if lang == "zh" else " "
    made: list[str] = []
    for _ in range(count):
        picked = rng.sample(sentences, rng.randint(3, 6))
        text = joiner.join(picked).format(
            name=rng.choice(NAMES[lang]), n=rng.randint(100, 99_999), k=rng.randint(3, 14), day=rng.choice(DAYS[lang])
        )
        made.append(text)
    return made


def warm(lang: str, count: int) -> tuple[float, float, float]:
    from replyguard import Guard

    guard = Guard()
    for text in drafts(lang, 50, seed=1):
        guard.check(text, lang=lang)
    times = []
    for text in drafts(lang, count, seed=2):
        began = time.perf_counter()
        guard.check(text, lang=lang)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1], statistics.mean(times)


def cold(lang: str, runs: int) -> float:
    text = drafts(lang, 1, seed=3)[0]
    code = f"from replyguard import Guard; Guard().check({text!r}, lang={lang!r})"
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=("ru", "sl", "zh"), action="append")
    parser.add_argument("-n", type=int, default=2000, help="warm drafts per language")
    parser.add_argument("--cold-runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'lang':<5} {'warm p50 ms':>12} {'warm p99 ms':>12} {'mean ms':>9} {'cold start s':>13}")
    for lang in args.lang or ["ru", "sl", "zh"]:
        p50, p99, mean = warm(lang, args.n)
        print(f"{lang:<5} {p50:>12.3f} {p99:>12.3f} {mean:>9.3f} {cold(lang, args.cold_runs):>13.2f}")


if __name__ == "__main__":
    main()
