"""Soak: many concurrent clients against `replyguard serve` on loopback, every answer verified.

    python benchmarks/soak.py                          # 200 clients, 60 s, --workers 2
    python benchmarks/soak.py --clients 50 --seconds 10 --workers 1

Starts `replyguard serve` on a free loopback port, waits until every worker is up, then runs
`--clients` asyncio clients (one keep-alive connection each) that POST /v1/check with drafts
drawn from a pool of realistic ru/sl/zh drafts with contexts (names, channel, a fixed `now`),
until `--seconds` have passed or `--max-requests` were sent, whichever comes first. Every
answer is compared with the library's own report for that draft (`Guard().check` in this
process): the same JSON bytes, or failing that the same parsed JSON. Then the server is
stopped and its log searched for any draft text or name.

Prints requests, errors, mismatches, requests per second and latency percentiles; exits 1 on
any error, mismatch or leak. Bounded on every side: a deadline, a request count, a per-request
timeout and an overall watchdog; the server is stopped in all cases. The client shares the
machine with the server, so on a small machine its own CPU is part of the latency measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import LANGS, NAMES, drafts

ROOT = Path(__file__).resolve().parent.parent
NOW = {"ru": "2026-11-25T10:00:00+03:00", "sl": "2026-11-25T10:00:00+01:00", "zh": "2026-11-25T10:00:00+08:00"}
CHANNELS = ("chat", "email", "messenger", "social", None)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)  # ms, successful and verified requests
    errors: dict[str, int] = field(default_factory=dict)  # kind -> count: transport, status, mismatch
    sent: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def pool_of_drafts(count: int, seed: int) -> list[dict[str, Any]]:
    """`count` request bodies over the three languages: a third without a context, a third
    without `lang` (so detection runs in the server as in the library)."""
    rng = random.Random(seed)
    bodies: list[dict[str, Any]] = []
    per_lang = max(1, count // len(LANGS))
    for lang in LANGS:
        for index, text in enumerate(drafts(lang, per_lang, seed=seed + len(bodies))):
            body: dict[str, Any] = {"text": text}
            if index % 3:
                context: dict[str, Any] = {"customer_name": rng.choice(NAMES[lang]), "now": NOW[lang]}
                channel = rng.choice(CHANNELS)
                if channel:
                    context["channel"] = channel
                body["context"] = context
            if index % 3 != 1:
                body["lang"] = lang
            bodies.append(body)
    rng.shuffle(bodies)
    return bodies


def expected_reports(bodies: list[dict[str, Any]]) -> list[bytes]:
    from replyguard import Guard

    guard = Guard()
    return [
        guard.check(body["text"], body.get("context"), body.get("lang")).model_dump_json().encode() for body in bodies
    ]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, workers: int, log_path: Path, threads: int | None) -> subprocess.Popen[bytes]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("REPLYGUARD_")}
    command = [sys.executable, "-m", "replyguard", "serve", "--port", str(port), "--workers", str(workers)]
    command += ["--threads", str(threads)] if threads else []  # the access log stays on, as it would be
    with log_path.open("wb") as log:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def wait_ready(server: subprocess.Popen[bytes], log_path: Path, workers: int, seconds: float) -> None:
    """Every worker has finished its startup (each builds a Guard and warms three languages)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}:\n{log_path.read_text(errors='replace')}")
        if log_path.read_text(errors="replace").count("Application startup complete") >= workers:
            return
        time.sleep(0.2)
    raise SystemExit(f"the server was not ready after {seconds} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Status, body and whether the server keeps the connection, from one HTTP/1.1 answer."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("the server closed the connection")
    status = int(status_line.split()[1])
    length = 0
    keep = True
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value.strip())
        elif name == b"connection" and value.strip().lower() == b"close":
            keep = False
    return status, await reader.readexactly(length), keep


async def client(
    number: int,
    port: int,
    requests: list[bytes],
    expected: list[bytes],
    until: float,
    args: argparse.Namespace,
    tally: Tally,
) -> None:
    """One keep-alive connection sending request after request, as a CRM's connection pool
    would. A plain HTTP/1.1 client over asyncio streams: a general client library spends
    more CPU per request than the server does, and would measure itself."""
    rng = random.Random(number)
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while time.monotonic() < until and tally.sent < args.max_requests:
        index = rng.randrange(len(requests))
        tally.sent += 1
        began = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), args.request_timeout)
            reader, writer = connection
            writer.write(requests[index])
            await writer.drain()
            status, body, keep = await asyncio.wait_for(read_response(reader), args.request_timeout)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            tally.error(f"transport: {type(exc).__name__}")
            if connection is not None:
                connection[1].close()
            connection = None
            continue
        elapsed = (time.perf_counter() - began) * 1000
        if not keep:
            writer.close()
            connection = None
        if status != 200:
            tally.error(f"status {status}")
        elif body != expected[index] and json.loads(body) != json.loads(expected[index]):
            tally.error("mismatch with the library's report")
        else:
            tally.latencies.append(elapsed)
    if connection is not None:
        connection[1].close()


async def soak(port: int, payloads: list[bytes], expected: list[bytes], args: argparse.Namespace) -> Tally:
    tally = Tally()
    head = f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
    requests = [f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body for body in payloads]
    until = time.monotonic() + args.seconds
    tasks = [client(n, port, requests, expected, until, args, tally) for n in range(args.clients)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=args.seconds + args.request_timeout + 30)
    return tally


def percentile(sorted_ms: list[float], share: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, max(0, round(share * len(sorted_ms)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="stop after this many requests")
    parser.add_argument("--drafts", type=int, default=600, help="distinct drafts in the pool")
    parser.add_argument("--request-timeout", type=float, default=30)
    parser.add_argument("--threads", type=int, help="serve --threads (default: the server's)")
    args = parser.parse_args()

    bodies = pool_of_drafts(args.drafts, seed=7)
    began = time.perf_counter()
    expected = expected_reports(bodies)
    payloads = [json.dumps(body, ensure_ascii=False).encode() for body in bodies]
    print(f"{len(bodies)} drafts (ru, sl, zh), library reports in {time.perf_counter() - began:.1f} s")

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="replyguard-soak-") as folder:
        log_path = Path(folder) / "server.log"
        server = start_server(port, args.workers, log_path, args.threads)
        try:
            began = time.perf_counter()
            wait_ready(server, log_path, args.workers, seconds=180)
            print(f"server up with {args.workers} workers in {time.perf_counter() - began:.1f} s on port {port}")
            began = time.perf_counter()
            tally = asyncio.run(soak(port, payloads, expected, args))
            wall = time.perf_counter() - began
        finally:
            stop_server(server)
        log = log_path.read_text(encoding="utf-8", errors="replace")

    private = {body["text"] for body in bodies} | {body.get("context", {}).get("customer_name", "") for body in bodies}
    sentences = {part.strip() for text in private for part in text.replace("。", ".").split(".") if len(part) > 8}
    leaks = sum(1 for secret in private | sentences if secret and secret in log)
    access_lines = log.count("replyguard.access: POST /v1/check")

    ok = len(tally.latencies)
    errors = sum(tally.errors.values())
    times = sorted(tally.latencies)
    print(f"clients {args.clients}, workers {args.workers}, threads {args.threads or 'default'}, {wall:.1f} s")
    print(f"requests {tally.sent}, verified {ok}, errors {errors}, {tally.sent / wall:.0f} requests/s")
    for kind, count in sorted(tally.errors.items()):
        print(f"  {kind}: {count}")
    if times:
        print(
            f"latency ms: p50 {statistics.median(times):.1f}, p90 {percentile(times, 0.90):.1f}, "
            f"p99 {percentile(times, 0.99):.1f}, max {times[-1]:.1f}"
        )
    print(f"server log: {access_lines} access lines, {leaks} drafts or names found in it")
    return 0 if errors == 0 and ok == tally.sent and leaks == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
