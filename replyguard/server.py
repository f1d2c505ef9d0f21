"""The HTTP service: a CRM in any language POSTs a draft and gets the same Report as the library.

    replyguard serve --host 127.0.0.1 --port 8080          # see serve_command.py
    uvicorn --factory replyguard.server:app_from_env       # the same app under your own uvicorn

FastAPI and uvicorn come with `pip install "replyguard[server]"` and are imported only here,
inside `create_app`, so `import replyguard` stays light. What the service promises:

- `POST /v1/check` answers with `Report.model_dump(mode="json")`, byte for byte what
  `Report.model_dump_json()` gives, so a client can read it back with `Report.model_validate`.
- Checking runs in a thread pool, never on the event loop: a 100,000-character draft takes
  about a second, and health checks and short drafts keep being answered meanwhile.
- Errors are JSON `Problem`s: 400 for an unsupported language (with the supported ones),
  401 without the bearer token, 413 for a body over the limit (refused before it is read),
  422 naming the bad field with replyguard's own InvalidContext / InvalidInput messages.
- Logs never carry drafts, names or context: the access log is method, known path (never a
  query string), status and duration; an internal error is logged by type and code location
  only, since exception messages (pydantic's above all) may repeat the input.
"""

import asyncio
import hashlib
import hmac
import logging
import os
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from replyguard import __version__
from replyguard.errors import InvalidContext, InvalidInput, ReplyguardError, UnsupportedLanguage
from replyguard.lang.registry import SUPPORTED
from replyguard.models import Category, Context, Report, Severity
from replyguard.serve_command import MAX_BATCH, MAX_BODY_BYTES

if TYPE_CHECKING:
    from fastapi import FastAPI

    from replyguard.guard import Guard

log = logging.getLogger("replyguard.server")
access_log = logging.getLogger("replyguard.access")

TOKEN_VARIABLE = "REPLYGUARD_TOKEN"
EXTRA_HINT = 'the HTTP service needs FastAPI and uvicorn: pip install "replyguard[server]"'

T = TypeVar("T")

# The drafts shown in the OpenAPI examples; checking them also warms each language up.
EXAMPLES: dict[str, dict[str, Any]] = {
    "ru": {
        "text": "Ваша проблема — не наша вина. Перезвоним завтра.",
        "context": {"customer_name": "Анна Петрова", "channel": "chat", "now": "2026-11-25T10:00:00+03:00"},
        "lang": "ru",
    },
    "sl": {
        "text": "Vaš problem bomo rešili jutri.",
        "context": {"customer_name": "Maja Novak", "channel": "email", "now": "2026-11-25T10:00:00+01:00"},
        "lang": "sl",
    },
    "zh": {
        "text": "这个是我们银行的规定，没办法，您要是不满意可以去投诉。",
        "context": {"customer_name": "王芳", "channel": "chat"},
        "lang": "zh",
    },
}


class CheckRequest(BaseModel):
    """One draft to check: the arguments of `Guard.check` as JSON."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLES["ru"]]})

    text: str = Field(description="The draft reply, as the operator typed it (plain text or HTML).")
    context: Context | None = Field(
        default=None, description="What the CRM knows: customer name and gender, channel, now, policy, history…"
    )
    lang: str | None = Field(
        default=None, description=f"The reply's language, one of {', '.join(SUPPORTED)}; detected when omitted."
    )


class BatchResponse(BaseModel):
    """The reports of a batch, in the order of its items."""

    reports: list[Report]


class Problem(BaseModel):
    """Why a request was refused. `fields` names the bad parts of the request body."""

    code: str = Field(description="replyguard's error code (E001 …) or an HTTP-level reason such as 'too_large'.")
    message: str
    fields: list[str] = Field(default_factory=list, examples=[["context.customer_gender"]])
    supported: list[str] | None = Field(default=None, description="With an unsupported language: the supported ones.")


class RuleInfo(BaseModel):
    """One loaded rule, as `replyguard rules list` shows it."""

    id: str
    lang: str
    kind: str
    category: Category
    severity: Severity
    message: dict[str, str] = Field(description="The message template per language ('en' always present).")
    why: str


class RulesResponse(BaseModel):
    count: int
    rules: list[RuleInfo]


class Health(BaseModel):
    status: str = "ok"
    version: str
    languages: list[str]


class Refusal(Exception):
    """A request answered with an error status and a Problem (raised in a handler or a check thread)."""

    def __init__(self, status: int, problem: Problem, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(problem.code)
        self.status = status
        self.problem = problem
        self.headers = dict(headers or {})


def create_app(
    guard: "Guard | None" = None,
    *,
    max_body_bytes: int = MAX_BODY_BYTES,
    max_batch: int = MAX_BATCH,
    token: str | None = None,
    threads: int | None = None,
    warm: bool = True,
) -> "FastAPI":
    """The FastAPI app around one Guard (built here when not given; it is thread-safe).

    `token`: the bearer token every /v1 request must carry; None reads REPLYGUARD_TOKEN, and
    without it the service is open (bind it to localhost then, as `serve` does by default).
    `threads`: checks in flight at once (a thread pool; the default is Python's). `warm`
    checks an example draft per language now, so the first real request is not the one
    that compiles a language's rules (~0.5 s), and the OpenAPI examples are real reports.
    """
    try:
        from fastapi import Body, Depends, FastAPI, Query, Request, Security
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import JSONResponse, Response
        from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
    except ImportError as exc:
        raise ImportError(EXTRA_HINT) from exc

    if max_body_bytes < 1:
        raise ValueError(f"max_body_bytes must be a positive number of bytes; got {max_body_bytes}")
    if max_batch < 1:
        raise ValueError(f"max_batch must be a positive number of items; got {max_batch}")
    secret = _token(token)
    if guard is None:
        from replyguard.guard import Guard

        guard = Guard()
    checker: Guard = guard

    example_reports: dict[str, dict[str, Any]] = {}
    if warm:
        for code, example in EXAMPLES.items():
            example_reports[code] = checker.check(**example).model_dump(mode="json")

    pools: list[ThreadPoolExecutor] = []

    def pool() -> ThreadPoolExecutor:
        if not pools:  # made on first use: an app can serve again after its lifespan ended
            pools.append(ThreadPoolExecutor(max_workers=threads, thread_name_prefix="replyguard-check"))
        return pools[0]

    async def off_loop(function: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(pool(), function, *args)

    @asynccontextmanager
    async def lifespan(_: Any) -> Any:
        yield
        if pools:
            pools.pop().shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="replyguard",
        version=__version__,
        summary="Checks a support operator's draft reply (ru, sl, zh) before it is sent.",
        description=(
            "POST a draft and its context, get the same Report as `Guard().check()` in Python. "
            f"Bodies over {max_body_bytes:,} bytes are refused with 413; a batch holds at most {max_batch} items."
            + (" Every /v1 request needs `Authorization: Bearer <token>`." if secret else "")
        ),
        lifespan=lifespan,
    )

    @app.exception_handler(Refusal)
    async def refused(_: Request, exc: Refusal) -> Response:
        return JSONResponse(exc.problem.model_dump(exclude_none=True), exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        kind = request.headers.get("content-type", "")
        if "json" not in kind.lower() and any(tuple(e.get("loc", ()))[:1] == ("body",) for e in errors):
            # FastAPI reads a body as JSON only when it says so; `curl -d` sends a form type
            message = "send the body as JSON, with the header 'Content-Type: application/json'"
            problem = Problem(code="unsupported_media_type", message=message, fields=["body"])
            return JSONResponse(problem.model_dump(exclude_none=True), 415)
        return JSONResponse(_validation_problem(errors).model_dump(exclude_none=True), 422)

    bearer = HTTPBearer(auto_error=False, description="Set REPLYGUARD_TOKEN on the server to require it.")

    async def authorized(credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]) -> None:
        if secret is None:
            return
        given = credentials.credentials if credentials is not None else ""
        # Equal-length digests, compared in constant time: neither the token nor its length leaks.
        if credentials is None or not hmac.compare_digest(_digest(given), secret):
            problem = Problem(
                code="unauthorized", message="send the service's token as 'Authorization: Bearer <token>'"
            )
            raise Refusal(401, problem, {"WWW-Authenticate": "Bearer"})

    guarded = [Depends(authorized)] if secret else []
    errors: dict[int | str, dict[str, Any]] = {
        status: {"model": Problem, "description": what}
        for status, what in (
            (400, "Unsupported language; `supported` lists the languages there are"),
            (401, "Missing or wrong bearer token (only when the server has one)"),
            (413, "The body is larger than the server's limit"),
            (422, "The request is not valid; `fields` names the bad fields"),
        )
        if status != 401 or secret
    }
    ok_examples = {code: {"summary": f"{code} draft", "value": report} for code, report in example_reports.items()}
    check_responses: dict[int | str, dict[str, Any]] = {
        200: {"content": {"application/json": {"examples": ok_examples}}} if ok_examples else {},
        **errors,
    }
    request_examples: dict[str, Any] = {
        code: {"summary": f"a {code} draft", "value": value} for code, value in EXAMPLES.items()
    }

    @app.post(
        "/v1/check",
        response_model=Report,
        responses=check_responses,
        dependencies=guarded,
        tags=["check"],
        summary="Check one draft",
    )
    async def check(request: Annotated[CheckRequest, Body(openapi_examples=request_examples)]) -> Response:
        """The draft's Report, exactly as `Guard().check(text, context, lang).model_dump(mode="json")`."""
        report = await off_loop(_check_one, checker, request, "")
        return Response(report.model_dump_json(), media_type="application/json")

    batch_request = create_model(
        "BatchRequest",
        __config__=ConfigDict(extra="forbid", json_schema_extra={"examples": [{"items": list(EXAMPLES.values())}]}),
        items=(list[CheckRequest], Field(max_length=max_batch, description=f"At most {max_batch} drafts.")),
    )

    @app.post(
        "/v1/check-batch",
        response_model=BatchResponse,
        responses=errors,
        dependencies=guarded,
        tags=["check"],
        summary="Check several drafts",
    )
    async def check_batch(body: batch_request) -> Response:  # type: ignore[valid-type]
        """One report per item, in order; a bad item refuses the whole batch and is named
        in `fields` (`items.3.lang`), as `Guard.check_many` raises on it."""
        items: list[CheckRequest] = body.items  # type: ignore[attr-defined]
        reports = await off_loop(_check_all, checker, items)
        return Response(BatchResponse(reports=reports).model_dump_json(), media_type="application/json")

    rule_list = [
        RuleInfo(
            id=loaded.rule.id,
            lang=loaded.lang,
            kind=loaded.rule.kind,
            category=loaded.rule.category,
            severity=loaded.rule.severity,
            message=dict(loaded.rule.message),
            why=loaded.rule.why,
        )
        for loaded in checker.rules
    ]

    @app.get(
        "/v1/rules",
        response_model=RulesResponse,
        responses={status: errors[status] for status in (400, 401, 422) if status in errors},
        dependencies=guarded,
        tags=["rules"],
        summary="List the loaded rules",
    )
    async def rules(
        lang: Annotated[str | None, Query(description="Only this language's rules")] = None,
    ) -> RulesResponse:
        if lang is not None and lang not in SUPPORTED:
            raise _unsupported(UnsupportedLanguage(lang, SUPPORTED, "given as lang", detected=False), "lang")
        chosen = [rule for rule in rule_list if lang in (None, rule.lang)]
        return RulesResponse(count=len(chosen), rules=chosen)

    @app.get("/healthz", response_model=Health, tags=["health"], summary="Liveness (no token needed)")
    async def healthz() -> Health:
        return Health(version=__version__, languages=list(SUPPORTED))

    known = frozenset(getattr(route, "path", "") for route in app.routes) - {""}
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(AccessLog, known_paths=known)  # added last: outermost, so it sees 413s too
    return app


def app_from_env() -> "FastAPI":
    """The app `replyguard serve` runs in each uvicorn worker (an import-string factory):
    limits from REPLYGUARD_MAX_BODY / REPLYGUARD_MAX_BATCH / REPLYGUARD_THREADS, the token
    from REPLYGUARD_TOKEN, your own packs from REPLYGUARD_RULES (paths joined by the OS path
    separator) and the message language from REPLYGUARD_MESSAGES ('reply' or 'en')."""
    settings = settings_from_env()
    options = guard_options_from_env()
    if options:
        from replyguard.guard import Guard

        return create_app(Guard(**options), **settings)
    return create_app(**settings)


def guard_options_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Guard's keyword arguments from REPLYGUARD_RULES and REPLYGUARD_MESSAGES (empty: defaults)."""
    env = os.environ if environ is None else environ
    options: dict[str, Any] = {}
    rules = [path for path in env.get("REPLYGUARD_RULES", "").split(os.pathsep) if path]
    if rules:
        options["extra_rules"] = rules
    messages = env.get("REPLYGUARD_MESSAGES", "").strip()
    if messages:
        options["message_lang"] = messages
    return options


def settings_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """create_app's keyword arguments from the environment; a bad value raises ValueError naming it."""
    env = os.environ if environ is None else environ
    settings: dict[str, Any] = {}
    for variable, name in (
        ("REPLYGUARD_MAX_BODY", "max_body_bytes"),
        ("REPLYGUARD_MAX_BATCH", "max_batch"),
        ("REPLYGUARD_THREADS", "threads"),
    ):
        raw = env.get(variable, "").strip()
        if raw:
            if not raw.isdigit() or int(raw) < 1:
                raise ValueError(f"{variable} must be a positive whole number; got {raw!r}")
            settings[name] = int(raw)
    _token(None, env)  # an empty token fails here, before any worker starts
    return settings


def log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's logging: its own access log off (it would print query strings and client
    addresses), replyguard's access log and uvicorn's error log to stderr."""
    upper = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": upper, "propagate": False},
            "uvicorn.error": {"level": upper},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "replyguard": {"handlers": ["stderr"], "level": upper, "propagate": False},
        },
    }


def _token(token: str | None, environ: Mapping[str, str] | None = None) -> bytes | None:
    """The SHA-256 of the token to require (None: no token). An empty or blank token is
    refused: it looks like protection and is none."""
    if token is None:
        token = (os.environ if environ is None else environ).get(TOKEN_VARIABLE)
        where = TOKEN_VARIABLE
    else:
        where = "token"
    if token is None:
        return None
    if not token.strip():
        raise ValueError(f"{where} is set but empty: give a real token, or unset it to run without one")
    return _digest(token)


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


def _check_one(guard: "Guard", item: CheckRequest, prefix: str) -> Report:
    """Guard.check in a pool thread; a library error becomes a Refusal naming the field."""
    try:
        return guard.check(item.text, item.context, item.lang)
    except UnsupportedLanguage as exc:
        raise _unsupported(exc, prefix + ("lang" if item.lang is not None else "text")) from None
    except InvalidContext as exc:
        raise Refusal(422, Problem(code=exc.code, message=str(exc), fields=[prefix + "context"])) from None
    except InvalidInput as exc:  # EmptyText, TextTooLong, an unpaired surrogate
        raise Refusal(422, Problem(code=exc.code, message=str(exc), fields=[prefix + "text"])) from None
    except ReplyguardError as exc:  # the library's messages never repeat the draft
        log.error("replyguard error %s while checking", exc.code)
        raise Refusal(500, Problem(code=exc.code, message=str(exc))) from None
    except Exception as exc:
        _log_internal(exc)
        problem = Problem(code="internal_error", message="internal error; the server log says where")
        raise Refusal(500, problem) from None


def _check_all(guard: "Guard", items: Sequence[CheckRequest]) -> list[Report]:
    return [_check_one(guard, item, f"items.{index}.") for index, item in enumerate(items)]


def _unsupported(exc: UnsupportedLanguage, field: str) -> Refusal:
    problem = Problem(code=exc.code, message=str(exc), fields=[field], supported=list(exc.supported))
    return Refusal(400, problem)


def _validation_problem(errors: Sequence[Any]) -> Problem:
    """FastAPI's validation errors as one Problem: each bad field by its path in the body and
    pydantic's reason, never the value (FastAPI's default 422 echoes the input back)."""
    fields: list[str] = []
    problems: list[str] = []
    for error in errors:
        path = [str(part) for part in error.get("loc", ())]
        if path[:1] == ["body"]:
            path = path[1:]
        if error.get("type") == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "invalid")
            at = f" at character {path[0]}" if path else ""
            message = str(InvalidInput(f"the body is not valid JSON ({reason}){at}"))
            return Problem(code=InvalidInput.code, message=message, fields=["body"])
        where = ".".join(path) or "body"
        fields.append(where)
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    in_context = bool(fields) and all("context" in where.split(".") for where in fields)
    exc: ReplyguardError = InvalidContext(problems) if in_context else InvalidInput("; ".join(problems))
    return Problem(code=exc.code, message=str(exc), fields=fields)


def _log_internal(exc: BaseException) -> None:
    """An unexpected error, logged by type and where it happened: its message may hold the draft."""
    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    where = " <- ".join(f"{os.path.basename(f.filename)}:{f.lineno} {f.name}" for f in reversed(frames))
    log.error("internal error %s at %s", type(exc).__name__, where or "?")


_PROBLEM_HEADERS = [(b"content-type", b"application/json")]


async def _send_problem(send: Callable[..., Any], status: int, problem: Problem) -> None:
    body = problem.model_dump_json(exclude_none=True).encode()
    headers = [*_PROBLEM_HEADERS, (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: 413 for a body over `limit` bytes. A declared Content-Length is judged
    before anything is read (the server holds the body to it); a body without one (chunked)
    is read here up to the limit and handed on whole, so the app never sees part of one."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((value for name, value in scope.get("headers", ()) if name == b"content-length"), None)
        if declared is not None:
            if declared.isdigit() and int(declared) <= self.limit:
                await self.app(scope, receive, send)
            else:
                await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left: nothing to answer
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                message: dict[str, Any] = await receive()
                return message
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Callable[..., Any]) -> None:
        message = f"the body is larger than this server's limit of {self.limit:,} bytes; send less per request"
        await _send_problem(send, 413, Problem(code="too_large", message=message))


class AccessLog:
    """ASGI middleware: one line per request (method, path, status, milliseconds) and the last
    word on errors: an exception that escaped the app is logged without its message and
    answered with 500, so the server's own error log never prints it."""

    def __init__(self, app: Any, known_paths: frozenset[str]) -> None:
        self.app = app
        self.known_paths = known_paths

    async def __call__(self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def sending(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            _log_internal(exc)
            if not status:
                status = 500
                await _send_problem(send, 500, Problem(code="internal_error", message="internal error"))
        finally:
            path = scope.get("path", "")
            shown = path if path in self.known_paths else "(other path)"  # a path may be anything a client typed
            elapsed = (time.perf_counter() - started) * 1000
            access_log.info("%s %s %d %.1fms", scope.get("method", "?"), shown, status, elapsed)
