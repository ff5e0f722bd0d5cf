"""Fuzz the CSV readers: the runner's training log, and Strava's activities.csv index.

python fuzz/fuzz_csv.py -runs=1000000 -dict=fuzz/csv.dict var/fuzz/csv tests/fuzz_corpus/csv
"""

from __future__ import annotations

import harness

with harness.instrumented():
    from kniewijs.formats.csv_log import classify_csv, parse_strava_index, read_csv_log
    from kniewijs.formats.errors import FileProblem


def test_one_input(data: bytes) -> None:
    harness.run_reader(read_csv_log, data)
    classify_csv(data)
    try:
        parse_strava_index(data)
    except FileProblem as problem:
        harness.check_problem(problem)


if __name__ == "__main__":
    harness.fuzz(test_one_input)
