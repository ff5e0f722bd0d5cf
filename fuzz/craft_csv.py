"""Odd and hostile CSV training logs (docs/csv-format.md): encodings, quoting, sizes, dates, time zones."""

from __future__ import annotations

from collections.abc import Iterator

from fuzz.cases import Case, bit_flips, truncations
from fuzz.seeds import csv_log, strava_index_csv

HEADER = "date,distance_km,duration,timezone,notes\n"


def row(
    date: str = "2024-03-15 07:30", km: str = "5", duration: str = "0:30:00", zone: str = "", notes: str = ""
) -> str:
    return f"{date},{km},{duration},{zone},{notes}\n"


def csv_cases() -> Iterator[Case]:
    seed = csv_log()
    yield Case(
        "log.csv", seed, "valid", "Dutch spreadsheet log: semicolons, decimal commas, 20 rows", "parse"
    )
    # A cut between two rows is a shorter, valid log; a cut inside a row may still read (a distance of
    # "5," is 5 km). Either is fine, so the outcome of each cut is observed and pinned.
    yield from truncations("log.csv", seed, expect=None)
    yield from bit_flips("log.csv", seed, 16, seed=31)

    def case(
        stem: str, data: bytes, how: str, expect: str, problem: str | None = None, reason: str | None = None
    ) -> Case:
        return Case(f"{stem}.csv", data, "csv_misc", how, expect, problem, reason)

    good = HEADER + row()
    yield case(
        "nul_bytes",
        good.encode().replace(b",", b"\x00,", 1),
        "a NUL byte in the header",
        "reject",
        "rejected",
        "not text",
    )
    yield case(
        "utf16",
        good.encode("utf-16"),
        "UTF-16 with byte order mark (NUL bytes)",
        "reject",
        "rejected",
        "not text",
    )
    yield case(
        "not_cp1252",
        good.encode() + b"\x81\x8d\x8f\x90\x9d\xc3\x28",
        "bytes neither UTF-8 nor Windows-1252",
        "reject",
        "rejected",
        "not text",
    )
    yield case(
        "cp1252_accents",
        (HEADER + row(notes="café, één"))
        .encode("cp1252")
        .replace(b"caf\xe9, \xe9\xe9n", b'"caf\xe9, \xe9\xe9n"'),
        "Windows-1252 accents",
        "parse",
    )
    yield case(
        "unclosed_quote",
        (HEADER + row(notes='"never closed')).encode(),
        "a quotation mark that is never closed",
        "parse",
    )
    yield case(
        "field_over_limit",
        (HEADER + row(notes='"' + "x" * 140_000 + '"')).encode(),
        "a 140000-character quoted field (over csv's limit)",
        "reject",
        "rejected",
        "not well formed",
    )
    yield case("header_only", HEADER.encode(), "only the header row", "reject", "skipped", "only a header")
    yield case(
        "duplicate_column",
        (b"date,distance_km,afstand\n2024-03-15,5,5\n"),
        "distance_km and afstand both",
        "reject",
        "rejected",
        "twice",
    )
    yield case(
        "no_date_column",
        (b"km,duur\n5,30\n"),
        "no date column",
        "reject",
        "rejected",
        "not a training log",
    )
    for stem, zone in (
        ("zone_folder", "Europe"),
        ("zone_long", "A" * 300),
        ("zone_traversal", "../../../../etc/passwd"),
        ("zone_absolute", "/etc/localtime"),
        ("zone_package_file", "__init__.py"),
        ("zone_dot", "."),
    ):
        yield case(
            stem,
            (HEADER + row(zone=zone)).encode(),
            f"time zone {zone[:30]!r}",
            "reject",
            "rejected",
            "time zone",
        )
    yield case(
        "date_year_1",
        (HEADER + row(date="0001-01-01 00:00")).encode(),
        "year 1, midnight (before UTC can hold it)",
        "reject",
        "rejected",
        "date",
    )
    yield case(
        "date_year_9999",
        (HEADER + row(date="9999-12-31 23:59", zone="Pacific/Honolulu")).encode(),
        "9999-12-31 23:59 in Honolulu (past year 9999 in UTC)",
        "reject",
        "rejected",
        "date",
    )
    yield case(
        "date_year_1_noon",
        (HEADER + row(date="0001-01-01")).encode(),
        "1 January of year 1, noon",
        "reject",
        "rejected",
        "date",
    )
    yield case(
        "date_year_9999_noon",
        (HEADER + row(date="9999-12-31")).encode(),
        "31 December 9999, noon in Amsterdam",
        "reject",
        "rejected",
        "date",
    )
    yield case(
        "date_year_1899",
        (HEADER + row(date="31-12-1899")).encode(),
        "a Dutch date in 1899",
        "reject",
        "rejected",
        "not between",
    )
    yield case(
        "date_year_2099", (HEADER + row(date="2099-12-31 23:00")).encode(), "the last hour of 2099", "parse"
    )
    yield case(
        "date_impossible",
        (HEADER + row(date="2024-02-30")).encode(),
        "30 February",
        "reject",
        "rejected",
        "date",
    )
    yield case(
        "distance_huge",
        (HEADER + row(km="1e308")).encode(),
        "a distance of 1e308 km",
        "reject",
        "rejected",
        "distance",
    )
    yield case(
        "distance_nan",
        (HEADER + row(km="nan")).encode(),
        "a distance of nan",
        "reject",
        "rejected",
        "distance",
    )
    yield case(
        "duration_huge",
        (HEADER + row(duration="99999999:00:00")).encode(),
        "a duration of 99999999 hours",
        "reject",
        "rejected",
        "duration",
    )
    yield case(
        "duration_inf",
        (HEADER + row(km="", duration="inf")).encode(),
        "a duration of inf minutes and no distance",
        "reject",
        "rejected",
        "duration",
    )
    formula = '"=HYPERLINK(""http://127.0.0.1:9/"",""klik"")"'
    yield case(
        "formula_in_notes",
        (HEADER + row(notes=formula)).encode(),
        "a spreadsheet formula in the notes (kept as text)",
        "parse",
    )
    yield case(
        "strava_index_alone",
        strava_index_csv(),
        "Strava's activities.csv on its own",
        "reject",
        "skipped",
        "index",
    )
    yield case(
        "carriage_returns_only", good.replace("\n", "\r").encode(), "old Mac line ends (CR only)", "parse"
    )
    yield case(
        "many_columns",
        ("date,distance_km," + ",".join(f"c{i}" for i in range(5000)) + "\n2024-03-15,5\n").encode(),
        "5000 extra columns",
        "parse",
    )
    yield case(
        "bom_and_semicolons",
        ("\ufeffdatum;afstand_km\n15-03-2024;5,5\n").encode(),
        "BOM, semicolons, Dutch date, decimal comma",
        "parse",
    )
    padding = "".join(row(date=f"2024-01-{1 + i % 28:02d}", notes=f"rij {i}") for i in range(2400))
    late_nul = HEADER + padding + row(notes="voor\x00na")
    yield case(
        "nul_after_64kb",
        late_nul.encode(),
        "a NUL byte in the notes of a row after the first 64 kB",
        "reject",
        "rejected",
        "not text",
    )
    yield case("binary", bytes(range(1, 256)) * 8, "bytes 1-255", "reject", "rejected")
