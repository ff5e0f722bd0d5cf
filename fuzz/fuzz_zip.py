"""Fuzz the archive reader (zip and gz exports) and the detection of each member's format.

Every member is handed to `read_activity_file` directly, not through `iter_activity_files`, whose
catch-all would hide a reader's crash as "unexpected error".

    python fuzz/fuzz_zip.py -runs=1000000 var/fuzz/zip tests/fuzz_corpus/zip
"""

from __future__ import annotations

import harness

with harness.instrumented():
    from kniewijs.formats.archive import MAX_TOTAL_BYTES, iter_members, strava_index
    from kniewijs.formats.detect import read_activity_file


def test_one_input(data: bytes) -> None:
    strava_index("upload.zip", data)
    handed_on = 0
    for member in iter_members("upload.zip", data):
        if member.problem is not None:
            harness.check_problem(member.problem)
            continue
        if member.data is None:
            raise harness.Broken(f"a member with neither data nor problem: {member.name}")
        handed_on += len(member.data)
        harness.run_reader(lambda content, name=member.name: read_activity_file(name, content), member.data)
    if handed_on > MAX_TOTAL_BYTES + 100 * 1024**2:
        raise harness.Broken(f"{handed_on} bytes handed on")


if __name__ == "__main__":
    harness.fuzz(test_one_input)
