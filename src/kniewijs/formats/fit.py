"""Read FIT activity files (Garmin, Wahoo, COROS, Suunto, ...) into `ActivityData`, fast.

Source: Garmin FIT SDK, "FIT Protocol" (file header, record headers, definition and data messages,
compressed timestamp headers, developer data, chained files, CRC) and Profile.xlsx (field numbers,
scales and enums; see `fit_profile`).

Why it is fast: one pass in Python walks the messages and looks at nothing but record headers, sizes
and timestamps. Each record message is sliced off as bytes; at the end the slices of one layout are
joined and read by numpy through a structured dtype that names only the fields Kniewijs uses, so no
Python object is made per field. Messages other than file_id, sport, session and record are skipped
by their size.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np

from kniewijs.core.activity import ActivityData, FloatArray, Sport, Summary, Track
from kniewijs.core.sport_guess import guess_sport
from kniewijs.core.text import T, Text
from kniewijs.formats import fit_profile as fp
from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile, rejected, skipped
from kniewijs.formats.fit_crc import crc16_arc
from kniewijs.formats.fit_profile import map_sport
from kniewijs.formats.xmlsafe import cut_off_note, moving_seconds

__all__ = ["map_sport", "read_fit"]

_SKIP, _KEEP, _RECORD = 0, 1, 2
# Profile.xlsx, message "event": field 0 event (0 = timer), field 1 event_type (1 = stop, 4 = stop_all).
_MESG_EVENT, _EVENT_EVENT, _EVENT_TYPE, _EVENT_TIMER, _TIMER_STOPS = 21, 0, 1, 0, (1, 4)
_KEPT_MESSAGES = (fp.MESG_FILE_ID, fp.MESG_SPORT, fp.MESG_SESSION, _MESG_EVENT)
_RECORD_FIELD_NAMES = {scaled.number: name for name, scaled in fp.RECORD_FIELDS.items()}
_NO_TIMESTAMP = -1
_SPORT_GENERIC = 0  # Profile.xlsx, enum "sport"
_INVALID_TIMESTAMP = 0xFFFFFFFF
_MAX_LAYOUTS = 2048  # real files use under a hundred; a crafted file must not make us build millions
_MAX_FLOAT = 1e9  # no quantity in an activity comes near; a float field beyond it is damage
_TIMESTAMP_FIELDS = {(fp.FIELD_TIMESTAMP, 4, base) for base in (5, 6, 12)}  # 4-byte sint32/uint32/uint32z

# Sports whose FIT cadence counts the strides of one foot (Profile.xlsx: avg_running_cadence is in
# strides/min), so steps per minute are twice it. Walking is recorded the same way: in the sample
# garmin-fenix-5-walk.fit speed / step length agrees with the doubled cadence, not the raw one.
_FOOT_SPORTS = ("running", "walking")

Unpack = Callable[[bytes, int], tuple[Any, ...]]
# What the message loop needs of a definition, as a tuple because tuple unpacking is the cheapest way
# to get several values at once in CPython: (size, kind, timestamp offset, timestamp unpack, sink, id).
Entry = tuple[int, int, int, Unpack, Callable[[bytes], None], int]


def _damaged(nl_detail: str, en_detail: str) -> RejectedFile:
    return rejected(f"Het bestand is beschadigd: {nl_detail}", f"The file is damaged: {en_detail}")


def _overrun() -> RejectedFile:
    return _damaged(
        "een bericht loopt door voorbij het einde van de gegevens.",
        "a message runs past the end of the data.",
    )


class _Layout:
    """One distinct definition message: where each field sits and what the reader does with it."""

    __slots__ = ("big_endian", "chunks", "columns", "dtype", "entry", "fields", "global_number", "size")

    def __init__(self, key: bytes, index: int):
        self.big_endian = key[0] != 0  # the SDK, too, reads anything but 0 as big-endian
        endian = ">" if self.big_endian else "<"
        self.global_number = int.from_bytes(key[1:3], "big" if self.big_endian else "little")
        count = key[3]
        self.fields: list[tuple[int, int, int, int]] = []  # (number, offset, size, base type)
        offset = 0
        for i in range(count):
            number, size, base = key[4 + 3 * i : 7 + 3 * i]
            self.fields.append((number, offset, size, base & fp.BASE_TYPE_MASK))
            offset += size
        if len(key) > 4 + 3 * count:  # developer fields: skipped, only their sizes count
            developer_count = key[4 + 3 * count]
            offset += sum(key[6 + 3 * count + 3 * i] for i in range(developer_count))
        self.size = offset
        self.chunks: list[bytes] = []
        self.columns: list[tuple[str, int | None]] = []
        self.dtype: np.dtype[Any] | None = None

        timestamps = [
            at for number, at, size, base in self.fields if (number, size, base) in _TIMESTAMP_FIELDS
        ]
        time_offset = timestamps[0] if timestamps else _NO_TIMESTAMP
        kind = _KEEP if self.global_number in _KEPT_MESSAGES else _SKIP
        if self.global_number == fp.MESG_RECORD:
            kind = _RECORD
            self._plan_record_columns(endian)
        unpack_time: Unpack = struct.Struct(endian + "I").unpack_from
        self.entry: Entry = (self.size, kind, time_offset, unpack_time, self.chunks.append, index)

    def _plan_record_columns(self, endian: str) -> None:
        """A numpy dtype that reads only the record fields Kniewijs uses, in place (arrays: element 0)."""
        plan: dict[str, tuple[str, int]] = {}
        for number, offset, size, base in self.fields:
            name = _RECORD_FIELD_NAMES.get(number)
            if number == fp.RECORD_COMPRESSED_SPEED_DISTANCE and size >= 3 and "c0" not in plan:
                for i in range(3):  # its three bytes; speed and distance are taken apart later
                    plan[f"c{i}"] = ("u1", offset + i)
                    self.columns.append((f"c{i}", None))
            elif name is not None and name not in plan and base < len(fp.BASE_TYPES) and base != fp.STRING:
                base_type = fp.BASE_TYPES[fp.UINT8 if size % fp.BASE_TYPES[base].size else base]
                if size >= base_type.size:
                    plan[name] = (endian + base_type.numpy_code, offset)
                    self.columns.append((name, base_type.invalid))
        if plan:
            formats, offsets = zip(*plan.values(), strict=True)
            spec = {"names": list(plan), "formats": formats, "offsets": offsets, "itemsize": self.size}
            self.dtype = np.dtype(spec)  # type: ignore[call-overload]

    def decode(self, data: bytes, start: int) -> dict[int, int | float | str]:
        """Every valid scalar field of one message (arrays give their first element)."""
        endian = ">" if self.big_endian else "<"
        values: dict[int, int | float | str] = {}
        for number, offset, size, base in self.fields:
            if number in values or base >= len(fp.BASE_TYPES) or size == 0:
                continue
            at = start + offset
            if base == fp.STRING:
                text = data[at : at + size].split(b"\0", 1)[0].decode("utf-8", "replace").strip()
                if text:
                    values[number] = text
                continue
            base_type = fp.BASE_TYPES[fp.UINT8 if size % fp.BASE_TYPES[base].size else base]
            value = struct.unpack_from(endian + base_type.struct_code, data, at)[0]
            # Floats have no invalid pattern: NaN, infinity and absurd sizes mean "no value" (a total
            # of inf or 1e308 would make every sum and average after it infinite).
            if value != base_type.invalid and (base_type.invalid is not None or abs(value) <= _MAX_FLOAT):
                values[number] = value
        return values


class _Messages:
    """What one pass over a FIT file (or a chain of them) collected."""

    def __init__(self) -> None:
        self.layouts: list[_Layout] = []
        self.layout_by_key: dict[bytes, _Layout] = {}
        self.record_times: list[int] = []
        self.record_layouts: list[int] = []
        self.kept: list[tuple[int, int, int]] = []  # (layout index, payload offset, timestamp)
        self.problem: str | None = None  # "cut_off", "damaged" or "checksum" when read leniently

    def layout(self, key: bytes) -> _Layout:
        layout = self.layout_by_key.get(key)
        if layout is None:
            if len(self.layouts) >= _MAX_LAYOUTS:
                raise _damaged("het beschrijft onredelijk veel berichten.", "it defines too many messages.")
            layout = self.layout_by_key[key] = _Layout(key, len(self.layouts))
            self.layouts.append(layout)
        return layout

    def kept_messages(self, data: bytes, global_number: int) -> list[dict[int, int | float | str]]:
        out = []
        for index, start, timestamp in self.kept:
            layout = self.layouts[index]
            if layout.global_number == global_number:
                values = layout.decode(data, start)
                if fp.FIELD_TIMESTAMP not in values and timestamp != _NO_TIMESTAMP:
                    values[fp.FIELD_TIMESTAMP] = timestamp
                out.append(values)
        return out


def _read_definition(data: bytes, p: int, end: int, definitions: list[Entry | None], out: _Messages) -> int:
    """Read the definition message at `p`, make its layout current, return where the next one starts."""
    definition_end = fields_end = p + 6 + 3 * data[p + 5] if p + 6 <= end else end + 1
    if data[p] & 0x20:  # developer fields: a count, then three bytes each
        definition_end = fields_end + 1 + 3 * data[fields_end] if fields_end < end else end + 1
    if definition_end > end:
        raise _Stop(cut_off=True)
    # The bytes after the reserved byte describe the layout completely; equal bytes, equal layout.
    definitions[data[p] & 0x0F] = out.layout(data[p + 2 : definition_end]).entry
    return definition_end


class _Stop(Exception):
    """A lenient walk ends here: the message at this point is cut off or refers to nothing."""

    def __init__(self, cut_off: bool):
        super().__init__("cut off" if cut_off else "damaged")
        self.cut_off = cut_off


def _read_messages(data: bytes, p: int, end: int, out: _Messages, lenient: bool = False) -> str | None:
    """Walk the data records of one FIT file, from `p` up to its CRC at `end`.

    Strict, any damage rejects the file. Lenient (a file cut off or with a wrong checksum), the walk
    keeps every whole message before the first one that runs past `end` ("cut_off") or refers to a
    definition that is not there ("damaged"), and says which; None when it reached `end` cleanly.
    """
    try:
        _walk(data, p, end, out)
    except _Stop as stop:
        if not lenient:
            raise (_overrun() if stop.cut_off else _undefined()) from None
        return "cut_off" if stop.cut_off else "damaged"
    return None


def _undefined() -> RejectedFile:
    return _damaged(
        "een bericht verwijst naar een beschrijving die er niet is.",
        "a message refers to a definition that is not there.",
    )


def _walk(data: bytes, p: int, end: int, out: _Messages) -> None:
    definitions: list[Entry | None] = [None] * 16
    add_time, add_layout, keep = out.record_times.append, out.record_layouts.append, out.kept.append
    last_time = _NO_TIMESTAMP
    while p < end:
        header = data[p]
        if header < 0x40:  # normal header: a data message of local type 0-15
            entry = definitions[header & 0x0F]
        elif header & 0x80:  # compressed timestamp header: local type 0-3 and 5 bits of time
            entry = definitions[(header >> 5) & 0x03]
            if last_time != _NO_TIMESTAMP:  # FIT Protocol: the 5-bit offset rolls over every 32 s
                last_time += ((header & 0x1F) - last_time) & 0x1F
        else:
            p = _read_definition(data, p, end, definitions, out)
            continue
        if entry is None:
            raise _Stop(cut_off=False)
        size, kind, time_offset, unpack_time, sink, index = entry
        start = p + 1
        p = start + size
        if p > end:
            raise _Stop(cut_off=True)
        if time_offset >= 0:
            stamp = unpack_time(data, start + time_offset)[0]
            if stamp != _INVALID_TIMESTAMP:
                last_time = stamp
        if kind == _RECORD:
            sink(data[start:p])
            add_layout(index)
            add_time(last_time)
        elif kind == _KEEP:
            keep((index, start, last_time))


_CUT_OFF = rejected(
    "Het bestand is onvolledig (afgebroken): het houdt midden in de gegevens op, voor er een meetpunt met "
    "een tijd in staat. Misschien is het kopiëren of downloaden afgebroken.",
    "The file is incomplete (cut off): it stops in the middle of its data, before any sample with a time. "
    "Perhaps copying or downloading was interrupted.",
).reason
_CHECKSUM = T(
    "Het bestand is beschadigd: de controlesom klopt niet.",
    "The file is damaged: its checksum does not match.",
)


def _read_file_chain(data: bytes) -> _Messages:
    """Check every header and CRC of the (possibly chained) FIT files in `data` and read them.

    A file cut off (shorter than its header says, or with a message running past its end) or with a
    wrong checksum is still read, up to its last whole message; `problem` then says which it was:
    "cut_off", "damaged" (a message that refers to nothing) or "checksum" (every message whole, only
    the checksum wrong). Reading stops at the first such file of a chain.
    """
    if not data:
        raise rejected("Het bestand is leeg.", "The file is empty.")
    out = _Messages()
    position = 0
    while position < len(data):
        if position and data[position] == 0 and data.count(0, position) == len(data) - position:
            break  # zero padding after the last file, as some devices write it
        header_size = data[position]
        if position + 12 > len(data) or header_size < 12 or data[position + 8 : position + 12] != b".FIT":
            if position:
                raise _damaged("na de FIT-gegevens volgen onbekende bytes.", "unknown bytes follow its data.")
            raise rejected(
                "Dit is geen FIT-bestand: de kop ontbreekt of is onherkenbaar.",
                "This is not a FIT file: its header is missing or unrecognisable.",
            )
        data_size = int.from_bytes(data[position + 4 : position + 8], "little")
        end = position + header_size + data_size
        if position + header_size > len(data):
            raise RejectedFile(_CUT_OFF)
        if header_size >= 14:
            header_crc = int.from_bytes(data[position + 12 : position + 14], "little")
            if header_crc and header_crc != crc16_arc(memoryview(data)[position : position + 12]):
                raise _damaged("de controlesom van de kop klopt niet.", "its header checksum does not match.")
        if end + 2 > len(data):  # cut off: the header promises more than there is
            stopped = _read_messages(data, position + header_size, len(data), out, lenient=True)
            out.problem = "damaged" if stopped == "damaged" else "cut_off"
            break
        if crc16_arc(memoryview(data)[position:end]) != int.from_bytes(data[end : end + 2], "little"):
            # Either damage somewhere, or a file cut off whose header was written for the whole of it
            # (fitparse's nick.fit: its last message runs past the end).
            stopped = _read_messages(data, position + header_size, end, out, lenient=True)
            if stopped is not None:
                out.problem = stopped
                break
            out.problem = "checksum"  # the data is whole: the next file of a chain is read too
            position = end + 2
            continue
        _read_messages(data, position + header_size, end, out)
        position = end + 2
    return out


def _record_columns(out: _Messages) -> tuple[FloatArray, dict[str, FloatArray]]:
    """Record times (Unix seconds, file order, unknown dropped) and their raw fields, NaN where invalid."""
    count = len(out.record_times)
    ids = np.asarray(out.record_layouts, dtype=np.int64)
    single = len(set(out.record_layouts)) <= 1
    raw: dict[str, FloatArray] = {}
    for layout in out.layouts:
        if not layout.chunks or layout.dtype is None:
            continue
        table = np.frombuffer(b"".join(layout.chunks), dtype=layout.dtype)
        rows = slice(None) if single else ids == layout.entry[5]
        for name, invalid in layout.columns:
            values = table[name]
            column = values.astype(np.float64)
            if invalid is not None:
                column[values == invalid] = np.nan
            else:  # a float field: NaN, infinity and absurd sizes are no measurement
                column[~(np.abs(column) <= _MAX_FLOAT)] = np.nan
            raw.setdefault(name, np.full(count, np.nan))[rows] = column
    for name, scaled in fp.RECORD_FIELDS.items():
        if name in raw:
            raw[name] = raw[name] / scaled.scale - scaled.offset
    if "c0" in raw:  # speed: bits 0-11 in 1/100 m/s; distance: bits 12-23 in 1/16 m, wrapping
        low, middle, high = raw.pop("c0"), raw.pop("c1"), raw.pop("c2")
        valid = np.isfinite(low) & ~((low == 0xFF) & (middle == 0xFF) & (high == 0xFF))
        speed = np.where(valid, low + (middle % 16) * 256, np.nan) / fp.COMPRESSED_SPEED_SCALE
        distance = _accumulate(np.where(valid, middle // 16 + high * 16, np.nan), 12)
        raw["compressed_speed"], raw["compressed_distance"] = speed, distance / fp.COMPRESSED_DISTANCE_SCALE
    times = np.asarray(out.record_times, dtype=np.int64)
    known = times != _NO_TIMESTAMP
    if not known.all():
        times = times[known]
        raw = {name: column[known] for name, column in raw.items()}
    seconds = (times + fp.FIT_EPOCH_UNIX).astype(np.float64)
    if seconds.size > 1 and (np.diff(seconds) < 0).any():
        order = np.argsort(seconds, kind="stable")  # the track's time must not go back
        seconds = seconds[order]
        raw = {name: column[order] for name, column in raw.items()}
    return seconds, raw


def _accumulate(values: FloatArray, bits: int) -> FloatArray:
    """Unroll a counter that wraps every 2**bits (FIT Protocol, "Accumulated fields")."""
    out = np.full(values.shape, np.nan)
    valid = np.flatnonzero(np.isfinite(values))
    if valid.size:
        counts = values[valid].astype(np.int64)
        steps = (np.diff(counts) & ((1 << bits) - 1)).astype(np.float64)
        out[valid] = counts[0] + np.concatenate(([0.0], np.cumsum(steps)))
    return out


def _no_activity(file_ids: list[dict[int, int | float | str]], untimed_records: bool) -> SkippedFile:
    if untimed_records:
        return skipped(
            "Dit FIT-bestand bevat meetpunten zonder enig tijdstip en geen sessie; daar valt geen "
            "training uit te maken.",
            "This FIT file holds samples without any time and no session; no activity can be made of them.",
        )
    file_type = file_ids[0].get(fp.FILE_ID_TYPE) if file_ids else None
    name = fp.FILE_TYPE_NAMES.get(file_type) if isinstance(file_type, int) else None
    what = fp.FILE_CONTENTS.get(name or "")
    if what is None:
        return skipped(
            "Dit FIT-bestand bevat geen training: er staat geen sessie en geen enkel meetpunt in.",
            "This FIT file holds no activity: it has no session and not a single recorded sample.",
        )
    return skipped(
        f"Dit FIT-bestand bevat geen training maar {what[0]}; er is niets om in te lezen.",
        f"This FIT file holds no activity but {what[1]}; there is nothing to import.",
    )


def _number(values: dict[int, int | float | str], field: fp.Scaled) -> float | None:
    """The field's value in its unit; None when absent or absurd (a 64-bit type where the profile
    has a 32-bit one can hold numbers that no sum or date survives)."""
    raw = values.get(field.number)
    if not isinstance(raw, int | float):
        return None
    value = float(raw) / field.scale - field.offset
    return value if abs(value) <= _MAX_FLOAT else None


def _date_time(values: dict[int, int | float | str], number: int) -> int | None:
    """A FIT date_time (uint32 seconds since the FIT epoch, 1989-2126); None for anything else, such as
    a 64-bit field whose value would fall outside the years datetime can hold."""
    raw = values.get(number)
    return raw if isinstance(raw, int) and 0 <= raw <= 0xFFFFFFFF else None


def _summary(session: dict[int, int | float | str], foot_sport: bool) -> Summary:
    """Totals the device wrote in the session message (Profile.xlsx, message "session")."""
    cadence = _number(session, fp.SESSION_AVG_CADENCE)
    if cadence is not None and foot_sport:
        fraction = _number(session, fp.SESSION_AVG_FRACTIONAL_CADENCE) or 0.0
        cadence = 2.0 * (cadence + fraction)  # strides of one foot per minute -> steps per minute
    timer = _number(session, fp.SESSION_TIMER)
    elapsed = _number(session, fp.SESSION_ELAPSED)
    speed = _number(session, fp.SESSION_ENHANCED_AVG_SPEED)
    return Summary(
        distance_m=_number(session, fp.SESSION_DISTANCE),
        duration_s=timer if timer is not None else elapsed,
        elapsed_s=elapsed,
        moving_s=timer,
        avg_heart_rate=_number(session, fp.SESSION_AVG_HEART_RATE),
        max_heart_rate=_number(session, fp.SESSION_MAX_HEART_RATE),
        avg_cadence_spm=cadence,
        avg_speed_mps=speed if speed is not None else _number(session, fp.SESSION_AVG_SPEED),
        ascent_m=_number(session, fp.SESSION_ASCENT),
        calories=_number(session, fp.SESSION_CALORIES),
        avg_vertical_oscillation_mm=_number(session, fp.SESSION_AVG_VERTICAL_OSCILLATION),
        avg_ground_contact_ms=_number(session, fp.SESSION_AVG_STANCE_TIME),
        avg_stride_length_m=_number(session, fp.SESSION_AVG_STEP_LENGTH),
    )


def _first_finite(preferred: FloatArray | None, fallback: FloatArray | None) -> FloatArray | None:
    if preferred is None or fallback is None:
        return preferred if preferred is not None else fallback
    return np.where(np.isfinite(preferred), preferred, fallback)


def _track(time: FloatArray, raw: dict[str, FloatArray], foot_sport: bool) -> Track:
    """Kniewijs' channels from the raw record fields; a channel without any value is left out."""
    cadence = raw.get("cadence")
    if cadence is not None and foot_sport:
        fraction = raw.get("fractional_cadence")
        cadence = 2.0 * (cadence + (np.nan_to_num(fraction) if fraction is not None else 0.0))
    candidates = {
        "distance_m": _first_finite(raw.get("distance"), raw.get("compressed_distance")),
        "heart_rate": raw.get("heart_rate"),
        "cadence_spm": cadence,
        "speed_mps": _first_finite(
            _first_finite(raw.get("enhanced_speed"), raw.get("speed")), raw.get("compressed_speed")
        ),
        "altitude_m": _first_finite(raw.get("enhanced_altitude"), raw.get("altitude")),
        "lat": raw.get("position_lat"),
        "lon": raw.get("position_long"),
        "power_w": raw.get("power"),
        "vertical_oscillation_mm": raw.get("vertical_oscillation"),
        "ground_contact_ms": raw.get("stance_time"),
        "stride_length_m": raw.get("step_length"),
        "vertical_ratio": raw.get("vertical_ratio"),
    }
    channels = {
        name: np.ascontiguousarray(values, dtype=np.float64)
        for name, values in candidates.items()
        if values is not None and bool(np.isfinite(values).any())
    }
    return Track(time=np.ascontiguousarray(time), channels=channels)


def _session_window(session: dict[int, int | float | str]) -> tuple[float | None, float]:
    """Unix seconds at which a session began and ended (its start_time and its end timestamp or start
    plus elapsed time, whichever is later; Profile.xlsx, message "session")."""
    start_value, end_value = (
        _date_time(session, fp.SESSION_START_TIME),
        _date_time(session, fp.FIELD_TIMESTAMP),
    )
    elapsed = _number(session, fp.SESSION_ELAPSED)
    end = float(end_value + fp.FIT_EPOCH_UNIX) if end_value is not None else None
    if start_value is not None:
        start: float | None = float(start_value + fp.FIT_EPOCH_UNIX)
    else:
        start = end - elapsed if end is not None and elapsed is not None else end
    if start is not None and elapsed is not None:
        end = max(end or start, start + elapsed)
    return start, end if end is not None else float("inf")


def _split(time: FloatArray, windows: list[tuple[float | None, float]]) -> list[slice]:
    """The records of each session, as slices of the time-sorted records.

    One session keeps every record: devices do not always close the session window around all of its
    records. With several sessions (multisport) a record belongs to the session whose window holds it,
    and at a shared border to the later one; records outside every window are left out.
    """
    if len(windows) == 1:
        return [slice(0, time.size)]
    slices = []
    for position, (start, end) in enumerate(windows):
        if start is None:
            slices.append(slice(0, 0))
            continue
        following = [begin for begin, _ in windows[position + 1 :] if begin is not None]
        next_start = following[0] if following else float("inf")
        low = int(np.searchsorted(time, start, side="left"))
        if next_start <= end:
            high = int(np.searchsorted(time, next_start, side="left"))
        else:
            high = int(np.searchsorted(time, end, side="right"))
        slices.append(slice(low, max(low, high)))
    return slices


def _activities(data: bytes, out: _Messages) -> list[ActivityData]:
    file_ids = out.kept_messages(data, fp.MESG_FILE_ID)
    sessions = out.kept_messages(data, fp.MESG_SESSION)
    sport_messages = out.kept_messages(data, fp.MESG_SPORT)
    time, raw = _record_columns(out)
    if out.problem is not None:
        time, raw = _without_damaged_tail(time, raw)
    stops = _timer_stops(out.kept_messages(data, _MESG_EVENT))
    if not sessions and time.size == 0 and out.problem is not None:
        raise RejectedFile(_CHECKSUM if out.problem == "checksum" else _CUT_OFF)
    if not sessions and time.size == 0:
        raise _no_activity(file_ids, untimed_records=bool(out.record_times))
    device = fp.device_name(file_ids[0]) if file_ids else None
    fallback_sport = sport_messages[0] if sport_messages else {}
    if not sessions:
        sessions = [{}]  # records without a session still make one activity, without totals
    windows = [_session_window(session) for session in sessions]
    order = sorted(range(len(sessions)), key=lambda i: (windows[i][0] is None, windows[i][0] or 0.0))
    slices = _split(time, [windows[i] for i in order])
    activities = []
    for index, rows in zip(order, slices, strict=True):
        session = sessions[index]
        sport_number, sub_number = session.get(fp.SESSION_SPORT), session.get(fp.SESSION_SUB_SPORT)
        if sport_number is None:  # no sport in the session: the sport message, if any, tells
            sport_number, sub_number = (
                fallback_sport.get(fp.SPORT_SPORT),
                fallback_sport.get(fp.SPORT_SUB_SPORT),
            )
        sport_number = sport_number if isinstance(sport_number, int) else None
        sub_number = sub_number if isinstance(sub_number, int) else None
        sport = map_sport(sport_number, sub_number)
        rows_raw = {name: column[rows] for name, column in raw.items()}
        evidence: Text | None = None
        if sport_number in (None, _SPORT_GENERIC) and sport == "other":
            sport, evidence = _guessed_sport(session, time[rows], rows_raw)
        foot_sport = sport in _FOOT_SPORTS
        track = _track(time[rows], rows_raw, foot_sport)
        start = windows[index][0]
        if start is None and len(track):
            start = float(track.time[0])
        if start is None:
            continue
        summary = _summary(session, foot_sport)
        if not session:
            _totals_from_records(summary, track)
        activities.append(
            ActivityData(
                sport=sport,
                start=datetime.fromtimestamp(start, tz=UTC),
                summary=summary,
                track=track,
                source_format="fit",
                sub_sport=fp.SUB_SPORT_NAMES.get(sub_number) if sub_number is not None else None,
                device=device,
                sport_guess=evidence,
                pauses=_pauses(stops, track.time),
            )
        )
    if not activities:
        if out.problem in ("cut_off", "damaged"):
            raise RejectedFile(_CUT_OFF)
        if out.problem == "checksum":
            raise RejectedFile(_CHECKSUM)
        raise _damaged("er staat geen enkel tijdstip in.", "it does not contain a single time.")
    _mark_partial(activities, out.problem)
    return activities


# In a damaged file, a record this long after the one before is damage too (a run does not pause for a
# day): it and what follows are dropped. fitparse's strava-android file ends on a record dated 2085.
_DAMAGED_JUMP_S = 24 * 3600.0


def _without_damaged_tail(
    time: FloatArray, raw: dict[str, FloatArray]
) -> tuple[FloatArray, dict[str, FloatArray]]:
    jumps = np.flatnonzero(np.diff(time) > _DAMAGED_JUMP_S)
    if not jumps.size:
        return time, raw
    keep = int(jumps[0]) + 1
    return time[:keep], {name: column[:keep] for name, column in raw.items()}


def _timer_stops(events: list[dict[int, int | float | str]]) -> FloatArray:
    """Unix seconds of every timer stop (the runner pressed pause, or auto-pause stopped the timer)."""
    times = [
        float(event[fp.FIELD_TIMESTAMP]) + fp.FIT_EPOCH_UNIX
        for event in events
        if event.get(_EVENT_EVENT) == _EVENT_TIMER
        and event.get(_EVENT_TYPE) in _TIMER_STOPS
        and isinstance(event.get(fp.FIELD_TIMESTAMP), int)
    ]
    return np.sort(np.array(times, dtype=np.float64))


def _pauses(stops: FloatArray, time: FloatArray) -> int:
    """Timer stops between an activity's first and last record: each is a pause the recording went on
    after (the stop at the very end is the run finishing)."""
    if time.size < 2 or stops.size == 0:
        return 0
    return int(np.count_nonzero((stops >= time[0]) & (stops < time[-1])))


def _guessed_sport(
    session: dict[int, int | float | str], time: FloatArray, raw: dict[str, FloatArray]
) -> tuple[Sport, Text | None]:
    """Sport generic or missing: a guess from the average moving speed and the cadence as recorded."""
    distance = _number(session, fp.SESSION_DISTANCE)
    moving = _number(session, fp.SESSION_TIMER)
    recorded = _first_finite(raw.get("distance"), raw.get("compressed_distance"))
    if distance is None and recorded is not None and np.isfinite(recorded).any():
        distance = float(np.nanmax(recorded) - np.nanmin(recorded))
    if moving is None and time.size >= 2:
        moving = moving_seconds(time, recorded)
    speed = distance / moving if distance is not None and moving else None
    if speed is None:  # a sensor recording without movement (HRV, muscle oxygen) stays "other"
        return "other", None
    cadence = _number(session, fp.SESSION_AVG_CADENCE)
    samples = raw.get("cadence")
    if cadence is None and samples is not None:
        positive = samples[np.isfinite(samples) & (samples > 0)]
        cadence = float(np.median(positive)) if positive.size else None
    guess = guess_sport(speed, cadence)
    return guess.sport, guess.evidence


def _totals_from_records(summary: Summary, track: Track) -> None:
    """Distance and time from the records: no session, or one that cannot be trusted (a file cut off)."""
    distance = track.get("distance_m")
    if distance is not None and np.isfinite(distance).any():
        summary.distance_m = float(np.nanmax(distance) - np.nanmin(distance))
    elif summary.distance_m is not None:
        summary.distance_m = None
    if len(track) >= 2:
        summary.elapsed_s = float(track.time[-1] - track.time[0])
        summary.moving_s = moving_seconds(track.time, distance)
        summary.duration_s = summary.moving_s
    else:
        summary.elapsed_s = summary.moving_s = summary.duration_s = None
    if summary.distance_m is not None and summary.moving_s:
        summary.avg_speed_mps = summary.distance_m / summary.moving_s


def _mark_partial(activities: list[ActivityData], problem: str | None) -> None:
    """The note on what was lost: the last activity for a file that stops early, every one for a
    checksum that does not match (where the damage sits is unknown)."""
    if problem == "checksum":
        for activity in activities:
            activity.partial = T(
                "De controlesom van het bestand klopt niet. Alle metingen zijn gelezen, maar een deel "
                "ervan kan beschadigd zijn.",
                "The file's checksum does not match. Every sample was read, but some of them may be damaged.",
            )
    elif problem in ("cut_off", "damaged"):
        # The session that the break falls in: its totals (if it has any yet) describe more than the
        # records that are left, so they come from the records.
        last = max(activities, key=lambda activity: activity.start)
        _totals_from_records(last.summary, last.track)
        last.partial = cut_off_note(last.distance_m, last.summary.elapsed_s, damaged=problem == "damaged")


# What decoding arithmetic can raise on bytes no check foresaw; each means the file cannot be read.
# OSError: datetime.fromtimestamp raises it (EOVERFLOW) for some timestamps beyond year 9999.
_DECODING_ERRORS = (struct.error, IndexError, ValueError, OverflowError, KeyError, ZeroDivisionError, OSError)


def read_fit(data: bytes) -> list[ActivityData]:
    """Every activity in a FIT file: one per session, each with its own records and the device's totals.

    Raises `SkippedFile` for a valid FIT file that holds no activity (settings, a workout, a weight
    scale, monitoring) and `RejectedFile` for anything that cannot be read: empty, not FIT, truncated,
    a wrong checksum or a broken structure. Nothing else escapes, whatever the bytes.
    """
    try:
        data = bytes(data)
        return _activities(data, _read_file_chain(data))
    except FileProblem:
        raise
    except _DECODING_ERRORS as error:
        raise _damaged("het kan niet worden gelezen.", "it cannot be read.") from error
