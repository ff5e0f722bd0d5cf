"""Decode speed of kniewijs.formats.fit against garmin-fit-sdk, fitdecode and fitparse.

Corpus: every FIT file in shared/data/activities/fit that Kniewijs reads as an activity (the settings,
workout, weight and monitoring files and the two broken ones are left out), decoded from bytes in
memory. Each decoder does the same work it would do for an import:
    kniewijs        read_fit(data): activities with numpy tracks and session totals
    garmin-fit-sdk  Decoder(Stream.from_byte_array(bytearray(data))).read() with its defaults
    fitdecode       FitReader(data) iterated to the end
    fitparse        FitFile(data).parse()
Per file the best of several runs counts: 5 for Kniewijs; for the peers 3 while a file's runs stay under
half a second together, else fewer. The peers are pure Python and slow (a full pass of the SDK takes
about 35 s here, fitparse about 100 s), so each peer walks the files smallest first within a time budget
and is compared with Kniewijs on exactly the files it finished. The SDK's budget covers the whole corpus
on this machine. A peer that raises on a file (the SDK on compressed timestamps, fitparse on a misaligned
field) still counts the time it spent on it.

Last line: `ratio_vs_garmin_fit_sdk: X`, X = Kniewijs' MB/s / the SDK's MB/s on the same files.
Run: .venv/bin/python bench/fit_decode.py
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kniewijs.formats.errors import FileProblem
from kniewijs.formats.fit import read_fit

FIT_FOLDER = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "activities" / "fit"
OUR_RUNS = 5
PEER_RUNS = 3
PEER_FILE_SECONDS = 0.5  # no repeat once a file's runs took this long together
BUDGETS = {"garmin-fit-sdk": 75.0, "fitdecode": 25.0, "fitparse": 25.0}


def decode_kniewijs(data: bytes) -> int:
    return sum(activity.records for activity in read_fit(data))


def decode_sdk(data: bytes) -> int:
    from garmin_fit_sdk import Decoder, Stream

    messages, _errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    return len(messages.get("record_mesgs", []))


def decode_fitdecode(data: bytes) -> int:
    import fitdecode

    records = 0
    with fitdecode.FitReader(data) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                records += 1
    return records


def decode_fitparse(data: bytes) -> int:
    import fitparse

    fit_file = fitparse.FitFile(data)
    fit_file.parse()
    return sum(1 for message in fit_file.messages if message.name == "record")


@dataclass
class Result:
    name: str
    seconds: dict[str, float] = field(default_factory=dict)  # best time per file
    records: dict[str, int] = field(default_factory=dict)
    failures: int = 0


def timed(decode: Callable[[bytes], int], data: bytes) -> tuple[float, int, bool]:
    started = time.perf_counter()
    try:
        records, failed = decode(data), False
    except Exception:  # a peer that gives up on a file still spent the time
        records, failed = 0, True
    return time.perf_counter() - started, records, failed


def measure(
    name: str, decode: Callable[[bytes], int], corpus: dict[str, bytes], budget: float | None
) -> Result:
    result = Result(name)
    deadline = time.perf_counter() + budget if budget is not None else None
    for file_name, data in sorted(corpus.items(), key=lambda item: len(item[1])):
        best, spent, runs = float("inf"), 0.0, 0
        limit = OUR_RUNS if budget is None else PEER_RUNS
        while runs < limit and (budget is None or runs == 0 or spent < PEER_FILE_SECONDS):
            seconds, records, failed = timed(decode, data)
            best, spent, runs = min(best, seconds), spent + seconds, runs + 1
        result.seconds[file_name], result.records[file_name] = best, records
        result.failures += failed
        if deadline is not None and time.perf_counter() > deadline:
            break
    return result


def load_corpus() -> dict[str, bytes]:
    corpus = {}
    for path in sorted(FIT_FOLDER.iterdir()):
        if path.suffix.lower() != ".fit":
            continue
        data = path.read_bytes()
        try:
            read_fit(data)
        except FileProblem:
            continue
        corpus[path.name] = data
    return corpus


def rate(corpus: dict[str, bytes], result: Result, files: list[str]) -> tuple[float, float, float]:
    size = sum(len(corpus[name]) for name in files) / 1e6
    seconds = sum(result.seconds[name] for name in files)
    records = sum(result.records[name] for name in files)
    return size, size / seconds, records / seconds


def main() -> int:
    if not FIT_FOLDER.is_dir():
        print(f"the shared sample files are not at {FIT_FOLDER}", file=sys.stderr)
        return 1
    warnings.simplefilter("ignore")  # fitdecode and fitparse warn about the odd sample files
    corpus = load_corpus()
    print(f"corpus: {len(corpus)} activity FIT files, {sum(map(len, corpus.values())) / 1e6:.2f} MB")
    ours = measure("kniewijs", decode_kniewijs, corpus, None)
    size, mb_s, records_s = rate(corpus, ours, list(corpus))
    print(f"{'decoder':15} {'files':>5} {'MB':>6} {'MB/s':>8} {'records/s':>11}   kniewijs on the same files")
    print(
        f"{'kniewijs':15} {len(corpus):5d} {size:6.2f} {mb_s:8.2f} {records_s:11,.0f}   (best of {OUR_RUNS})"
    )
    ratio = 0.0
    for name, decode in (
        ("garmin-fit-sdk", decode_sdk),
        ("fitdecode", decode_fitdecode),
        ("fitparse", decode_fitparse),
    ):
        peer = measure(name, decode, corpus, BUDGETS[name])
        files = list(peer.seconds)
        size, mb_s, records_s = rate(corpus, peer, files)
        _, our_mb_s, our_records_s = rate(corpus, ours, files)
        failed = f", gave up on {peer.failures} file(s)" if peer.failures else ""
        print(
            f"{name:15} {len(files):5d} {size:6.2f} {mb_s:8.2f} {records_s:11,.0f}   "
            f"{our_mb_s:.2f} MB/s, {our_records_s:,.0f} records/s: {our_mb_s / mb_s:.1f}x{failed}"
        )
        if name == "garmin-fit-sdk":
            ratio = our_mb_s / mb_s
    print(f"ratio_vs_garmin_fit_sdk: {ratio:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
