"""Spark throughput: replies per second per core through `replyguard.spark.review`.

    python benchmarks/spark_throughput.py                 # 20,000 mixed ru/sl/zh drafts, local[1] and local[2]
    python benchmarks/spark_throughput.py -n 60000 --masters local[1],local[2],local[4]

For each master: a fresh local session, a first pass (Python workers start, each builds
its Guard and compiles the three languages), then a timed pass that checks every draft and
writes the findings to Spark's `noop` sink (all the work, no output). The library's own
single-core rate (`Guard.check` in a loop, languages detected) is printed beside it, so the
cost of Spark itself shows. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import drafts


def mixed(count: int) -> list[str]:
    """`count` drafts, a third per language, interleaved."""
    per = -(-count // 3)
    langs = [drafts(lang, per, seed=40 + n) for n, lang in enumerate(("ru", "sl", "zh"))]
    return [text for trio in zip(*langs, strict=True) for text in trio][:count]


def library_rate(texts: list[str]) -> float:
    from replyguard import Guard

    guard = Guard()
    for text in texts[:300]:
        guard.check(text)
    sample = texts[: min(len(texts), 6000)]
    began = time.perf_counter()
    for text in sample:
        guard.check(text)
    return len(sample) / (time.perf_counter() - began)


def spark_rate(texts: list[str], master: str) -> tuple[float, float, int]:
    """(replies per second, seconds of the first pass with cold workers, findings) on a fresh session."""
    from pyspark.sql import SparkSession

    from replyguard.spark import review

    cores = int(master[len("local[") : -1])
    spark = (
        SparkSession.builder.master(master)
        .appName("replyguard-throughput")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rows = [(n, text) for n, text in enumerate(texts)]
        df = spark.createDataFrame(rows, "id long, text string").repartition(cores * 4).cache()
        df.count()
        findings = review(df, id_col="id")
        began = time.perf_counter()
        found = findings.count()  # first pass: workers start, build their Guards, check everything
        first = time.perf_counter() - began
        began = time.perf_counter()
        findings.write.format("noop").mode("overwrite").save()
        elapsed = time.perf_counter() - began
    finally:
        spark.stop()
    return len(texts) / elapsed, first, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20_000, help="drafts per run (default 20,000)")
    parser.add_argument("--masters", default="local[1],local[2]", help="comma-separated local[N] masters")
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

    texts = mixed(args.n)
    print(f"{len(texts):,} drafts, ru/sl/zh mixed, languages detected; {os.cpu_count()} cores on this machine")
    single = library_rate(texts)
    print(f"{'run':<24} {'replies/s':>10} {'per core':>10} {'1st pass s':>10} {'findings':>9}")
    print(f"{'Guard.check, 1 core':<24} {single:>10.0f} {single:>10.0f} {'':>10} {'':>9}")
    for master in args.masters.split(","):
        cores = int(master.strip()[len("local[") : -1])
        rate, first, found = spark_rate(texts, master.strip())
        print(f"{'spark ' + master.strip():<24} {rate:>10.0f} {rate / cores:>10.0f} {first:>10.1f} {found:>9,}")


if __name__ == "__main__":
    main()
