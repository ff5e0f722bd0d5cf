"""Hand-built FIT files: wrong headers and sizes, broken chains and message structures a device never
writes (FIT Protocol: file header, definition and data messages, compressed timestamps, CRC)."""

from __future__ import annotations

import struct
from collections.abc import Iterator

from fuzz.cases import Case, bit_flips, truncations
from fuzz.seeds import START, fit_chain, fit_run
from kniewijs.formats.fit_crc import crc16_arc

FIT_EPOCH = 631_065_600
T0 = int(START.timestamp()) - FIT_EPOCH
Field = tuple[int, int, int]  # (field number, size, base type)


def definition(
    local: int,
    number: int,
    fields: list[Field],
    *,
    big_endian: bool = False,
    developer: list[Field] | None = None,
) -> bytes:
    header = 0x40 | local | (0x20 if developer is not None else 0)
    out = bytes([header, 0, 1 if big_endian else 0]) + number.to_bytes(2, "big" if big_endian else "little")
    out += bytes([len(fields)]) + b"".join(bytes(f) for f in fields)
    if developer is not None:
        out += bytes([len(developer)]) + b"".join(bytes(f) for f in developer)
    return out


def message(local: int, payload: bytes) -> bytes:
    return bytes([local]) + payload


def fit_file(
    body: bytes,
    *,
    header_size: int = 14,
    data_size: int | None = None,
    header_crc: int | None = None,
    file_crc: int | None = None,
    magic: bytes = b".FIT",
) -> bytes:
    """A FIT file around `body`: sizes and CRCs right unless one is given."""
    size = len(body) if data_size is None else data_size
    header = struct.pack("<BBHI4s", header_size, 0x20, 2132, size & 0xFFFFFFFF, magic)
    if header_size >= 14:
        header += struct.pack("<H", crc16_arc(header) if header_crc is None else header_crc)
    header += b"\x00" * max(0, header_size - len(header))
    data = header + body
    return data + struct.pack("<H", crc16_arc(data) if file_crc is None else file_crc)


def fix_crcs(data: bytes) -> bytes:
    """Recompute the header CRC and the file CRC of a single FIT file whose sizes still hold."""
    header_size = data[0]
    size = int.from_bytes(data[4:8], "little")
    end = header_size + size
    if header_size < 12 or end + 2 > len(data):
        return data
    out = bytearray(data)
    if header_size >= 14:
        out[12:14] = crc16_arc(bytes(out[:12])).to_bytes(2, "little")
    out[end : end + 2] = crc16_arc(bytes(out[:end])).to_bytes(2, "little")
    return bytes(out)


FILE_ID = definition(0, 0, [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84), (4, 4, 0x86)]) + message(
    0, struct.pack("<BHHI", 4, 255, 1, T0)
)
RECORD_FIELDS: list[Field] = [(253, 4, 0x86), (3, 1, 0x02), (5, 4, 0x86)]
RECORD_DEF = definition(1, 20, RECORD_FIELDS)
SESSION_DEF = definition(
    2, 18, [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86)]
)


def record(offset_s: int, heart_rate: int = 140, distance_cm: int | None = None) -> bytes:
    distance = offset_s * 300 if distance_cm is None else distance_cm
    return message(1, struct.pack("<IBI", (T0 + offset_s) & 0xFFFFFFFF, heart_rate, distance))


def session(start_s: int, seconds: int, sport: int = 1) -> bytes:
    end = T0 + start_s + seconds
    return message(
        2, struct.pack("<IIBIII", end, T0 + start_s, sport, seconds * 1000, seconds * 1000, seconds * 300)
    )


def small_run(count: int = 10) -> bytes:
    return (
        FILE_ID
        + RECORD_DEF
        + b"".join(record(5 * i) for i in range(count))
        + SESSION_DEF
        + session(0, 5 * count)
    )


def header_cases() -> Iterator[Case]:
    body = small_run()
    good = fit_file(body)

    def case(
        name: str, data: bytes, how: str, expect: str, problem: str | None = None, reason: str | None = None
    ) -> Case:
        return Case(name, data, "header", how, expect, problem, reason)

    yield case(
        "header_size_0.fit", b"\x00" + good[1:], "header size byte 0", "reject", "rejected", "not a FIT file"
    )
    yield case(
        "header_size_11.fit",
        b"\x0b" + good[1:],
        "header size byte 11",
        "reject",
        "rejected",
        "not a FIT file",
    )
    yield case("header_size_12.fit", fit_file(body, header_size=12), "12-byte header without CRC", "parse")
    yield case("header_size_13.fit", fit_file(body, header_size=13), "13-byte header, no CRC", "parse")
    yield case(
        "header_size_255.fit", fit_file(body, header_size=255), "255-byte header, zero padded", "parse"
    )
    yield case("header_crc_zero.fit", fit_file(body, header_crc=0), "header CRC 0 (allowed)", "parse")
    yield case(
        "header_crc_wrong.fit",
        fit_file(body, header_crc=0x1234),
        "wrong header CRC",
        "reject",
        "rejected",
        "header checksum",
    )
    yield case(
        "file_crc_wrong.fit",
        fit_file(body, file_crc=0x1234),
        "wrong file CRC",
        "reject",
        "rejected",
        "checksum",
    )
    yield case(
        "file_crc_zero.fit", fit_file(body, file_crc=0), "file CRC 0", "reject", "rejected", "checksum"
    )
    yield case("data_size_zero.fit", fit_file(b""), "no data at all", "reject", "skipped")
    yield case(
        "data_size_huge.fit",
        fit_file(body, data_size=0xFFFFFFFF),
        "data size 4 GiB - 1",
        "reject",
        "rejected",
        "incomplete",
    )
    yield case(
        "data_size_plus_one.fit",
        fit_file(body, data_size=len(body) + 1),
        "data size 1 too large",
        "reject",
        "rejected",
    )
    short = fit_file(body[:-3], data_size=len(body) - 3) + body[-3:]
    yield case(
        "data_size_minus_three.fit",
        short,
        "data size 3 too small, CRC of the short part",
        "reject",
        "rejected",
    )
    yield case(
        "magic_wrong.fit",
        fit_file(body, magic=b".FTI"),
        "'.FTI' instead of '.FIT'",
        "reject",
        "rejected",
        "not a FIT file",
    )
    yield case(
        "header_only.fit",
        good[:14],
        "the 14-byte header and nothing else",
        "reject",
        "rejected",
        "incomplete",
    )
    yield case("eleven_bytes.fit", good[:11], "11 bytes", "reject", "rejected")
    yield case("zero_padding.fit", good + b"\x00" * 64, "64 zero bytes after the file", "parse")
    yield case(
        "trailing_garbage.fit",
        good + b"garbage!",
        "text after the file",
        "reject",
        "rejected",
        "unknown bytes",
    )
    chain = fit_chain()
    yield case(
        "chain_second_cut.fit",
        chain[:-20],
        "chained file whose second part is cut",
        "reject",
        "rejected",
        "incomplete",
    )
    broken = bytearray(chain)
    broken[-1] ^= 0xFF
    yield case(
        "chain_second_crc.fit",
        bytes(broken),
        "chained file, second CRC wrong",
        "reject",
        "rejected",
        "checksum",
    )
    yield case(
        "chain_second_not_fit.fit",
        good + fit_file(body, magic=b"XFIT"),
        "second header not FIT",
        "reject",
        "rejected",
        "unknown bytes",
    )
    yield case(
        "protocol_99.fit",
        fix_crcs(good[:1] + b"\x99" + good[2:]),
        "protocol version 9.9, CRCs made right",
        "parse",
    )


def structure_cases() -> Iterator[Case]:
    def case(
        name: str, body: bytes, how: str, expect: str, problem: str | None = None, reason: str | None = None
    ) -> Case:
        return Case(name, fit_file(body), "structure", how, expect, problem, reason)

    yield case(
        "undefined_local.fit",
        FILE_ID + message(5, b"\x00" * 8),
        "data message of a local type never defined",
        "reject",
        "rejected",
        "definition",
    )
    wide = definition(1, 20, [(i, 255, 0x0D) for i in range(255)])
    yield case(
        "definition_255x255.fit",
        FILE_ID + wide + message(1, b"\x00" * 100),
        "255 fields of 255 bytes, message cut",
        "reject",
        "rejected",
        "past the end",
    )
    developer = definition(1, 20, RECORD_FIELDS, developer=[(i, 255, 0) for i in range(255)])
    yield case(
        "developer_255x255.fit",
        FILE_ID + developer + message(1, b"\x00" * 20),
        "255 developer fields of 255 bytes",
        "reject",
        "rejected",
        "past the end",
    )
    cut_definition = FILE_ID + definition(1, 20, RECORD_FIELDS)[:-4]
    yield case(
        "definition_cut.fit",
        cut_definition,
        "definition message cut off",
        "reject",
        "rejected",
        "past the end",
    )
    many = b"".join(
        definition(i % 16, 0xFF00, [(1, 1 + i % 200, 0x0D), (2, 1 + i // 200, 0x0D)]) for i in range(2100)
    )
    yield case(
        "definitions_2100.fit", FILE_ID + many, "2100 distinct definitions", "reject", "rejected", "too many"
    )
    compressed = (
        FILE_ID + definition(1, 20, [(3, 1, 0x02)]) + b"".join(bytes([0xA0 | i, 140]) for i in range(20))
    )
    yield case(
        "compressed_time_only.fit",
        compressed,
        "records with compressed timestamps and no full time",
        "reject",
        "skipped",
    )
    invalid_time = (
        FILE_ID
        + RECORD_DEF
        + b"".join(message(1, struct.pack("<IBI", 0xFFFFFFFF, 140, i)) for i in range(10))
    )
    yield case(
        "records_invalid_time.fit", invalid_time, "every record time is 0xFFFFFFFF", "reject", "skipped"
    )
    big = definition(1, 20, RECORD_FIELDS, big_endian=True)
    big_records = b"".join(message(1, struct.pack(">IBI", T0 + 5 * i, 140, 1500 * i)) for i in range(10))
    yield case("big_endian.fit", FILE_ID + big + big_records, "big-endian records", "parse")
    backwards = (
        FILE_ID + RECORD_DEF + b"".join(record(5 * (9 - i)) for i in range(10)) + SESSION_DEF + session(0, 50)
    )
    yield case("time_backwards.fit", backwards, "record times running backwards", "parse")
    settings = definition(0, 0, [(0, 1, 0x00)]) + message(0, b"\x02")
    yield case(
        "settings_only.fit",
        settings,
        "file_id type 2 (settings), nothing else",
        "reject",
        "skipped",
        "no activity",
    )
    empty_session = FILE_ID + definition(2, 18, [(5, 1, 0x00)]) + message(2, b"\x01")
    yield case(
        "session_without_time.fit",
        empty_session,
        "a session with no time and no records",
        "reject",
        "rejected",
        "single time",
    )
    two = FILE_ID + RECORD_DEF + b"".join(record(5 * i) for i in range(20)) + SESSION_DEF
    two += session(0, 40) + session(50, 40, sport=2) + session(5000, 10, sport=5)
    yield case("three_sessions.fit", two, "three sessions, the last without records", "parse")
    odd = definition(1, 20, [(253, 4, 0x86), (3, 3, 0x84), (5, 7, 0x86), (0, 0, 0x85), (6, 2, 0x07)])
    odd_records = b"".join(
        message(1, struct.pack("<I", T0 + i) + bytes(3) + bytes(7) + b"ab") for i in range(10)
    )
    yield case(
        "odd_field_sizes.fit",
        FILE_ID + odd + odd_records,
        "fields whose size is no multiple of their type, a string speed",
        "parse",
    )
    bad_base = definition(1, 20, [(253, 4, 0x86), (3, 1, 0x1F), (5, 4, 0xFF)])
    yield case(
        "bad_base_types.fit",
        FILE_ID + bad_base + b"".join(message(1, struct.pack("<IBI", T0 + i, 1, i)) for i in range(5)),
        "base types 0x1F and 0xFF",
        "parse",
    )
    floats = definition(1, 20, [(253, 4, 0x86), (6, 4, 0x88), (2, 8, 0x89)])
    values = (float("inf"), float("-inf"), 3.0e38, float("nan"))
    float_records = b"".join(
        message(1, struct.pack("<Ifd", T0 + i, values[i % 4], values[(i + 1) % 4])) for i in range(8)
    )
    yield case(
        "float_infinities.fit",
        FILE_ID + floats + float_records,
        "float speed and altitude of inf, -inf, 3e38, NaN",
        "parse",
    )
    float_session = definition(
        2, 18, [(253, 4, 0x86), (2, 4, 0x86), (7, 8, 0x89), (9, 4, 0x88), (16, 8, 0x89)]
    )
    float_session_msg = message(2, struct.pack("<IIdfd", T0 + 60, T0, float("inf"), float("inf"), 1e308))
    yield case(
        "session_float_infinities.fit",
        FILE_ID + float_session + float_session_msg,
        "session totals written as float64 inf and 1e308",
        "parse",
    )
    redefined = (
        FILE_ID
        + RECORD_DEF
        + record(0)
        + definition(1, 20, [(253, 4, 0x86), (3, 1, 0x02)])
        + message(1, struct.pack("<IB", T0 + 5, 150))
    )
    yield case("local_type_redefined.fit", redefined, "local type 1 redefined halfway", "parse")
    negative = definition(1, 20, [(253, 4, 0x85), (3, 1, 0x02)])
    yield case(
        "negative_sint_time.fit",
        FILE_ID + negative + message(1, struct.pack("<iB", -5, 140)),
        "timestamp written as sint32 -5",
        "parse",
    )
    wide_time = definition(1, 20, [(253, 8, 0x8F), (3, 1, 0x02)])
    yield case(
        "uint64_time.fit",
        FILE_ID + wide_time + message(1, struct.pack("<QB", T0, 140)),
        "timestamp as uint64 (not a FIT date_time)",
        "reject",
        "skipped",
    )


def date_time_cases() -> Iterator[Case]:
    """Session times in 64-bit fields: a FIT date_time is uint32, so these are ignored and the session
    ends at its timestamp. Before the fix the first raised OSError and the second made the import's
    "same run within a day" query overflow datetime."""
    for stem, value in (("1e17", 10**17), ("year_9999", 252_771_192_000)):
        fields = [(253, 4, 0x86), (2, 8, 0x8F)]
        body = FILE_ID + definition(2, 18, fields) + message(2, struct.pack("<IQ", T0 + 50, value))
        yield Case(
            f"session_start_uint64_{stem}.fit",
            fit_file(body),
            "structure",
            f"session start_time as uint64 {value}",
            "parse",
        )


def fit_cases() -> Iterator[Case]:
    run, chain = fit_run(), fit_chain()
    yield Case("run.fit", run, "valid", "bench/_fitwriter.py on a synthetic 40-point run", "parse")
    yield Case("chain.fit", chain, "valid", "two such files chained", "parse")
    yield Case(
        "small_run.fit", fit_file(small_run()), "valid", "hand-built file_id, 10 records, session", "parse"
    )
    yield from truncations("run.fit", run, expect="reject", problem="rejected")
    yield from bit_flips("run.fit", run, 32, seed=1, expect="reject", problem="rejected")
    yield from bit_flips("run.fit", run, 32, seed=2, category="bitflip_crc", fix=fix_crcs)
    yield from bit_flips("chain.fit", chain, 8, seed=3, expect="reject", problem="rejected")
    yield from header_cases()
    yield from structure_cases()
    yield from date_time_cases()
