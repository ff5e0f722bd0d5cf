"""Locust users for the load test of issue 6; `bench/load/run.py` starts everything, this only says what the
users do. Loopback only: the host is whatever run.py passes (127.0.0.1).

- Visitor (anonymous, the rest of the users): knowledge pages, a worked example of the self-check, the
  self-check filled in screen by screen, the clinic's booking pages (free times, the details form) and now
  and then a real booking that is cancelled again through its link, so the calendar does not fill up;
- Runner (RUNNERS users, each its own account with ten years of data): the training dashboard;
- Physio (PHYSIOS users, each its own account: the TOTP replay guard refuses one code twice, so each phase
  starts at KNIEWIJS_LOAD_PHYSIO_OFFSET in the list): the clinic dashboard, a patient's record and an
  appointment.

The think time (KNIEWIJS_LOAD_WAIT) is spent between every two pages, also inside a task such as the
self-check's screens, as a person reads each page before the next. Every page checks that it got what it
asked for (status and a marker in the HTML), so a login page or a form error counts as a failure. Sign-in
requests are named "[setup] ..." and left out of the mix figures.
BareUser is the peer: one tiny view, asked for as fast as the same number of users can.

Settings come from the environment (run.py sets them): KNIEWIJS_LOAD_MANIFEST (from demo_scale),
KNIEWIJS_LOAD_WAIT ("1,4": think time in seconds between pages; "0,0" to saturate), KNIEWIJS_LOAD_WARMUP
(seconds after which the figures start again from zero: the sign-ins and the workers' first requests are
not measured), KNIEWIJS_LOAD_RESULT (where the summary JSON goes).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import gevent
from django_otp.oath import totp
from locust import FastHttpUser, between, constant, events, task
from locust.stats import StatsEntry

from kniewijs.core.answers import FIELD_BY_NAME
from kniewijs.core.wizard import STEP_BY_KEY, next_step, prune
from kniewijs.selfcheck.examples import EXAMPLES

MANIFEST: dict[str, Any] = (
    json.loads(Path(os.environ["KNIEWIJS_LOAD_MANIFEST"]).read_text())
    if os.environ.get("KNIEWIJS_LOAD_MANIFEST")
    else {}
)
_low, _high = (float(x) for x in os.environ.get("KNIEWIJS_LOAD_WAIT", "1,4").split(","))
THINK = constant(0) if _high == 0 else between(_low, _high)
SETUP = "[setup]"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SLOT = re.compile(r'name="slot" value="([^"]+)"')
MANAGE = re.compile(r'href="(/afspraak/beheer/[^"/]+/)"')
APPOINTMENT = re.compile(r'href="(/praktijk/afspraak/\d+/)"')
KNOWLEDGE = ("knie", "oorzaken", "zelf-doen", "oefeningen", "voorkomen", "wanneer-naar-de-dokter")
# The demo's worked example of pain around the kneecap: the answers a runner with that story gives.
ANSWERS: dict[str, Any] = EXAMPLES["knieschijf"][1]
WARMUP = float(os.environ.get("KNIEWIJS_LOAD_WARMUP", "0"))
_warmup: dict[str, Any] = {"requests": 0, "failures": 0, "errors": []}
_accounts = itertools.count()
_physio_accounts = itertools.count()
PHYSIO_OFFSET = int(os.environ.get("KNIEWIJS_LOAD_PHYSIO_OFFSET", "0"))


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) if found else ""


def _form(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"data": urlencode(pairs), "headers": {"Content-Type": "application/x-www-form-urlencoded"}}


def _step_fields(key: str, answers: dict[str, Any]) -> list[tuple[str, str]]:
    """One wizard screen's answers as the browser posts them."""
    step = STEP_BY_KEY[key]
    pairs: list[tuple[str, str]] = []
    for name in step.fields:
        if name not in answers:
            continue
        value = answers[name]
        if name in step.checkbox_group:
            if value:
                pairs.append((name, "on"))
        elif FIELD_BY_NAME[name].kind == "bool":
            pairs.append((name, "yes" if value else "no"))
        elif isinstance(value, list):
            pairs += [(name, str(v)) for v in value]
        else:
            pairs.append((name, str(value)))
    return pairs


def _after(state: dict[str, Any], key: str, answers: dict[str, Any]) -> dict[str, Any]:
    """The state the server keeps after this screen (the same merge as selfcheck.views.questions)."""
    step = STEP_BY_KEY[key]
    given = {n: answers[n] for n in step.fields if n in answers}
    given |= {n: False for n in step.checkbox_group if not answers.get(n)}
    return prune({k: v for k, v in state.items() if k not in step.fields} | given)


def _expect(response: Any, marker: str, status: int = 200) -> None:
    if response.status_code != status:
        response.failure(f"status {response.status_code}, expected {status}")
    elif marker not in response.text:
        response.failure(f"page without {marker!r}")
    else:
        response.success()


def _login(user: FastHttpUser, email: str) -> None:
    page = user.client.get("/account/inloggen/", name=f"{SETUP} login form")
    with user.client.post(
        "/account/inloggen/",
        name=f"{SETUP} login",
        catch_response=True,
        **_form(
            [
                ("csrfmiddlewaretoken", _csrf(page.text)),
                ("username", email),
                ("password", MANIFEST["password"]),
            ]
        ),
    ) as response:
        _expect(response, 'href="/account/"')  # the signed-in menu


class Visitor(FastHttpUser):
    """Someone without an account: reads, checks their knee, looks for a time and sometimes books."""

    weight = 1
    wait_time = THINK

    @task(4)
    def knowledge(self) -> None:
        with self.client.get("/kennis/", name="knowledge index", catch_response=True) as response:
            _expect(response, "/kennis/oorzaken/")
        self.wait()
        slug = random.choice(KNOWLEDGE)
        with self.client.get(f"/kennis/{slug}/", name="knowledge page", catch_response=True) as response:
            _expect(response, "<h1")

    @task(1)
    def selfcheck_example(self) -> None:
        with self.client.get(
            "/kniecheck/voorbeeld/knieschijf/", name="selfcheck example", catch_response=True
        ) as response:
            _expect(response, "/kniecheck/uitslag.pdf")

    @task(2)
    def selfcheck(self) -> None:
        """The whole check, screen by screen, as the browser posts it."""
        page = self.client.get("/kniecheck/vragen/", name="selfcheck first screen")
        token, state, key = _csrf(page.text), {}, "about"
        while key:
            self.wait()  # reading and answering the screen
            pairs = [("csrfmiddlewaretoken", token), ("state", json.dumps(state)), ("step", key)]
            state = _after(state, key, ANSWERS)
            following = next_step(state, key)
            marker = f'name="step" value="{following.key}"' if following else "/kniecheck/uitslag.pdf"
            with self.client.post(
                "/kniecheck/vragen/",
                name="selfcheck submit",
                catch_response=True,
                **_form(pairs + _step_fields(key, ANSWERS)),
            ) as response:
                _expect(response, marker)
            key = following.key if following else ""

    @task(3)
    def booking_pages(self) -> None:
        """The clinic page, its free times for a week, and the details form for one of them."""
        clinic = random.choice(MANIFEST["clinics"])
        with self.client.get(f"/afspraak/{clinic}/", name="booking clinic", catch_response=True) as response:
            _expect(response, f"/afspraak/{clinic}/tijden/")
        self.wait()
        slots = self._slots(clinic)
        if slots is None:
            return
        token, offered = slots
        self.wait()
        with self.client.post(
            f"/afspraak/{clinic}/gegevens/",
            name="booking details form",
            catch_response=True,
            **_form([("csrfmiddlewaretoken", token), ("slot", random.choice(offered))]),
        ) as response:
            _expect(response, 'name="confirm"')

    @task(1)
    def book_and_cancel(self) -> None:
        """A real booking two to three weeks ahead, cancelled at once through the link on the done page."""
        clinic = random.choice(MANIFEST["clinics"])
        slots = self._slots(clinic, weeks_ahead=random.choice((2, 3)))
        if slots is None:
            return
        token, offered = slots
        self.wait()
        n = random.randrange(10**9)
        with self.client.post(
            f"/afspraak/{clinic}/gegevens/",
            name="booking confirm",
            catch_response=True,
            **_form(
                [
                    ("csrfmiddlewaretoken", token),
                    ("slot", random.choice(offered)),
                    ("confirm", "1"),
                    ("name", "Lotte Belasting"),
                    ("email", f"gast{n}@schaal.example.nl"),
                    ("phone", "06 12345678"),
                ]
            ),
        ) as response:
            if response.status_code == 409:  # another user took this time a moment ago: the app is right
                response.success()
                return
            _expect(response, "/afspraak/beheer/")
            found = MANAGE.search(response.text or "")
        if not found:
            return
        cancel = found.group(1) + "annuleren/"
        self.wait()
        page = self.client.get(cancel, name="booking cancel form")
        self.wait()
        with self.client.post(
            cancel,
            name="booking cancel",
            catch_response=True,
            **_form([("csrfmiddlewaretoken", _csrf(page.text))]),
        ) as response:
            _expect(response, "<h1")

    def _slots(self, clinic: str, weeks_ahead: int = 0) -> tuple[str, list[str]] | None:
        query = ""
        if weeks_ahead:
            monday = date.today() - timedelta(days=date.today().weekday()) + timedelta(weeks=weeks_ahead)
            query = f"?week={monday.isoformat()}"
        with self.client.get(
            f"/afspraak/{clinic}/tijden/{query}", name="booking slots", catch_response=True
        ) as response:
            _expect(response, 'name="slot"')
            offered = SLOT.findall(response.text or "")
        return (_csrf(response.text or ""), offered) if offered else None


class Runner(FastHttpUser):
    """A runner with ten years in the log, opening their dashboard."""

    fixed_count = int(os.environ.get("KNIEWIJS_LOAD_RUNNERS", "20"))
    wait_time = THINK

    def on_start(self) -> None:
        runners = MANIFEST["runners"]
        _login(self, runners[next(_accounts) % len(runners)])

    @task(5)
    def dashboard(self) -> None:
        with self.client.get("/log/", name="runner dashboard", catch_response=True) as response:
            _expect(response, "weekly-km-title")

    @task(1)
    def knowledge(self) -> None:
        with self.client.get("/kennis/oorzaken/", name="knowledge page", catch_response=True) as response:
            _expect(response, "<h1")


class Physio(FastHttpUser):
    """A physiotherapist: the day's list, then a patient or an appointment."""

    fixed_count = int(os.environ.get("KNIEWIJS_LOAD_PHYSIOS", "5"))
    wait_time = THINK

    def on_start(self) -> None:
        physios = MANIFEST["physios"]
        # Each phase of run.py signs in with other physios: TOTP refuses a code that was used before.
        self.account = physios[(PHYSIO_OFFSET + next(_physio_accounts)) % len(physios)]
        _login(self, self.account["email"])
        page = self.client.get("/praktijk/code/", name=f"{SETUP} code form")
        code = f"{totp(bytes.fromhex(MANIFEST['totp_key'])):06d}"
        with self.client.post(
            "/praktijk/code/",
            name=f"{SETUP} code",
            catch_response=True,
            **_form([("csrfmiddlewaretoken", _csrf(page.text)), ("code", code), ("next", "/praktijk/")]),
        ) as response:
            _expect(response, "/praktijk/patient/")

    @task(4)
    def dashboard(self) -> None:
        with self.client.get("/praktijk/", name="physio dashboard", catch_response=True) as response:
            _expect(response, "/praktijk/patient/")
            self.appointments = APPOINTMENT.findall(response.text or "")

    @task(1)
    def patient(self) -> None:
        runner_id = random.choice(self.account["patients"])
        with self.client.get(
            f"/praktijk/patient/{runner_id}/", name="patient record", catch_response=True
        ) as response:
            _expect(response, f"/praktijk/patient/{runner_id}/dossier.pdf")

    @task(1)
    def appointment(self) -> None:
        if getattr(self, "appointments", None):
            with self.client.get(
                random.choice(self.appointments), name="physio appointment", catch_response=True
            ) as response:
                _expect(response, "<h1")


class BareUser(FastHttpUser):
    """The peer: a one-line Django view on the same gunicorn (bench/load/bare_urls.py)."""

    wait_time = THINK

    @task
    def bare(self) -> None:
        with self.client.get("/bare/", name="bare view", catch_response=True) as response:
            _expect(response, "ok")


# --- the summary run.py reads ----------------------------------------------------------------------------
def _figures(entry: StatsEntry, seconds: float) -> dict[str, Any]:
    count = entry.num_requests
    return {
        "requests": count,
        "failures": entry.num_failures,
        "p50_ms": entry.get_response_time_percentile(0.5) if count else None,
        "p95_ms": entry.get_response_time_percentile(0.95) if count else None,
        "p99_ms": entry.get_response_time_percentile(0.99) if count else None,
        "max_ms": round(entry.max_response_time) if count else None,
        "avg_ms": round(entry.avg_response_time, 1) if count else None,
        "rps": round(count / seconds, 1) if seconds > 0 else None,
    }


@events.test_start.add_listener
def _start_warmup(environment: Any, **_kwargs: Any) -> None:
    def reset_after_warmup() -> None:
        gevent.sleep(WARMUP)
        stats = environment.stats
        _warmup.update(
            requests=stats.total.num_requests,
            failures=stats.total.num_failures,
            errors=[f"{e.occurrences} x {e.name}: {e.error}" for e in stats.errors.values()],
        )
        stats.reset_all()

    if WARMUP > 0:
        gevent.spawn(reset_after_warmup)


@events.quitting.add_listener
def _write_summary(environment: Any, **_kwargs: Any) -> None:
    target = os.environ.get("KNIEWIJS_LOAD_RESULT")
    if not target:
        return
    stats = environment.stats
    seconds = (stats.last_request_timestamp or 0) - (stats.start_time or 0)
    mix = StatsEntry(stats, "mix", "", use_response_times_cache=False)
    mix.start_time = stats.start_time
    pages = {}
    for entry in stats.entries.values():
        pages[entry.name] = _figures(entry, seconds)
        if not entry.name.startswith(SETUP):
            mix.extend(entry)
    summary = {
        "seconds": round(seconds, 1),
        "warmup": {"seconds": WARMUP, **_warmup},
        "mix": _figures(mix, seconds),
        "all": _figures(stats.total, seconds),
        "pages": pages,
        "errors": [
            {"name": e.name, "error": str(e.error), "occurrences": e.occurrences}
            for e in stats.errors.values()
        ],
    }
    Path(target).write_text(json.dumps(summary, indent=1))
