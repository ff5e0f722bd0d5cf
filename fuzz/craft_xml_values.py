"""Odd but possible GPX and TCX content (absurd numbers, impossible times, plans instead of activities),
and the whole GPX and TCX parts of the corpus."""

from __future__ import annotations

from collections.abc import Iterator

from fuzz.cases import Case, bit_flips, truncations
from fuzz.craft_xml import (
    DECLARATION,
    GPX_TRACK,
    TCX_ACTIVITY,
    TIMES,
    encoding_cases,
    gpx_doc,
    gpx_points,
    tcx_activity,
    tcx_doc,
    xml_attack_cases,
)
from fuzz.seeds import gpx_run, tcx_run


def gpx_value_cases() -> Iterator[Case]:
    def case(
        stem: str, doc: str, how: str, expect: str, problem: str | None = None, reason: str | None = None
    ) -> Case:
        return Case(f"{stem}.gpx", (DECLARATION + doc).encode(), "xml_misc", how, expect, problem, reason)

    huge = "<extensions><hr>1e308</hr><cad>1e308</cad><power>1e308</power></extensions><ele>1e308</ele>"
    yield case(
        "huge_values",
        gpx_doc(gpx_points(TIMES, huge)),
        "heart rate, cadence, power, elevation of 1e308",
        "parse",
    )
    yield case(
        "infinite_values",
        gpx_doc(gpx_points(TIMES, "<ele>1e999</ele><hr>inf</hr><cad>-inf</cad><speed>nan</speed>")),
        "values that parse as inf and NaN",
        "parse",
    )
    yield case(
        "coordinates_out_of_range",
        gpx_doc(gpx_points(TIMES, lat="91", lon="-999")),
        "lat 91, lon -999",
        "parse",
    )
    yield case(
        "coordinates_nan", gpx_doc(gpx_points(TIMES, lat="NaN", lon="inf")), "lat NaN, lon inf", "parse"
    )
    yield case(
        "times_before_gps",
        gpx_doc(gpx_points(["1901-12-13T20:45:52Z", "1970-01-01T00:00:00Z"])),
        "times before 1980",
        "reject",
        "skipped",
        "no times",
    )
    yield case(
        "times_unreadable",
        gpx_doc(gpx_points(["yesterday", "2024-13-45T99:99:99Z", "+275760-09-13T00:00:00Z"])),
        "times that are no dates",
        "reject",
        "skipped",
        "no times",
    )
    yield case(
        "times_backwards", gpx_doc(gpx_points(list(reversed(TIMES)))), "times running backwards", "parse"
    )
    yield case(
        "year_9999",
        gpx_doc(gpx_points(["9999-12-31T23:59:58Z", "9999-12-31T23:59:59+00:00"])),
        "the last seconds of year 9999",
        "reject",
        "skipped",
        "no times",
    )
    yield case(
        "year_2099",
        gpx_doc(gpx_points(["2099-12-31T23:59:50Z", "2099-12-31T23:59:59Z"])),
        "the last seconds of 2099",
        "parse",
    )
    yield case(
        "offset_extremes",
        gpx_doc(gpx_points(["2024-03-15T07:00:00+23:59", "2024-03-15T07:00:00-23:59"])),
        "UTC offsets of almost a day",
        "parse",
    )
    yield case(
        "routes_only",
        gpx_doc('<rte><rtept lat="52" lon="5"/></rte>'),
        "a planned route",
        "reject",
        "skipped",
        "route",
    )
    yield case(
        "waypoints_only",
        gpx_doc('<wpt lat="52" lon="5"><name>Huis</name></wpt>'),
        "waypoints only",
        "reject",
        "skipped",
        "no track",
    )
    yield case(
        "root_kml",
        gpx_doc(GPX_TRACK, root="kml"),
        "a KML root element",
        "reject",
        "rejected",
        "not a GPX file",
    )
    yield Case(
        "root_tcx.gpx",
        (DECLARATION + tcx_doc(TCX_ACTIVITY)).encode(),
        "xml_misc",
        "a TCX file named .gpx (the import reads it as TCX)",
        "reject",
        "rejected",
        "not a GPX file",
        import_expect="parse",
    )
    many = "".join(
        gpx_points(
            [
                f"2024-03-{1 + i // 24:02d}T{i % 24:02d}:00:00Z",
                f"2024-03-{1 + i // 24:02d}T{i % 24:02d}:00:05Z",
            ]
        )
        for i in range(200)
    )
    yield case("two_hundred_tracks", gpx_doc(many), "200 tracks of two points", "parse")
    yield case(
        "prefixed_namespace",
        gpx_doc(GPX_TRACK)
        .replace("<", "<g:")
        .replace("<g:/", "</g:")
        .replace('creator="fuzz"', 'creator="fuzz" xmlns:g="http://www.topografix.com/GPX/1/1"', 1),
        "every element with a g: prefix",
        "parse",
    )


def tcx_value_cases() -> Iterator[Case]:
    def case(
        stem: str, doc: str, how: str, expect: str, problem: str | None = None, reason: str | None = None
    ) -> Case:
        return Case(f"{stem}.tcx", (DECLARATION + doc).encode(), "xml_misc", how, expect, problem, reason)

    huge_lap = "<TotalTimeSeconds>1e308</TotalTimeSeconds><DistanceMeters>1e308</DistanceMeters><Calories>1e308</Calories><AverageHeartRateBpm><Value>1e308</Value></AverageHeartRateBpm>"
    two_laps = tcx_activity(huge_lap).replace("</Lap>", f'</Lap><Lap StartTime="{TIMES[1]}">{huge_lap}</Lap>')
    yield case(
        "huge_lap_totals", tcx_doc(two_laps), "two laps of 1e308 seconds, metres, kcal and bpm", "parse"
    )
    points = "".join(
        f"<Trackpoint><Time>{t}</Time><HeartRateBpm><Value>1e308</Value></HeartRateBpm><Cadence>1e308</Cadence><DistanceMeters>1e308</DistanceMeters></Trackpoint>"
        for t in TIMES
    )
    yield case(
        "huge_trackpoints",
        tcx_doc(tcx_activity(points=points)),
        "trackpoints of 1e308 bpm, rpm and metres",
        "parse",
    )
    yield case(
        "no_times_at_all",
        tcx_doc(
            tcx_activity(
                points="<Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>", id_="none"
            ).replace(f' StartTime="{TIMES[0]}"', "")
        ),
        "no Id time, no lap start, no trackpoint time",
        "reject",
        "skipped",
        "no activity",
    )
    yield case(
        "course_only",
        tcx_doc("").replace(
            "<Activities></Activities>", "<Courses><Course><Name>Rondje</Name></Course></Courses>"
        ),
        "a course",
        "reject",
        "skipped",
        "course",
    )
    yield case(
        "workout_only",
        tcx_doc("").replace(
            "<Activities></Activities>",
            '<Workouts><Workout Sport="Running"><Name>Intervallen</Name></Workout></Workouts>',
        ),
        "a workout plan",
        "reject",
        "skipped",
        "workout",
    )
    yield case(
        "laps_without_points",
        tcx_doc(
            tcx_activity(
                "<TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>2000</DistanceMeters>", points=""
            )
        ),
        "lap totals and no trackpoints",
        "parse",
    )
    yield case(
        "sport_odd",
        tcx_doc(tcx_activity(sport="&lt;script&gt;alert(1)&lt;/script&gt;")),
        "a Sport attribute holding markup",
        "parse",
    )
    yield case(
        "activity_in_activity",
        tcx_doc(TCX_ACTIVITY.replace("</Activity>", TCX_ACTIVITY + "</Activity>", 1)),
        "an Activity inside an Activity",
        "parse",
    )
    yield Case(
        "root_gpx.tcx",
        (DECLARATION + gpx_doc(GPX_TRACK)).encode(),
        "xml_misc",
        "a GPX file named .tcx (the import reads it as GPX)",
        "reject",
        "rejected",
        "not a TCX file",
        import_expect="parse",
    )
    year_9999 = (
        tcx_activity(id_="9999-12-31T23:59:58Z")
        .replace(TIMES[0], "9999-12-31T23:59:58Z")
        .replace("2024-", "9999-")
    )
    yield case("year_9999", tcx_doc(year_9999), "every time in year 9999", "reject", "skipped", "no activity")
    yield case(
        "heart_rate_without_value",
        tcx_doc(tcx_activity(points=f"<Trackpoint><Time>{TIMES[0]}</Time><HeartRateBpm/></Trackpoint>")),
        "an empty HeartRateBpm",
        "parse",
    )


def gpx_cases() -> Iterator[Case]:
    seed = gpx_run()
    yield Case("run.gpx", seed, "valid", "GPX 1.1, 40 points, TrackPointExtension, two segments", "parse")
    yield from truncations("run.gpx", seed, expect="reject", problem="rejected")
    yield from bit_flips("run.gpx", seed, 16, seed=11)
    yield from xml_attack_cases("gpx")
    yield from encoding_cases("gpx", gpx_doc(GPX_TRACK))
    yield from gpx_value_cases()


def tcx_cases() -> Iterator[Case]:
    seed = tcx_run()
    yield Case("run.tcx", seed, "valid", "TCX v2, one lap, 40 trackpoints with extensions", "parse")
    yield from truncations("run.tcx", seed, expect="reject", problem="rejected")
    yield from bit_flips("run.tcx", seed, 16, seed=12)
    yield from xml_attack_cases("tcx")
    yield from encoding_cases("tcx", tcx_doc(TCX_ACTIVITY.replace("<Id>", "<Notes>Fuzz</Notes><Id>")))
    yield from tcx_value_cases()
