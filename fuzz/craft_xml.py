"""Hostile GPX and TCX files: entity bombs, XXE, external DTDs, odd encodings and broken XML.

Every attack points at this machine only (file:///etc/passwd, the loopback address 127.0.0.1 port 9,
the discard port): if a parser ever followed one, nothing outside would be reached.
"""

from __future__ import annotations

from collections.abc import Iterator

from fuzz.cases import Case

LOOPBACK = "http://127.0.0.1:9"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
DTD = "DTD"  # in both reasons: "document type definition (DTD)" and "external document (DTD)"
EXTERNAL = "external document"


def gpx_doc(track: str, *, head: str = "", root: str = "gpx", attributes: str = "") -> str:
    return f'{head}<{root} version="1.1" creator="fuzz"{attributes}>{track}</{root}>\n'


def gpx_points(times: list[str], extra: str = "", lat: str = "52.1", lon: str = "5.1") -> str:
    points = "".join(f'<trkpt lat="{lat}" lon="{lon}"><time>{t}</time>{extra}</trkpt>' for t in times)
    return f"<trk><name>Fuzz</name><trkseg>{points}</trkseg></trk>"


TIMES = ["2024-03-15T07:00:00Z", "2024-03-15T07:00:05Z", "2024-03-15T07:00:10Z"]
GPX_TRACK = gpx_points(TIMES)


def tcx_doc(activities: str, *, head: str = "") -> str:
    return (
        f'{head}<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f"<Activities>{activities}</Activities></TrainingCenterDatabase>\n"
    )


def tcx_activity(
    lap: str = "", points: str | None = None, sport: str = "Running", id_: str = TIMES[0]
) -> str:
    if points is None:
        points = "".join(
            f"<Trackpoint><Time>{t}</Time><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>"
            for t in TIMES
        )
    return f'<Activity Sport="{sport}"><Id>{id_}</Id><Lap StartTime="{TIMES[0]}">{lap}<Track>{points}</Track></Lap></Activity>'


TCX_ACTIVITY = tcx_activity("<TotalTimeSeconds>10</TotalTimeSeconds><DistanceMeters>30</DistanceMeters>")


def attacks(root: str, wrap: str, name_slot: str) -> Iterator[tuple[str, str, str, str]]:
    """(file stem, document, how, reason) for every DTD-borne attack; `wrap` holds '{x}' where an
    entity reference goes (a text node the reader keeps), `root` is the DOCTYPE's root name."""
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    yield (
        "billion_laughs",
        f"<!DOCTYPE {root} [{laughs}]>\n" + wrap.replace("{x}", "&lol9;"),
        "10^9 'lol' by nested entities",
        DTD,
    )
    yield (
        "billion_laughs_attribute",
        f"<!DOCTYPE {root} [{laughs}]>\n"
        + wrap.replace("{x}", "x").replace(name_slot, f'{name_slot} note="&lol9;"', 1),
        "nested entities in an attribute",
        DTD,
    )
    big = "x" * 20_000
    yield (
        "quadratic_blowup",
        f'<!DOCTYPE {root} [<!ENTITY a "{big}">]>\n' + wrap.replace("{x}", "&a;" * 2000),
        "a 20 kB entity used 2000 times",
        DTD,
    )
    yield (
        "xxe_file",
        f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' + wrap.replace("{x}", "&xxe;"),
        "external entity file:///etc/passwd",
        DTD,
    )
    yield (
        "xxe_loopback",
        f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{LOOPBACK}/secret">]>\n' + wrap.replace("{x}", "&xxe;"),
        "external entity on the loopback address",
        DTD,
    )
    yield (
        "xxe_parameter",
        f'<!DOCTYPE {root} [<!ENTITY % remote SYSTEM "{LOOPBACK}/evil.dtd"> %remote;]>\n'
        + wrap.replace("{x}", "x"),
        "parameter entity loading a DTD from loopback",
        DTD,
    )
    yield (
        "xxe_expect",
        f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "expect://id">]>\n' + wrap.replace("{x}", "&xxe;"),
        "expect:// entity (PHP style)",
        DTD,
    )
    yield (
        "external_dtd_loopback",
        f'<!DOCTYPE {root} SYSTEM "{LOOPBACK}/gpx.dtd">\n' + wrap.replace("{x}", "x"),
        "external DTD on loopback",
        EXTERNAL,
    )
    yield (
        "external_dtd_file",
        f'<!DOCTYPE {root} SYSTEM "file:///etc/passwd">\n' + wrap.replace("{x}", "x"),
        "external DTD file:///etc/passwd",
        EXTERNAL,
    )
    yield (
        "external_dtd_public",
        f'<!DOCTYPE {root} PUBLIC "-//Fuzz//DTD Activity//EN" "{LOOPBACK}/a.dtd">\n'
        + wrap.replace("{x}", "x"),
        "PUBLIC external DTD on loopback",
        EXTERNAL,
    )
    yield "doctype_plain", f"<!DOCTYPE {root}>\n" + wrap.replace("{x}", "x"), "a bare DOCTYPE", DTD
    yield (
        "doctype_internal_empty",
        f"<!DOCTYPE {root} []>\n" + wrap.replace("{x}", "x"),
        "an empty internal subset",
        DTD,
    )


def xml_attack_cases(fmt: str) -> Iterator[Case]:
    if fmt == "gpx":
        wrap, root, slot = gpx_doc(GPX_TRACK.replace("<name>Fuzz</name>", "<name>{x}</name>")), "gpx", "<trk"
    else:
        wrap = tcx_doc(TCX_ACTIVITY.replace("<Id>", "<Notes>{x}</Notes><Id>"))
        root, slot = "TrainingCenterDatabase", "<Activity"
    for stem, body, how, reason in attacks(root, wrap, slot):
        category = (
            "external_dtd"
            if stem.startswith("external")
            else ("xml_bomb" if "laugh" in stem or "quadratic" in stem else "xxe")
        )
        yield Case(
            f"{stem}.{fmt}", (DECLARATION + body).encode(), category, how, "reject", "rejected", reason
        )
        if stem in ("xxe_file", "billion_laughs"):
            utf16 = ('<?xml version="1.0" encoding="UTF-16"?>\n' + body).encode("utf-16")
            yield Case(
                f"{stem}_utf16.{fmt}", utf16, category, how + ", in UTF-16", "reject", "rejected", reason
            )
    include = (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
    )
    stylesheet = f'<?xml-stylesheet type="text/xsl" href="{LOOPBACK}/x.xsl"?>\n'
    schema = (
        f' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x {LOOPBACK}/x.xsd"'
    )
    if fmt == "gpx":
        docs = {
            "xinclude": gpx_doc(GPX_TRACK.replace("<name>Fuzz</name>", f"<name>{include}</name>")),
            "stylesheet_pi": gpx_doc(GPX_TRACK, head=stylesheet),
            "schema_location": gpx_doc(GPX_TRACK, attributes=schema),
        }
    else:
        docs = {
            "xinclude": tcx_doc(TCX_ACTIVITY.replace("<Id>", f"<Notes>{include}</Notes><Id>")),
            "stylesheet_pi": tcx_doc(TCX_ACTIVITY, head=stylesheet),
            "schema_location": tcx_doc(TCX_ACTIVITY).replace(
                "<TrainingCenterDatabase ", f"<TrainingCenterDatabase{schema} ", 1
            ),
        }
    for stem, doc in docs.items():
        yield Case(
            f"{stem}.{fmt}",
            (DECLARATION + doc).encode(),
            "xxe",
            f"{stem.replace('_', ' ')} pointing at a local file or loopback: never followed",
            "parse",
            forbidden=["root:"],
        )


def encoding_cases(fmt: str, doc: str) -> Iterator[Case]:
    def case(
        stem: str, data: bytes, how: str, expect: str, problem: str | None = None, reason: str | None = None
    ) -> Case:
        return Case(f"{stem}.{fmt}", data, "xml_misc", how, expect, problem, reason)

    yield case(
        "utf16_bom",
        ('<?xml version="1.0" encoding="UTF-16"?>\n' + doc).encode("utf-16"),
        "UTF-16 with byte order mark",
        "parse",
    )
    yield case(
        "latin1",
        ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + doc.replace("Fuzz", "Café")).encode("latin-1"),
        "ISO-8859-1 with an accent",
        "parse",
    )
    yield case(
        "utf7",
        ('<?xml version="1.0" encoding="UTF-7"?>\n' + doc).encode(),
        "declares UTF-7",
        "reject",
        "rejected",
    )
    yield case(
        "bogus_encoding",
        ('<?xml version="1.0" encoding="x-no-such"?>\n' + doc).encode(),
        "declares an unknown encoding",
        "reject",
        "rejected",
    )
    yield case(
        "bom_and_blank_lines",
        b"\xef\xbb\xbf\n\n  " + (DECLARATION + doc).encode(),
        "BOM and blank lines before the declaration",
        "parse",
    )
    yield case(
        "undefined_entity",
        (DECLARATION + doc.replace("Fuzz", "&nbsp;", 1)).encode(),
        "&nbsp; without a DTD",
        "reject",
        "rejected",
        "not valid XML",
    )
    yield case(
        "char_ref_zero",
        (DECLARATION + doc.replace("Fuzz", "&#0;", 1)).encode(),
        "character reference &#0;",
        "reject",
        "rejected",
        "not valid XML",
    )
    yield case(
        "invalid_utf8",
        (DECLARATION + doc).encode().replace(b"Fuzz", b"F\xff\xfez", 1),
        "bytes that are not UTF-8",
        "reject",
        "rejected",
        "not valid XML",
    )
    yield case("empty", b"", "no bytes", "reject", "rejected")
    yield case("whitespace", b" \n\t\r\n", "only whitespace", "reject", "rejected")
    yield case("binary", bytes(range(256)) * 4, "every byte value", "reject", "rejected")
    yield case(
        "two_roots",
        (DECLARATION + doc + doc).encode(),
        "the document twice",
        "reject",
        "rejected",
        "not valid XML",
    )
    yield case(
        "comments_everywhere",
        (DECLARATION + "<!-- a -->" + doc.replace("><", "><!-- x --><?pi y?><")).encode(),
        "comments and processing instructions between all tags",
        "parse",
    )
    yield case(
        "cdata_times",
        (DECLARATION + doc.replace(f">{TIMES[0]}<", f"><![CDATA[{TIMES[0]}]]><")).encode(),
        "a time inside CDATA",
        "parse",
    )
    deep = "<x>" * 20_000 + "</x>" * 20_000
    yield case(
        "deep_nesting",
        (DECLARATION + doc.replace("Fuzz", deep, 1)).encode(),
        "20000 nested elements in a name",
        "parse",
    )
