"""What every fuzz harness shares: the engine that feeds a reader bytes (the checks are in checks.py).

Engines: atheris (coverage-guided libFuzzer, `pip install -e '.[fuzz]'`) when it imports, else a
plain seeded mutator (bit flips, byte edits, cuts, splices, dictionary tokens) so `make fuzz` still
runs without it. Both take libFuzzer-style arguments (-runs=N, -seed=N, -max_len=N, -dict=PATH,
-artifact_prefix=DIR/, then corpus folders: the first is written to, the others are only read).

This module must not import kniewijs at the top: atheris instruments the modules imported inside
`instrumented()`, and a module imported earlier would be left uninstrumented.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

try:  # atheris is an optional extra: the harnesses fall back to the plain mutator without it
    import atheris  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the machine
    atheris = None

# Re-exported for the harnesses; checks.py imports kniewijs only inside its functions.
from checks import Broken, check_activities, check_problem, run_reader  # noqa: E402,F401


def engine_name() -> str:
    if atheris is not None and os.environ.get("FUZZ_ENGINE", "atheris") == "atheris":
        return "atheris"
    return "random"


@contextlib.contextmanager
def instrumented() -> Iterator[None]:
    """Import the readers inside this block so atheris sees their branches (a no-op without atheris)."""
    if engine_name() == "atheris":
        with atheris.instrument_imports(include=["kniewijs"]):
            yield
    else:
        yield


# --- engines -----------------------------------------------------------------------------------------


def _options(argv: list[str]) -> tuple[dict[str, str], list[Path]]:
    options, folders = {}, []
    for argument in argv:
        if argument.startswith("-") and "=" in argument:
            key, value = argument[1:].split("=", 1)
            options[key] = value
        elif not argument.startswith("-"):
            folders.append(Path(argument))
    return options, folders


def _dictionary(path: str | None) -> list[bytes]:
    tokens: list[bytes] = []
    if not path:
        return tokens
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line.startswith('"') and line.endswith('"'):
            tokens.append(line[1:-1].encode().decode("unicode_escape").encode("latin-1"))
    return tokens


def _mutate(rng: random.Random, data: bytes, pool: list[bytes], tokens: list[bytes], max_len: int) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        choice = rng.randrange(8)
        at = rng.randrange(len(out) + 1)
        if choice == 0 and out:
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        elif choice == 1 and out:
            out[rng.randrange(len(out))] = rng.randrange(256)
        elif choice == 2:
            out[at:at] = rng.randbytes(rng.randint(1, 8))
        elif choice == 3 and out:
            del out[at : at + rng.randint(1, 64)]
        elif choice == 4 and out:
            piece = out[at : at + rng.randint(1, 256)]
            out[at:at] = piece
        elif choice == 5 and pool:
            other = rng.choice(pool)
            cut = rng.randrange(len(other) + 1)
            out[at:] = other[cut:]
        elif choice == 6 and tokens:
            out[at:at] = rng.choice(tokens)
        elif choice == 7:
            del out[at:]
    return bytes(out[:max_len])


def _random_engine(target: Callable[[bytes], None], argv: list[str]) -> None:
    options, folders = _options(argv)
    runs = int(options.get("runs", "10000"))
    rng = random.Random(int(options.get("seed", "1")))
    max_len = int(options.get("max_len", "65536"))
    tokens = _dictionary(options.get("dict"))
    artifacts = Path(options.get("artifact_prefix", "./"))
    pool = [
        p.read_bytes()
        for folder in folders
        if folder.is_dir()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]
    pool = pool or [b""]
    started = time.monotonic()
    for run in range(1, runs + 1):
        data = _mutate(rng, rng.choice(pool), pool, tokens, max_len) if run > len(pool) else pool[run - 1]
        try:
            target(data)
        except Exception:
            artifacts.mkdir(parents=True, exist_ok=True)
            crash = artifacts / f"crash-{hashlib.sha1(data).hexdigest()}"
            crash.write_bytes(data)
            traceback.print_exc()
            print(f"==ERROR: uncaught exception; input written to {crash}", file=sys.stderr)
            sys.exit(1)
        if run % 100_000 == 0:
            print(f"#{run}\tDONE? no\texec/s: {run / (time.monotonic() - started):.0f}", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(f"Done {runs} runs in {int(elapsed)} second(s)", file=sys.stderr)


def fuzz(target: Callable[[bytes], None]) -> None:
    """Run `target` under the chosen engine with this process's arguments."""
    if engine_name() == "atheris":
        atheris.Setup(sys.argv, target)
        atheris.Fuzz()
    else:
        _random_engine(target, sys.argv[1:])
