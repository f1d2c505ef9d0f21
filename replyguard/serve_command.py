"""`replyguard serve`: the HTTP service (replyguard/server.py) under uvicorn.

Kept apart from cli.py so that the CLI's other commands never import FastAPI or uvicorn;
both are imported only when `serve` runs. Settings reach uvicorn's worker processes through
the environment (REPLYGUARD_MAX_BODY, REPLYGUARD_MAX_BATCH, REPLYGUARD_THREADS and the
token, REPLYGUARD_TOKEN), since each worker builds the app from an import string.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
from typing import Any

from replyguard.arguments import add_rules_option, positive

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
APP_FACTORY = "replyguard.server:app_from_env"
MAX_BODY_BYTES = 1_048_576  # 1 MiB: a 100,000-character draft (Guard's limit) is 200-300 kB of JSON
MAX_BATCH = 100


def add_parser(commands: Any) -> None:
    """Add `serve` to the CLI's subcommands (`commands` is argparse's subparsers action)."""
    serve = commands.add_parser(
        "serve",
        help='run the HTTP service (pip install "replyguard[server]")',
        description=(
            "Serve POST /v1/check, POST /v1/check-batch, GET /v1/rules and GET /healthz; OpenAPI at /docs. "
            "Set REPLYGUARD_TOKEN to require 'Authorization: Bearer <token>' on /v1."
        ),
    )
    serve.add_argument("--host", default=DEFAULT_HOST, help="address to bind (default: %(default)s, this machine only)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help="TCP port (default: %(default)s)")
    serve.add_argument("--workers", type=positive, default=1, metavar="N", help="worker processes (default: 1)")
    serve.add_argument(
        "--max-body",
        type=positive,
        default=MAX_BODY_BYTES,
        metavar="BYTES",
        help="refuse a larger request body with 413 (default: %(default)s)",
    )
    serve.add_argument(
        "--max-batch",
        type=positive,
        default=MAX_BATCH,
        metavar="N",
        help="items per check-batch (default: %(default)s)",
    )
    add_rules_option(serve, "your own pack file or folder, after the bundled ones; repeatable")
    serve.add_argument("--messages", choices=("reply", "en"), default="reply", help="message language")
    serve.add_argument("--threads", type=positive, metavar="N", help="checks in flight per worker (default: Python's)")
    serve.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default="info",
        help="info logs one line per request (method, path, status, ms); warning turns that off",
    )
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from replyguard.cli import EXIT_OK, EXIT_USAGE, UsageError

    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        raise UsageError('the HTTP service needs FastAPI and uvicorn: pip install "replyguard[server]"') from None
    from replyguard.server import log_config, settings_from_env

    os.environ["REPLYGUARD_MAX_BODY"] = str(args.max_body)
    os.environ["REPLYGUARD_MAX_BATCH"] = str(args.max_batch)
    if args.threads is not None:
        os.environ["REPLYGUARD_THREADS"] = str(args.threads)
    os.environ["REPLYGUARD_MESSAGES"] = args.messages
    if args.rules:
        os.environ["REPLYGUARD_RULES"] = os.pathsep.join(str(path.resolve()) for path in args.rules)
        from replyguard.guard import Guard

        Guard(extra_rules=args.rules)  # a broken pack: one clear error here, not a traceback per worker
    try:
        settings_from_env()  # a bad setting or an empty token: one clear line now, not a traceback per worker
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not _loopback(args.host) and not os.environ.get("REPLYGUARD_TOKEN"):
        print(
            f"replyguard: warning: serving on {args.host} without REPLYGUARD_TOKEN: anyone who can reach "
            "this port can use the service",
            file=sys.stderr,
        )
    try:
        uvicorn.run(
            APP_FACTORY,
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_config=log_config(args.log_level),
            access_log=False,  # uvicorn's would print query strings and client addresses; see AccessLog
            server_header=False,
            timeout_graceful_shutdown=10,
        )
    except SystemExit as exc:  # uvicorn exits 1 when it cannot bind or load the app; 1 means "blocked" here
        return EXIT_OK if exc.code in (0, None) else EXIT_USAGE
    return EXIT_OK


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
        except (OSError, ValueError):
            return False


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a TCP port from 0 to 65535, not {value!r}")
    return number
