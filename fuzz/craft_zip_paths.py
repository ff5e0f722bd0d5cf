"""Zip members with unsafe paths (traversal, absolute, symbolic links), other odd archives, and the
whole archive part of the corpus (the bombs are in craft_archive.py)."""

from __future__ import annotations

from collections.abc import Iterator

from fuzz.cases import Case, bit_flips, truncations
from fuzz.craft_archive import LINK, Entry, bomb_cases, raw_zip
from fuzz.craft_xml import GPX_TRACK, gpx_doc
from fuzz.seeds import fit_run, gpx_run, gz, make_zip, strava_export, strava_index_csv


def path_cases() -> Iterator[Case]:
    fit, gpx = fit_run(), gpx_run()
    for stem, name in (
        ("dotdot", "../../x.fit"),
        ("dotdot_backslash", "..\\..\\x.fit"),
        ("dotdot_inside", "activities/../../../x.fit"),
        ("dotdot_deep", "../" * 40 + "etc/x.fit"),
    ):
        yield Case(
            f"traversal_{stem}.zip",
            raw_zip([Entry(name, fit)]),
            "path_traversal",
            f"one member named {name[:40]!r}",
            "reject",
            "rejected",
            "'..'",
        )
    mixed = raw_zip([Entry("../../evil.fit", fit), Entry("good.gpx", gpx)])
    yield Case(
        "traversal_and_good.zip",
        mixed,
        "path_traversal",
        "'../../evil.fit' next to a good GPX",
        "parse",
        members={"../../evil.fit": "reject", "good.gpx": "parse"},
    )
    nested = make_zip([("part.zip", raw_zip([Entry("../../x.fit", fit)]))])
    yield Case(
        "traversal_nested.zip",
        nested,
        "path_traversal",
        "'../../x.fit' inside a part zip",
        "reject",
        "rejected",
        "'..'",
    )
    index = strava_index_csv().replace(b"activities/1.gpx.gz", b"../../../etc/passwd")
    strava = make_zip([("activities.csv", index), ("activities/1.gpx.gz", gz(gpx))])
    yield Case(
        "traversal_in_strava_index.zip",
        strava,
        "path_traversal",
        "activities.csv names ../../../etc/passwd",
        "parse",
        members={"activities/1.gpx": "parse"},
    )
    for stem, name in (
        ("slash_etc", "/etc/x.fit"),
        ("double_slash", "//etc/x.fit"),
        ("drive_slash", "C:/Windows/x.fit"),
        ("drive_backslash", "C:\\Windows\\x.fit"),
        ("unc", "\\\\server\\share\\x.fit"),
    ):
        yield Case(
            f"absolute_{stem}.zip",
            raw_zip([Entry(name, fit)]),
            "absolute_path",
            f"one member named {name!r}",
            "reject",
            "rejected",
            "absolute path",
        )
    links = [Entry("link.fit", b"/etc/passwd", external_attr=LINK)]
    yield Case(
        "symlink_fit.zip",
        raw_zip(links),
        "symlink",
        "member link.fit is a symlink to /etc/passwd",
        "reject",
        "rejected",
        "symbolic link",
    )
    yield Case(
        "symlink_relative.zip",
        raw_zip([Entry("run.gpx", b"../../../../etc/passwd", external_attr=LINK)]),
        "symlink",
        "member run.gpx is a symlink to ../../../../etc/passwd",
        "reject",
        "rejected",
        "symbolic link",
    )
    folder = raw_zip([Entry("activities", b"/etc", external_attr=LINK), Entry("activities/run.gpx", gpx)])
    yield Case(
        "symlink_folder_and_file.zip",
        folder,
        "symlink",
        "'activities' links to /etc; a real GPX under activities/",
        "parse",
        members={"activities": "reject", "activities/run.gpx": "parse"},
    )
    deflated = raw_zip([Entry("link.gpx", b"/etc/passwd", method=8, external_attr=LINK)])
    yield Case(
        "symlink_deflated.zip",
        deflated,
        "symlink",
        "a deflated symlink member",
        "reject",
        "rejected",
        "symbolic link",
    )


def misc_cases() -> Iterator[Case]:
    gpx = gpx_run()

    def case(
        name: str,
        data: bytes,
        how: str,
        expect: str | None,
        problem: str | None = None,
        reason: str | None = None,
    ) -> Case:
        return Case(name, data, "zip_misc", how, expect, problem, reason)

    yield case(
        "encrypted_flag.zip",
        raw_zip([Entry("run.gpx", gpx, flags=1)]),
        "member marked encrypted",
        "reject",
        "rejected",
        "encrypted",
    )
    for method, label in ((12, "bzip2"), (14, "lzma"), (99, "aes")):
        yield case(
            f"method_{label}.zip",
            raw_zip([Entry("run.gpx", gpx, method=method)]),
            f"compression method {method} ({label})",
            "reject",
            "rejected",
            "method",
        )
    yield case("empty.zip", raw_zip([]), "an archive without members", "reject", "skipped", "empty")
    yield case(
        "folders_only.zip", make_zip([("a/", b""), ("a/b/", b"")]), "only folders", "reject", "skipped"
    )
    yield case(
        "junk_only.zip",
        make_zip([("__MACOSX/._run.gpx", b"junk"), (".DS_Store", b"junk"), ("notes.txt", b"hi")]),
        "macOS extras, a system file and a text file",
        "reject",
        "skipped",
    )
    yield case(
        "duplicate_names.zip",
        raw_zip([Entry("run.gpx", gpx), Entry("run.gpx", gpx.replace(b"Vaartsche", b"Vaartse"))]),
        "two members with one name",
        "parse",
    )
    yield case("nul_in_name.zip", raw_zip([Entry("run\x00.exe", gpx)]), "a NUL byte in a member name", None)
    yield case(
        "long_name.zip", raw_zip([Entry("a" * 30000 + ".gpx", gpx)]), "a 30000-character member name", "parse"
    )
    yield case("unicode_name.zip", raw_zip([Entry("hardlopen/ß€𝄞.gpx", gpx)]), "a UTF-8 member name", "parse")
    yield case(
        "data_descriptor_flag.zip",
        raw_zip([Entry("run.gpx", gpx, flags=8)]),
        "general purpose flag 3 (data descriptor) set",
        None,
    )
    yield case(
        "crc_wrong.zip",
        raw_zip([Entry("run.gpx", gpx)]).replace(b"Vaartsche", b"Vaartschf", 1),
        "stored member whose bytes no longer match its CRC",
        "reject",
        "rejected",
        "damaged",
    )
    yield case(
        "junk_before_zip.zip",
        b"MZ" + b"\x00" * 100 + make_zip([("run.gpx", gpx)]),
        "bytes before the zip (self-extractor style)",
        "reject",
        "rejected",
    )
    yield case(
        "gz_trailing_zeros.gpx.gz", gz(gpx) + b"\x00" * 512, "zero padding after the gzip member", "parse"
    )
    yield case(
        "gz_trailing_garbage.gpx.gz",
        gz(gpx) + b"garbage",
        "text after the gzip member",
        "reject",
        "rejected",
        "damaged",
    )
    yield case(
        "gz_header_only.gpx.gz", gz(gpx)[:10], "only the 10-byte gzip header", "reject", "rejected", "damaged"
    )
    yield case(
        "gz_not_deflate.gpx.gz",
        b"\x1f\x8b" + b"\x00" * 30,
        "gzip magic, then zeros",
        "reject",
        "rejected",
        "damaged",
    )
    yield case(
        "zip_of_xxe.zip",
        make_zip(
            [
                (
                    "run.gpx",
                    (
                        gpx_doc(GPX_TRACK, head='<!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
                    ).encode(),
                )
            ]
        ),
        "a zip holding an XXE GPX",
        "reject",
        "rejected",
        "DTD",
    )


def zip_cases() -> Iterator[Case]:
    export = strava_export()
    yield Case(
        "strava_export.zip",
        export,
        "valid",
        "Strava-like export: activities.csv, .gpx.gz, .tcx, .fit.gz",
        "parse",
    )
    part = make_zip([("a@b.nl_1001.fit", fit_run())])
    yield Case(
        "garmin_export.zip",
        make_zip([("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part)]),
        "valid",
        "Garmin-like export: a part zip inside the export zip",
        "parse",
    )
    yield Case("run.gpx.gz", gz(gpx_run()), "valid", "a gzipped GPX", "parse")
    yield from truncations("strava_export.zip", export, expect="reject")
    yield from truncations("run.gpx.gz", gz(gpx_run()), expect="reject")
    yield from bit_flips("strava_export.zip", export, 16, seed=21)
    yield from bomb_cases()
    yield from path_cases()
    yield from misc_cases()
