"""The load test of issue 6, in one command, on loopback only and bounded in time.

1. a fresh database (SQLite in a temporary folder, or PostgreSQL: the database in --database-url is dropped
   and made again), migrated and filled by `kniewijs demo_scale` (N runners x 10 years, clinics with slots);
   `collectstatic`, as production serves static files through whitenoise;
2. `kniewijs serve` (gunicorn, production settings: DEBUG=0) on 127.0.0.1 with --workers;
3. phase "mix": locust, --users with think time (1-4 s between pages), for --run-time, while 10 MB FIT files
   are imported one after the other with `kniewijs import` in a subprocess for the whole phase: the
   latency targets (p95 < 150 ms, p99 < 800 ms, no errors) are judged on this phase;
4. phase "mix, saturated": the same users without think time, no import: the app's throughput;
5. phase "bare, saturated": the same gunicorn command with bare_settings (one tiny view, same middleware)
   and the same number of users without think time: the peer. The ratio is 4 over 5.

Prints the figures and writes them as JSON under /tmp. Needs locust (`.venv/bin/pip install locust`; it is
not a dependency of the project or of CI).

Run: .venv/bin/python bench/load/run.py [--db sqlite|postgres] [--runners 200] [--run-time 60]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
IMPORT_RUNNER = "import@schaal.example.nl"
FIT_BYTES = 10 * 1024 * 1024
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/kniewijs_load"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--database-url", default=DEFAULT_PG, help="for --db postgres (dropped and made anew)"
    )
    parser.add_argument("--runners", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--clinics", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--runner-users", type=int, default=20, help="of --users: signed-in runners")
    parser.add_argument("--physio-users", type=int, default=5, help="of --users: signed-in physios")
    parser.add_argument("--spawn-rate", type=int, default=10)
    parser.add_argument("--run-time", type=int, default=60, help="seconds of the mix with think time")
    parser.add_argument("--saturate-time", type=int, default=30, help="seconds of each saturated phase")
    parser.add_argument("--warmup", type=int, default=15, help="seconds before each phase's figures start")
    parser.add_argument(
        "--imports",
        choices=("loop", "once", "none"),
        default="loop",
        help="10 MB FIT imports in the mix phase: one after the other for the whole phase, one, or none",
    )
    parser.add_argument(
        "--import-nice",
        type=int,
        default=10,
        help="niceness of the import process, as docs/deploy.md gives the worker unit (Nice=10): background "
        "work yields the CPU to pages; 0 to import at the web's priority",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, database)")
    args = parser.parse_args()
    if shutil.which("locust", path=str(BIN)) is None:
        print(f"locust is not installed: {BIN / 'pip'} install locust", file=sys.stderr)
        return 2
    if args.runners < args.runner_users or args.runner_users + args.physio_users >= args.users:
        # Each signed-in user has an account of its own; the rest of the users are anonymous visitors.
        print("need --runners >= --runner-users, and anonymous users left over", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="kniewijs-load-"))
    env = _environment(work, args)
    started = datetime.now(UTC)
    result: dict[str, Any] = {"started": started.isoformat(timespec="seconds"), "machine": _machine()}
    result["settings"] = {k: v for k, v in vars(args).items() if k not in ("database_url", "keep")}
    try:
        result["data"] = _prepare(work, env, args)
        with _Server(env, args, work / "gunicorn.log", health="/healthz") as server:
            with _Imports(env, work, args.imports, delay=args.warmup, nice=args.import_nice) as imports:
                result["mix"] = _locust(
                    server, env, args, work, "mix", args.run_time, "1,4", ["Visitor", "Runner", "Physio"]
                )
            result["mix"]["background_imports"] = imports.summary()
            result["mix_saturated"] = _locust(
                server,
                env,
                args,
                work,
                "mix_saturated",
                args.saturate_time,
                "0,0",
                ["Visitor", "Runner", "Physio"],
            )
        bare_env = env | {"DJANGO_SETTINGS_MODULE": "bare_settings", "PYTHONPATH": str(HERE)}
        with _Server(bare_env, args, work / "gunicorn-bare.log", health="/bare/") as server:
            result["bare_saturated"] = _locust(
                server, bare_env, args, work, "bare_saturated", args.saturate_time, "0,0", ["BareUser"]
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        if args.db == "postgres":
            _drop_postgres(args.database_url)
    app = result["mix_saturated"]["all"]["rps"] or 0.0
    bare = result["bare_saturated"]["all"]["rps"] or 0.0
    result["ratio_vs_bare_view"] = round(app / bare, 3) if bare else None
    # The same comparison by CPU time per request: less at the mercy of whatever else the machine runs.
    app_ms = result["mix_saturated"]["cpu"]["server_cpu_ms_per_request"]
    bare_ms = result["bare_saturated"]["cpu"]["server_cpu_ms_per_request"]
    result["cpu_ratio_vs_bare_view"] = round(bare_ms / app_ms, 3) if app_ms and bare_ms else None
    out = Path(tempfile.gettempdir()) / f"kniewijs-load-{args.db}-{started:%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(result, indent=1))
    _print(result)
    print(f"JSON: {out}" + (f"; logs: {work}" if args.keep else ""))
    print(f"cpu_ratio_vs_bare_view: {result['cpu_ratio_vs_bare_view']} (bare CPU ms per request / the mix's)")
    print(f"ratio_vs_bare_view: {result['ratio_vs_bare_view']}")
    return 0


# --- preparing ---------------------------------------------------------------------------------------------
def _environment(work: Path, args: argparse.Namespace) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL")
    }
    env |= {
        "KNIEWIJS_DATA_DIR": str(work),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on loopback: no HTTPS redirect, no HSTS, cookies without the Secure flag.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(args.workers),
        "KNIEWIJS_LOAD_MANIFEST": str(work / "manifest.json"),
        "KNIEWIJS_LOAD_RUNNERS": str(args.runner_users),
        "KNIEWIJS_LOAD_PHYSIOS": str(args.physio_users),
        "OPENBLAS_NUM_THREADS": "1",  # each worker single-threaded, as in bench/metrics.py
    }
    if args.db == "postgres":
        env["DATABASE_URL"] = args.database_url
    return env


def _kniewijs(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(BIN / "kniewijs"), *argv], env=env, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"kniewijs {' '.join(argv)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def _prepare(work: Path, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    if args.db == "postgres":
        _recreate_postgres(args.database_url)
    began = time.perf_counter()
    _kniewijs(env, "migrate", "--noinput", "-v0")
    made = _kniewijs(
        env,
        "demo_scale",
        "--runners",
        str(args.runners),
        "--years",
        str(args.years),
        "--clinics",
        str(args.clinics),
        "--physios",
        str(-(-2 * args.physio_users // args.clinics)),  # two phases sign physios in, each with its own
        "--manifest",
        str(work / "manifest.json"),
    )
    print(made.stdout.strip().splitlines()[0])
    _kniewijs(env, "collectstatic", "--noinput", "-v0")
    manifest = json.loads((work / "manifest.json").read_text())
    return {
        "counts": manifest["counts"],
        "demo_scale_s": manifest["seconds"],
        "prepare_s": round(time.perf_counter() - began, 1),
    }


def _postgres(url: str, statements: list[str]) -> None:
    """Run statements about the load-test database from the server's `postgres` database."""
    import psycopg
    from psycopg import sql

    name = sql.Identifier(url.rsplit("/", 1)[1].split("?")[0])
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        for statement in statements:
            admin.execute(sql.SQL(statement).format(name))


def _recreate_postgres(url: str) -> None:
    _postgres(url, ["DROP DATABASE IF EXISTS {} WITH (FORCE)", "CREATE DATABASE {}"])


def _drop_postgres(url: str) -> None:
    try:
        _postgres(url, ["DROP DATABASE IF EXISTS {} WITH (FORCE)"])
    except Exception as exc:  # cleaning up must not hide the result
        print(f"could not drop the load-test database: {exc}", file=sys.stderr)


def _big_fit(path: Path, copy: int) -> None:
    """A 10 MB FIT file: one very long run sampled every second, each copy a week later than the one before
    (distinct files: none is a duplicate)."""
    import numpy as np

    sys.path.insert(0, str(HERE.parent))
    from _fitwriter import write_fit

    from kniewijs.core.activity import ActivityData, Summary, Track

    n = FIT_BYTES // 21  # one record message is 21 bytes
    start = datetime(2024, 1, 1, 7, tzinfo=UTC).timestamp()
    i = np.arange(n, dtype=np.float64)
    speed = 2.8 + 0.3 * np.sin(i / 600)
    track = Track(
        time=start + i,
        channels={
            "lat": 52.09 + 0.01 * np.sin(i / 3000),
            "lon": 5.12 + 0.015 * np.cos(i / 3000),
            "distance_m": np.cumsum(speed),
            "heart_rate": 140 + 10 * np.sin(i / 900),
            "cadence_spm": 166 + 4 * np.sin(i / 50),
            "speed_mps": speed,
        },
    )
    activity = ActivityData(
        sport="running",
        start=datetime.fromtimestamp(start, UTC),
        summary=Summary(),
        track=track,
        source_format="fit",
    )
    path.write_bytes(write_fit(activity, shift_s=copy * 7 * 86400.0))


class _Imports:
    """10 MB FIT imports in a subprocess once the warm-up is over: one after the other until the phase ends
    (at most 100), or just one."""

    def __init__(self, env: dict[str, str], work: Path, mode: str, delay: float, nice: int) -> None:
        self.env, self.work, self.mode, self.delay, self.nice = env, work, mode, delay, nice
        self.stop = threading.Event()
        self.durations: list[float] = []
        self.statuses: list[str] = []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _Imports:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=120)

    def _run(self) -> None:
        if self.mode == "none" or self.stop.wait(self.delay):
            return
        for copy in range(100 if self.mode == "loop" else 1):
            if self.stop.is_set():
                return
            path = self.work / f"big-{copy}.fit"
            _big_fit(path, copy)
            began = time.perf_counter()
            proc = subprocess.run(
                ["nice", "-n", str(self.nice), str(BIN / "kniewijs"), "import", "--runner", IMPORT_RUNNER]
                + [str(path), "--json"],
                env=self.env,
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            self.durations.append(time.perf_counter() - began)
            try:
                self.statuses.append(json.loads(proc.stdout)[0]["status"])
            except (ValueError, LookupError):
                self.statuses.append(f"exit {proc.returncode}: {proc.stderr.strip()[-200:]}")
            path.unlink(missing_ok=True)

    def summary(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "nice": self.nice,
            "files": len(self.durations),
            "mb_each": round(FIT_BYTES / 2**20, 1),
            "statuses": sorted(set(self.statuses)),
            "seconds_each_median": round(sorted(self.durations)[len(self.durations) // 2], 2)
            if self.durations
            else None,
        }


# --- serving and loading -----------------------------------------------------------------------------------
class _Server:
    """`kniewijs serve` on loopback, stopped (SIGTERM to gunicorn's master) when the block ends."""

    def __init__(self, env: dict[str, str], args: argparse.Namespace, log: Path, health: str) -> None:
        self.env, self.args, self.log, self.health = env, args, log, health

    def __enter__(self) -> _Server:
        self.out = self.log.open("w")
        self.proc = subprocess.Popen(
            [
                str(BIN / "kniewijs"),
                "serve",
                "--bind",
                f"127.0.0.1:{self.args.port}",
                "--workers",
                str(self.args.workers),
            ],
            env=self.env,
            stdout=self.out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.args.port}{self.health}", timeout=2
                ) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise SystemExit(f"the server did not answer on {self.health}; see {self.log}")

    def pids(self) -> list[int]:
        """gunicorn's master and its workers."""
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        except OSError:
            children = []
        return [self.proc.pid, *(int(c) for c in children)]

    def __exit__(self, *exc: object) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.out.close()


def _locust(
    server: _Server,
    env: dict[str, str],
    args: argparse.Namespace,
    work: Path,
    phase: str,
    seconds: int,
    wait: str,
    classes: list[str],
) -> dict[str, Any]:
    result = work / f"{phase}.json"
    phase_env = env | {
        "KNIEWIJS_LOAD_WAIT": wait,
        "KNIEWIJS_LOAD_WARMUP": str(args.warmup),
        "KNIEWIJS_LOAD_PHYSIO_OFFSET": str(args.physio_users if phase == "mix_saturated" else 0),
        "KNIEWIJS_LOAD_RESULT": str(result),
    }
    print(
        f"phase {phase}: {args.users} users, {args.warmup} s warm-up + {seconds} s, "
        f"think time {wait.replace(',', '-')} s ...",
        flush=True,
    )
    with (work / f"locust-{phase}.log").open("w") as log:
        locust = subprocess.Popen(
            [
                str(BIN / "locust"),
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                f"{seconds + args.warmup}s",
                "--stop-timeout",
                "10",
                "--host",
                f"http://127.0.0.1:{args.port}",
                "--only-summary",
                "--exit-code-on-error",
                "0",
                *classes,
            ],
            env=phase_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        # CPU time over the measured part only (after the warm-up), read from /proc: what the server and
        # locust used, and how busy the whole machine was (other helpers and CI share it).
        time.sleep(args.warmup)
        before = _cpu_sample(server.pids(), locust.pid)
        time.sleep(max(1, seconds - 2))  # a little before locust stops, so that it is still there to read
        after = _cpu_sample(server.pids(), locust.pid)
        locust.wait(timeout=120)
    if not result.exists():
        raise SystemExit(f"locust wrote no summary for {phase}; see {work / f'locust-{phase}.log'}")
    summary = json.loads(result.read_text())
    summary["cpu"] = _cpu_use(before, after, summary["all"]["requests"])
    return summary


def _cpu_sample(server_pids: list[int], locust_pid: int) -> dict[str, float]:
    with open("/proc/stat") as stat:
        jiffies = [int(x) for x in stat.readline().split()[1:]]
    idle = jiffies[3] + jiffies[4]  # idle + iowait
    return {
        "wall": time.monotonic(),
        "busy": (sum(jiffies) - idle) / CLOCK_TICKS,
        "server": sum(_process_cpu(pid) for pid in server_pids),
        "locust": _process_cpu(locust_pid),
    }


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of one process (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _cpu_use(before: dict[str, float], after: dict[str, float], requests: int) -> dict[str, Any]:
    wall = after["wall"] - before["wall"]
    server = after["server"] - before["server"]
    locust = after["locust"] - before["locust"]
    busy = after["busy"] - before["busy"]
    cores = os.cpu_count() or 1
    return {
        "server_cores": round(server / wall, 2),
        "locust_cores": round(max(0.0, locust) / wall, 2),
        "others_cores": round(max(0.0, busy - server - locust) / wall, 2),
        "machine_busy_percent": round(100 * busy / (wall * cores)),
        "server_cpu_ms_per_request": round(1000 * server / requests, 2) if requests else None,
    }


# --- reporting ---------------------------------------------------------------------------------------------
def _machine() -> dict[str, Any]:
    import django
    import gunicorn
    import locust

    return {
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "django": django.__version__,
        "gunicorn": gunicorn.__version__,
        "locust": locust.__version__,
    }


def _row(name: str, f: dict[str, Any]) -> str:
    def ms(v: Any) -> str:
        return "-" if v is None else f"{v:.0f}"

    return (
        f"{name:<28}{f['requests']:>8}{f['failures']:>6}{ms(f['p50_ms']):>7}{ms(f['p95_ms']):>7}"
        f"{ms(f['p99_ms']):>7}{ms(f['max_ms']):>7}{f['rps'] or 0:>8.1f}"
    )


def _print(result: dict[str, Any]) -> None:
    head = f"{'':<28}{'reqs':>8}{'fails':>6}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>7}{'req/s':>8}"
    for phase in ("mix", "mix_saturated", "bare_saturated"):
        data = result[phase]
        warm = data["warmup"]
        print(
            f"\n== {phase}: {data['seconds']} s measured after {warm['seconds']:.0f} s of warm-up "
            f"({warm['requests']} requests, {warm['failures']} failures, not in the figures)\n{head}"
        )
        for name, figures in sorted(data["pages"].items()):
            if figures["requests"]:
                print(_row(name, figures))
        print(_row("MIX (without [setup])", data["mix"]))
        print(_row("ALL", data["all"]))
        for error in data["errors"]:
            print(f"  error: {error['occurrences']} x {error['name']}: {error['error'][:160]}")
        for error in warm["errors"]:
            print(f"  warm-up error: {error[:160]}")
        cpu = data["cpu"]
        print(
            f"  CPU (cores, measured part): server {cpu['server_cores']}, locust {cpu['locust_cores']}, "
            f"everything else {cpu['others_cores']}; machine {cpu['machine_busy_percent']}% busy; "
            f"server {cpu['server_cpu_ms_per_request']} ms CPU per request"
        )
    mix = result["mix"]["mix"]
    imports = result["mix"]["background_imports"]
    print(
        f"\nTargets (phase mix): p95 {mix['p95_ms']} ms (< 150), p99 {mix['p99_ms']} ms (< 800), "
        f"errors {result['mix']['all']['failures']} (0; warm-up {result['mix']['warmup']['failures']}). "
        f"Background ({imports['mode']}): {imports['files']} imports of "
        f"{imports['mb_each']} MB ({', '.join(imports['statuses'])}), median {imports['seconds_each_median']} s."
    )


if __name__ == "__main__":
    sys.exit(main())
