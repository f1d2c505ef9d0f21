"""The HTTP service: `replyguard serve` in a subprocess on a free loopback port gives the
library's reports; bad requests get 400 / 401 / 413 / 415 / 422 naming what is wrong; the
server's log holds no draft, name or context. In-process tests (httpx over ASGI) cover the
limits, the token, internal errors and the OpenAPI schema without a socket."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from replyguard import Guard, Report  # noqa: E402
from replyguard.server import create_app, settings_from_env  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "data" / "blind"
TOKEN = "test-token-42"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Strings that must never reach the log: every draft, name and context value the tests send.
SENT: list[str] = []


def _drafts() -> list[dict[str, Any]]:
    """A dozen real drafts: per language two plain, one with a customer's name, one with a
    promise checked against a fixed `now` (so deadlines do not move between two calls)."""
    picked: list[dict[str, Any]] = []
    for lang in ("ru", "sl", "zh"):
        for name, count in ((f"{lang}.jsonl", 2), (f"{lang}_address.jsonl", 1), (f"{lang}_promises.jsonl", 1)):
            rows = [json.loads(line) for line in (BLIND / name).read_text(encoding="utf-8").splitlines() if line]
            faulty = [row for row in rows if row.get("faulty")]
            for row in faulty[:count]:
                item: dict[str, Any] = {"text": row["text"]}
                if row.get("context"):
                    item["context"] = row["context"]
                if row.get("lang"):
                    item["lang"] = row["lang"]
                picked.append(item)
    return picked


DRAFTS = _drafts()


def _private(item: dict[str, Any]) -> list[str]:
    context = item.get("context") or {}
    values = [item["text"], *(str(context[key]) for key in ("customer_name", "customer_message") if key in context)]
    return [value for value in values if value]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """A `replyguard serve` subprocess and its combined stdout/stderr log file."""

    def __init__(self, log_path: Path, *args: str, token: str | None = TOKEN) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = {k: v for k, v in os.environ.items() if not k.startswith("REPLYGUARD_")}
        if token is not None:
            env["REPLYGUARD_TOKEN"] = token
        command = [sys.executable, "-m", "replyguard", "serve", "--port", str(self.port), *args]
        self.log_file = log_path.open("wb")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"the server did not answer /healthz in {seconds} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn shuts down gracefully on Ctrl-C
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log_file.close()
        return self.process.returncode


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    server = Served(tmp_path_factory.mktemp("serve") / "server.log", "--max-batch", "5")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def client(served: Served) -> Iterator[Any]:
    with httpx.Client(base_url=served.url, timeout=60) as session:
        yield session


# --- over a real socket ---------------------------------------------------------------------------


def test_http_reports_equal_the_library_for_a_dozen_drafts(client: Any, guard: Guard) -> None:
    assert len(DRAFTS) == 12 and {guard.check(d["text"], lang=d.get("lang")).lang for d in DRAFTS} == {"ru", "sl", "zh"}
    with_findings = 0
    for item in DRAFTS:
        SENT.extend(_private(item))
        response = client.post("/v1/check", json=item, headers=AUTH)
        assert response.status_code == 200, response.text
        expected = guard.check(item["text"], item.get("context"), item.get("lang"))
        assert response.json() == expected.model_dump(mode="json")
        assert Report.model_validate(response.json()) == expected
        with_findings += bool(expected.findings)
    assert with_findings >= 9  # the comparison is about findings, not empty lists


def test_http_batch_equals_the_library_in_order(client: Any, guard: Guard) -> None:
    items = DRAFTS[:5]
    response = client.post("/v1/check-batch", json={"items": items}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["reports"] == [r.model_dump(mode="json") for r in guard.check_many(items)]
    too_many = client.post("/v1/check-batch", json={"items": DRAFTS[:6]}, headers=AUTH)
    assert too_many.status_code == 422 and too_many.json()["fields"] == ["items"]


def test_http_rules_and_health(client: Any, guard: Guard) -> None:
    rules = client.get("/v1/rules", headers=AUTH).json()
    assert rules["count"] == len(guard.rules) == len(rules["rules"])
    assert {r["id"] for r in rules["rules"]} == {r.rule.id for r in guard.rules}
    zh = client.get("/v1/rules", params={"lang": "zh"}, headers=AUTH).json()
    assert zh["count"] and {r["lang"] for r in zh["rules"]} == {"zh"}
    assert client.get("/healthz").json()["languages"] == ["ru", "sl", "zh"]  # no token needed


def test_http_bad_requests(client: Any) -> None:
    draft = "Марина Сергеевна, ваша проблема решена."
    SENT.extend([draft, "Марина Сергеевна"])
    body = {"text": draft, "context": {"customer_name": "Марина Сергеевна"}}

    assert client.post("/v1/check", json=body).status_code == 401
    wrong = client.post("/v1/check", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/rules").status_code == 401

    huge = {"text": "а" * 600_000}  # 1.2 MB of UTF-8: over the default 1 MiB
    too_large = client.post("/v1/check", json=huge, headers=AUTH)
    assert too_large.status_code == 413 and "1,048,576 bytes" in too_large.json()["message"]

    bad_context = {"text": draft, "context": {"customer_gender": "unknown", "channel": "fax"}}
    invalid = client.post("/v1/check", json=bad_context, headers=AUTH)
    assert invalid.status_code == 422
    assert invalid.json()["code"] == "E008"
    assert invalid.json()["fields"] == ["context.customer_gender", "context.channel"]

    english = client.post("/v1/check", json={"text": "Thank you, your parcel is on its way to you."}, headers=AUTH)
    assert english.status_code == 400
    assert english.json()["supported"] == ["ru", "sl", "zh"] and english.json()["fields"] == ["text"]
    declared = client.post("/v1/check", json={"text": draft, "lang": "de"}, headers=AUTH)
    assert declared.status_code == 400 and declared.json()["fields"] == ["lang"]
    assert "ru, sl, zh" in declared.json()["message"]


def test_a_long_draft_is_answered_like_the_library(client: Any, guard: Guard) -> None:
    sentence = "Заказ уже в пути, курьер привезёт его в среду. "
    long_draft = sentence * (95_000 // len(sentence))  # near Guard's 100,000-character limit
    SENT.append(sentence.strip())
    response = client.post("/v1/check", json={"text": long_draft, "lang": "ru"}, headers=AUTH)
    assert response.status_code == 200
    assert response.json() == guard.check(long_draft, lang="ru").model_dump(mode="json")


def test_the_log_has_requests_but_no_draft_text_or_names(served: Served, client: Any) -> None:
    """Runs after the others in this module: their drafts, names and contexts must be absent."""
    client.post("/v1/check?name=Ольга", json={"text": "Ольга, ваша проблема решена."}, headers=AUTH)
    client.get("/v1/check/Ольга/ваша-проблема")
    SENT.extend(["Ольга", "ваша-проблема"])
    log = served.log()
    give_up = time.monotonic() + 20  # a request is logged just after its answer is sent
    while "GET (other path) 404" not in log and time.monotonic() < give_up:
        time.sleep(0.05)
        log = served.log()
    assert "POST /v1/check 200" in log and "POST /v1/check 413" in log and "POST /v1/check 422" in log
    assert "GET /healthz 200" in log and "GET (other path) 404" in log
    assert len(SENT) >= 18
    leaked = [secret for secret in SENT if secret in log]
    assert not leaked, f"the server log repeats {len(leaked)} private strings"


def test_workers_get_the_limits_token_and_packs_from_the_command_line(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "language: ru\nabout: ACME tunes one rule.\noverrides:\n  - id: ru.bad_word.problema\n    severity: info\n",
        encoding="utf-8",
    )
    server = Served(
        tmp_path / "workers.log", "--workers", "2", "--max-body", "5000", "--rules", str(pack), "--messages", "en"
    )
    try:
        server.wait_ready()
        url = f"{server.url}/v1/check"  # a new connection each time: either worker may take it
        statuses = {httpx.post(url, json={"text": "ы" * 3000}, headers=AUTH).status_code for _ in range(8)}
        unauthorized = {httpx.post(url, json={"text": "Добрый день"}).status_code for _ in range(8)}
        tuned = [
            httpx.post(url, json={"text": "Ваша проблема решена.", "lang": "ru"}, headers=AUTH, timeout=30).json()
            for _ in range(4)
        ]
    finally:
        code = server.stop()
    assert statuses == {413} and unauthorized == {401}
    expected = Guard(extra_rules=[pack], message_lang="en").check("Ваша проблема решена.", lang="ru")
    assert next(f for f in expected.findings if f.rule == "ru.bad_word.problema").severity.value == "info"
    assert all(report == expected.model_dump(mode="json") for report in tuned)
    assert code == 0
    assert server.log().count("Started server process") == 2


def test_serve_refuses_bad_settings_with_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "REPLYGUARD_TOKEN": "  "}
    command = [sys.executable, "-m", "replyguard", "serve", "--port", str(_free_port())]
    empty_token = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert empty_token.returncode == 2 and "REPLYGUARD_TOKEN is set but empty" in empty_token.stderr
    bad_port = subprocess.run([*command[:-1], "70000"], capture_output=True, text=True, timeout=60)
    assert bad_port.returncode == 2 and "TCP port" in bad_port.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("language: ru\nrules: [{id: nope}]\n", encoding="utf-8")
    bad_pack = subprocess.run([*command, "--rules", str(broken)], capture_output=True, text=True, timeout=60)
    assert bad_pack.returncode == 2 and "broken.yaml" in bad_pack.stderr and "Traceback" not in bad_pack.stderr


# --- in process (httpx over ASGI): the limits ------------------------------------------------------


def _call(app: Any, method: str, url: str, **options: Any) -> Any:
    async def go() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://replyguard.test") as session:
            return await session.request(method, url, **options)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def app(guard: Guard) -> Any:
    return create_app(guard, max_body_bytes=2_000, max_batch=3, token=TOKEN)


def test_body_over_the_limit_is_413_declared_or_chunked(app: Any) -> None:
    declared = _call(app, "POST", "/v1/check", json={"text": "я" * 1_500}, headers=AUTH)
    assert declared.status_code == 413 and declared.json()["code"] == "too_large"

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 100
        yield b'"}'

    chunked = _call(app, "POST", "/v1/check", content=chunks(), headers={**AUTH, "content-type": "application/json"})
    assert chunked.status_code == 413

    async def small() -> AsyncIterator[bytes]:
        yield '{"text": "Ваша '.encode()
        yield 'проблема решена."}'.encode()

    fine = _call(app, "POST", "/v1/check", content=small(), headers={**AUTH, "content-type": "application/json"})
    assert fine.status_code == 200 and fine.json()["findings"]


def test_batch_size_is_bounded_and_a_bad_item_is_named(app: Any) -> None:
    items = [{"text": "Ваша проблема решена."}] * 4
    too_many = _call(app, "POST", "/v1/check-batch", json={"items": items}, headers=AUTH)
    assert too_many.status_code == 422 and too_many.json()["fields"] == ["items"]
    assert "at most 3 items" in too_many.json()["message"]
    mixed = [{"text": "Ваша проблема решена."}, {"text": "Vaš problem je rešen.", "lang": "en"}]
    refused = _call(app, "POST", "/v1/check-batch", json={"items": mixed}, headers=AUTH)
    assert refused.status_code == 400 and refused.json()["fields"] == ["items.1.lang"]
    nested = [{"text": "Добрый день"}, {"text": "Добрый день", "context": {"policy": {"timezone": "Mars/Base"}}}]
    invalid = _call(app, "POST", "/v1/check-batch", json={"items": nested}, headers=AUTH)
    assert invalid.status_code == 422 and invalid.json()["fields"] == ["items.1.context.policy.timezone"]
    assert invalid.json()["code"] == "E008"


@pytest.mark.parametrize(
    ("content", "headers", "status", "fields"),
    [
        (b'{"text": ', {"content-type": "application/json"}, 422, ["body"]),
        (b'{"txt": "Hi"}', {"content-type": "application/json"}, 422, ["text", "txt"]),
        (b'{"text": 5}', {"content-type": "application/json"}, 422, ["text"]),
        (b'{"text": "   "}', {"content-type": "application/json"}, 422, ["text"]),
        (b'{"text": "\\ud800 \\u0412\\u0430\\u0448"}', {"content-type": "application/json"}, 422, ["text"]),
        (b'{"text": "Hi"}', {"content-type": "application/x-www-form-urlencoded"}, 415, ["body"]),
    ],
)
def test_bad_bodies_name_the_field(app: Any, content: bytes, headers: dict[str, str], status: int, fields: Any) -> None:
    response = _call(app, "POST", "/v1/check", content=content, headers={**AUTH, **headers})
    assert response.status_code == status, response.text
    assert response.json()["fields"] == fields and response.json()["message"]


def test_token_is_required_on_v1_only(app: Any) -> None:
    body = {"text": "Добрый день"}
    assert _call(app, "POST", "/v1/check", json=body).status_code == 401
    assert _call(app, "POST", "/v1/check", json=body, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    longer = {"Authorization": f"Bearer {TOKEN}x"}
    assert _call(app, "POST", "/v1/check", json=body, headers=longer).status_code == 401
    assert _call(app, "POST", "/v1/check", json=body, headers=AUTH).status_code == 200
    assert _call(app, "GET", "/healthz").status_code == 200
    assert _call(app, "GET", "/openapi.json").status_code == 200


def test_token_comes_from_the_environment_and_must_not_be_empty(guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLYGUARD_TOKEN", "from-env")
    from_env = create_app(guard, warm=False)
    assert _call(from_env, "GET", "/v1/rules").status_code == 401
    assert _call(from_env, "GET", "/v1/rules", headers={"Authorization": "Bearer from-env"}).status_code == 200
    monkeypatch.setenv("REPLYGUARD_TOKEN", "")
    with pytest.raises(ValueError, match="REPLYGUARD_TOKEN is set but empty"):
        create_app(guard, warm=False)
    monkeypatch.delenv("REPLYGUARD_TOKEN")
    assert _call(create_app(guard, warm=False), "GET", "/v1/rules").status_code == 200  # no token: open


def test_settings_from_env_reject_bad_numbers() -> None:
    assert settings_from_env({"REPLYGUARD_MAX_BODY": "5000", "REPLYGUARD_MAX_BATCH": "7"}) == {
        "max_body_bytes": 5000,
        "max_batch": 7,
    }
    with pytest.raises(ValueError, match="REPLYGUARD_MAX_BATCH"):
        settings_from_env({"REPLYGUARD_MAX_BATCH": "-3"})


def test_a_check_in_progress_does_not_stall_other_requests(guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    """One check is held inside Guard.check until the test lets it go; meanwhile a health
    check and another draft are answered. Were checking done on the event loop, the held
    check would block the loop, and both would wait until it gave up."""
    entered, released = threading.Event(), threading.Event()
    original = guard.check

    def held(text: str, context: Any = None, lang: Any = None) -> Report:
        if text == "Долгая проверка.":
            entered.set()
            released.wait(timeout=10)  # a bound, so a regression fails instead of hanging
        return original(text, context, lang)

    app = create_app(guard, warm=False)
    monkeypatch.setattr(guard, "check", held)

    async def scenario() -> tuple[bool, int, int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://replyguard.test") as session:
            slow = asyncio.create_task(session.post("/v1/check", json={"text": "Долгая проверка."}))
            assert await asyncio.to_thread(entered.wait, 10)
            health = await session.get("/healthz")
            other = await session.post("/v1/check", json={"text": "Ваша проблема решена."})
            still_held = not slow.done()
            released.set()
            return still_held, health.status_code, other.status_code, (await slow).status_code

    try:
        assert asyncio.run(scenario()) == (True, 200, 200, 200)
    finally:
        released.set()


def test_an_internal_error_is_500_and_logged_without_the_draft(
    guard: Guard, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    draft = "Светлана, ваш заказ 4417 задержан."

    def broken(text: str, context: Any = None, lang: Any = None) -> Report:
        raise RuntimeError(f"cannot check {text!r} for {context!r}")

    app = create_app(guard, warm=False)
    monkeypatch.setattr(guard, "check", broken)
    with caplog.at_level(logging.INFO, logger="replyguard"):
        response = _call(app, "POST", "/v1/check", json={"text": draft, "context": {"customer_name": "Светлана"}})
    assert response.status_code == 500 and response.json()["code"] == "internal_error"
    assert draft not in response.text
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "internal error RuntimeError" in logged and "POST /v1/check 500" in logged
    assert "Светлана" not in logged and "4417" not in logged


def test_openapi_schema_comes_from_the_models_with_real_examples(app: Any, guard: Guard) -> None:
    schema = _call(app, "GET", "/openapi.json").json()
    assert set(schema["paths"]) == {"/v1/check", "/v1/check-batch", "/v1/rules", "/healthz"}
    check = schema["paths"]["/v1/check"]["post"]
    assert check["requestBody"]["content"]["application/json"]["examples"].keys() == {"ru", "sl", "zh"}
    ok = check["responses"]["200"]["content"]["application/json"]
    assert ok["schema"] == {"$ref": "#/components/schemas/Report"}
    example = ok["examples"]["ru"]["value"]
    assert Report.model_validate(example).findings and example["lang"] == "ru"
    assert {"400", "401", "413", "422"} <= set(check["responses"])
    components = schema["components"]["schemas"]
    assert {"Report", "Finding", "Context", "Policy", "Problem"} <= set(components)
    assert components["BatchRequest"]["properties"]["items"]["maxItems"] == 3
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
