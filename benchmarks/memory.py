"""Memory over many distinct replies: resident size after each checkpoint.

    python benchmarks/memory.py                  # 1,000,000 replies, checkpoints every 100,000
    python benchmarks/memory.py -n 200000 --every 50000

Every reply brings words the process has never seen (numbers, names, made-up product codes
and misspellings), the worst case for spaCy's vocabulary. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import drafts


def resident_mb() -> float:
    """Current resident set size in MB (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1_000_000, help="replies in all")
    parser.add_argument("--every", type=int, default=100_000, help="replies between checkpoints")
    args = parser.parse_args()
    from replyguard import Guard
    from replyguard.lang.registry import get_adapter

    guard = Guard()
    rng = random.Random(0)
    base = {lang: drafts(lang, 500, seed=4) for lang in ("ru", "sl", "zh")}
    langs = ("ru", "sl", "zh")
    began = time.perf_counter()
    print(f"{'replies':>10} {'RSS MB':>8} {'seconds':>8}")
    for n in range(1, args.n + 1):
        lang = langs[n % 3]
        unseen = f"{rng.choice('ABCDEFGHKMNPRSTXZ')}{n}{rng.choice('kxqzw')}{rng.randint(10, 99)}"
        text = f"{rng.choice(base[lang])} {unseen}, {unseen.lower()}ovski."
        guard.check(text, lang=lang)
        if n % args.every == 0:
            sizes = " ".join(f"{code}:{get_adapter(code).vocabulary_size():,}" for code in langs)
            print(f"{n:>10,} {resident_mb():>8.1f} {time.perf_counter() - began:>8.0f}  strings {sizes}", flush=True)


if __name__ == "__main__":
    main()
