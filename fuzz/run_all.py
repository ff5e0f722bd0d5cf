"""Run every parser's fuzz harness for N executions, one after the other, and print what each did.

    .venv/bin/python fuzz/run_all.py                 # 1,000,000 executions per parser (make fuzz)
    .venv/bin/python fuzz/run_all.py --runs 20000 --only fit,zip

Each harness starts from the committed corpus (tests/fuzz_corpus/<format>/, read only) and keeps what
it learns in var/fuzz/<format>/corpus/; crash inputs go to var/fuzz/<format>/crashes/ and the full log
to var/fuzz/<format>/fuzz.log. A crash stops that harness and makes this script exit 1. Not part of CI:
a million executions per parser take one to two hours in all on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "tests" / "fuzz_corpus"
WORK = ROOT / "var" / "fuzz"
PARSERS = {  # harness, dictionary
    "fit": ("fuzz_fit.py", "fit.dict"),
    "gpx": ("fuzz_gpx.py", "xml.dict"),
    "tcx": ("fuzz_tcx.py", "xml.dict"),
    "csv": ("fuzz_csv.py", "csv.dict"),
    "zip": ("fuzz_zip.py", None),
}


def run_one(name: str, runs: int, seed: int, engine: str | None, max_len: int) -> dict[str, object]:
    harness, dictionary = PARSERS[name]
    work = WORK / name
    (work / "corpus").mkdir(parents=True, exist_ok=True)
    (work / "crashes").mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        str(HERE / harness),
        f"-runs={runs}",
        f"-seed={seed}",
        f"-max_len={max_len}",
        "-timeout=30",  # one input running this long is a hang
        "-rss_limit_mb=2048",
        "-print_final_stats=1",
        f"-artifact_prefix={work / 'crashes'}/",
    ]
    if dictionary:
        command.append(f"-dict={HERE / dictionary}")
    command += [str(work / "corpus"), str(CORPUS / name)]
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    if engine:
        environment["FUZZ_ENGINE"] = engine
    started = time.monotonic()
    with (work / "fuzz.log").open("w") as log:
        result = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, env=environment, check=False)
    seconds = time.monotonic() - started
    text = (work / "fuzz.log").read_text(errors="replace")
    done = re.findall(r"Done (\d+) runs in (\d+) second", text)
    executed = re.findall(r"stat::number_of_executed_units: (\d+)", text)
    count = int(executed[-1]) if executed else (int(done[-1][0]) if done else 0)
    crashes = sorted(p.name for p in (work / "crashes").iterdir())
    return {
        "parser": name,
        "executions": count,
        "seconds": round(seconds),
        "exit": result.returncode,
        "crashed": result.returncode != 0,
        "crash_files": crashes,
        "engine": "atheris" if "INFO: Seed:" in text else "random",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Fuzz every activity-file parser.")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("FUZZ_RUNS", "1000000")))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default=",".join(PARSERS), help="comma-separated: " + ",".join(PARSERS))
    parser.add_argument("--engine", choices=["atheris", "random"], default=None)
    parser.add_argument(
        "--max-len",
        type=int,
        default=8192,
        help="largest input made; longer seeds are cut (speed: 8 kB ~ 1000/s)",
    )
    args = parser.parse_args()
    results = []
    for name in args.only.split(","):
        print(f"fuzzing {name}: {args.runs:,} executions ...", flush=True)
        outcome = run_one(name, args.runs, args.seed, args.engine, args.max_len)
        results.append(outcome)
        status = "CRASH, see var/fuzz/" + name if outcome["crashed"] else "no crash"
        print(
            f"  {name}: {outcome['executions']:,} executions in {outcome['seconds']} s ({outcome['engine']}), {status}"
        )
    WORK.mkdir(parents=True, exist_ok=True)
    record = {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs_asked": args.runs,
        "results": results,
    }
    (WORK / f"last_run_{args.only.replace(',', '_')}.json").write_text(json.dumps(record, indent=1) + "\n")
    total = sum(int(r["executions"]) for r in results)  # type: ignore[call-overload]
    print(
        f"{total:,} executions in all; "
        + ("crashes found" if any(r["crashed"] for r in results) else "no crashes")
    )
    return 1 if any(r["crashed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
