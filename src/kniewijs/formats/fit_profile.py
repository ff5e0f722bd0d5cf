"""The parts of the FIT profile that Kniewijs reads: base types, message and field numbers, enum names.

Source: Garmin FIT SDK 21.x, "FIT Protocol" (base types, record headers) and Profile.xlsx (messages,
fields, scales and the `sport`, `sub_sport`, `file` and `manufacturer` enums). Only what the activity
reader needs is here; every other message is skipped by its size. Also here: how those enums read in
Kniewijs (its sports, a device's name, what a file without an activity holds).
"""

from __future__ import annotations

from typing import NamedTuple

from kniewijs.core.activity import Sport

# Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z (FIT Protocol, "date_time").
FIT_EPOCH_UNIX = 631_065_600

# Degrees per semicircle: FIT stores positions as 2^31 semicircles per 180 degrees (FIT Protocol).
DEGREES_PER_SEMICIRCLE = 180.0 / 2**31


class BaseType(NamedTuple):
    """One FIT base type: struct/numpy codes, size in bytes and the value that means 'no data'."""

    struct_code: str
    numpy_code: str
    size: int
    invalid: int | None  # None for floats (the all-ones bit pattern is NaN) and strings


# Indexed by the low five bits of the base-type byte (FIT Protocol, table "FIT Base Types").
BASE_TYPES: tuple[BaseType, ...] = (
    BaseType("B", "u1", 1, 0xFF),  # 0x00 enum
    BaseType("b", "i1", 1, 0x7F),  # 0x01 sint8
    BaseType("B", "u1", 1, 0xFF),  # 0x02 uint8
    BaseType("h", "i2", 2, 0x7FFF),  # 0x83 sint16
    BaseType("H", "u2", 2, 0xFFFF),  # 0x84 uint16
    BaseType("i", "i4", 4, 0x7FFFFFFF),  # 0x85 sint32
    BaseType("I", "u4", 4, 0xFFFFFFFF),  # 0x86 uint32
    BaseType("s", "S1", 1, None),  # 0x07 string, NUL-terminated UTF-8
    BaseType("f", "f4", 4, None),  # 0x88 float32
    BaseType("d", "f8", 8, None),  # 0x89 float64
    BaseType("B", "u1", 1, 0x00),  # 0x0A uint8z
    BaseType("H", "u2", 2, 0x0000),  # 0x8B uint16z
    BaseType("I", "u4", 4, 0x00000000),  # 0x8C uint32z
    BaseType("B", "u1", 1, 0xFF),  # 0x0D byte
    BaseType("q", "i8", 8, 0x7FFFFFFFFFFFFFFF),  # 0x8E sint64
    BaseType("Q", "u8", 8, 0xFFFFFFFFFFFFFFFF),  # 0x8F uint64
    BaseType("Q", "u8", 8, 0x0000000000000000),  # 0x90 uint64z
)
BASE_TYPE_MASK = 0x1F
UINT8 = 2  # the SDK reads a field whose size is no multiple of its type as bytes of uint8
STRING = 7

# Global message numbers (Profile.xlsx, "mesg_num").
MESG_FILE_ID = 0
MESG_SPORT = 12
MESG_SESSION = 18
MESG_RECORD = 20

# Field numbers shared by every message.
FIELD_TIMESTAMP = 253

# file_id fields.
FILE_ID_TYPE = 0
FILE_ID_MANUFACTURER = 1
FILE_ID_PRODUCT = 2
FILE_ID_SERIAL = 3
FILE_ID_TIME_CREATED = 4
FILE_ID_PRODUCT_NAME = 8

# sport fields.
SPORT_SPORT = 0
SPORT_SUB_SPORT = 1


class Scaled(NamedTuple):
    """A numeric field: value = raw / scale - offset (Profile.xlsx columns Scale and Offset)."""

    number: int
    scale: float
    offset: float = 0.0


# session fields (Profile.xlsx, message "session").
SESSION_START_TIME = 2
SESSION_SPORT = 5
SESSION_SUB_SPORT = 6
SESSION_ELAPSED = Scaled(7, 1000)  # total_elapsed_time, s
SESSION_TIMER = Scaled(8, 1000)  # total_timer_time, s
SESSION_DISTANCE = Scaled(9, 100)  # total_distance, m
SESSION_CALORIES = Scaled(11, 1)  # total_calories, kcal
SESSION_AVG_SPEED = Scaled(14, 1000)  # avg_speed, m/s
SESSION_ENHANCED_AVG_SPEED = Scaled(124, 1000)  # enhanced_avg_speed, m/s
SESSION_AVG_HEART_RATE = Scaled(16, 1)
SESSION_MAX_HEART_RATE = Scaled(17, 1)
SESSION_AVG_CADENCE = Scaled(18, 1)  # rpm; strides per minute per foot when running
SESSION_AVG_FRACTIONAL_CADENCE = Scaled(92, 128)
SESSION_ASCENT = Scaled(22, 1)  # total_ascent, m
SESSION_AVG_VERTICAL_OSCILLATION = Scaled(89, 10)  # mm
SESSION_AVG_STANCE_TIME = Scaled(91, 10)  # ms
SESSION_AVG_STEP_LENGTH = Scaled(134, 10 * 1000)  # mm in the profile; metres here

# record fields (Profile.xlsx, message "record"), as raw column name -> scaling.
RECORD_FIELDS: dict[str, Scaled] = {
    "position_lat": Scaled(0, 1 / DEGREES_PER_SEMICIRCLE),
    "position_long": Scaled(1, 1 / DEGREES_PER_SEMICIRCLE),
    "altitude": Scaled(2, 5, 500),
    "heart_rate": Scaled(3, 1),
    "cadence": Scaled(4, 1),
    "distance": Scaled(5, 100),
    "speed": Scaled(6, 1000),
    "power": Scaled(7, 1),
    "vertical_oscillation": Scaled(39, 10),
    "stance_time": Scaled(41, 10),
    "fractional_cadence": Scaled(53, 128),
    "enhanced_speed": Scaled(73, 1000),
    "enhanced_altitude": Scaled(78, 5, 500),
    "vertical_ratio": Scaled(83, 100),
    "step_length": Scaled(85, 10 * 1000),  # mm in the profile; metres here
}
# compressed_speed_distance: 3 bytes holding speed (12 bits, 1/100 m/s) and an accumulating distance
# (12 bits, 1/16 m), Profile.xlsx record field 8 components.
RECORD_COMPRESSED_SPEED_DISTANCE = 8
COMPRESSED_SPEED_SCALE = 100.0
COMPRESSED_DISTANCE_SCALE = 16.0


def _table(text: str) -> dict[int, str]:
    return {int(number): name for number, name in (item.split(":") for item in text.split())}


SPORT_NAMES = _table("""
0:generic 1:running 2:cycling 3:transition 4:fitness_equipment 5:swimming 6:basketball 7:soccer
8:tennis 9:american_football 10:training 11:walking 12:cross_country_skiing 13:alpine_skiing
14:snowboarding 15:rowing 16:mountaineering 17:hiking 18:multisport 19:paddling 20:flying
21:e_biking 22:motorcycling 23:boating 24:driving 25:golf 26:hang_gliding 27:horseback_riding
28:hunting 29:fishing 30:inline_skating 31:rock_climbing 32:sailing 33:ice_skating 34:sky_diving
35:snowshoeing 36:snowmobiling 37:stand_up_paddleboarding 38:surfing 39:wakeboarding 40:water_skiing
41:kayaking 42:rafting 43:windsurfing 44:kitesurfing 45:tactical 46:jumpmaster 47:boxing
48:floor_climbing 49:baseball 53:diving 56:shooting 58:winter_sport 59:grinding 62:hiit
63:video_gaming 64:racket 65:wheelchair_push_walk 66:wheelchair_push_run 67:meditation 68:para_sport
69:disc_golf 70:team_sport 71:cricket 72:rugby 73:hockey 74:lacrosse 75:volleyball 76:water_tubing
77:wakesurfing 78:water_sport 79:archery 80:mixed_martial_arts 81:motor_sports 82:snorkeling
83:dance 84:jump_rope 85:pool_apnea 86:mobility 87:geocaching 88:canoeing 254:all
""")

SUB_SPORT_NAMES = _table("""
0:generic 1:treadmill 2:street 3:trail 4:track 5:spin 6:indoor_cycling 7:road 8:mountain 9:downhill
10:recumbent 11:cyclocross 12:hand_cycling 13:track_cycling 14:indoor_rowing 15:elliptical
16:stair_climbing 17:lap_swimming 18:open_water 19:flexibility_training 20:strength_training
21:warm_up 22:match 23:exercise 24:challenge 25:indoor_skiing 26:cardio_training 27:indoor_walking
28:e_bike_fitness 29:bmx 30:casual_walking 31:speed_walking 32:bike_to_run_transition
33:run_to_bike_transition 34:swim_to_bike_transition 35:atv 36:motocross 37:backcountry 38:resort
39:rc_drone 40:wingsuit 41:whitewater 42:skate_skiing 43:yoga 44:pilates 45:indoor_running
46:gravel_cycling 47:e_bike_mountain 48:commuting 49:mixed_surface 50:navigate 51:track_me 52:map
53:single_gas_diving 54:multi_gas_diving 55:gauge_diving 56:apnea_diving 57:apnea_hunting
58:virtual_activity 59:obstacle 62:breathing 63:ccr_diving 65:sail_race 66:expedition 67:ultra
68:indoor_climbing 69:bouldering 70:hiit 71:indoor_grinding 72:hunting_with_dogs 73:amrap 74:emom
75:tabata 77:esport 78:triathlon 79:duathlon 80:brick 81:swim_run 82:adventure_race
83:trucker_workout 84:pickleball 85:padel 86:indoor_wheelchair_walk 87:indoor_wheelchair_run
88:indoor_hand_cycling 90:field 91:ice 92:ultimate 93:platform 94:squash 95:badminton 96:racquetball
97:table_tennis 98:overland 99:trolling_motor 110:fly_canopy 111:fly_paraglide 112:fly_paramotor
113:fly_pressurized 114:fly_navigate 115:fly_timer 116:fly_altimeter 117:fly_wx 118:fly_vfr
119:fly_ifr 121:dynamic_apnea 123:enduro 124:rucking 125:rally 126:pool_triathlon 127:e_bike_enduro
254:all
""")

FILE_TYPE_NAMES = _table("""
1:device 2:settings 3:sport 4:activity 5:workout 6:course 7:schedules 9:weight 10:totals 11:goals
14:blood_pressure 15:monitoring_a 20:activity_summary 28:monitoring_daily 32:monitoring_b 34:segment
35:segment_list 40:exd_configuration
""")

# The manufacturers a runner is likely to own; others show as their number.
MANUFACTURER_NAMES = _table("""
1:Garmin 6:SRM 7:Quarq 13:Dynastream 15:Dynastream 16:Timex 23:Suunto 32:Wahoo 40:Concept2
41:Shimano 48:Pioneer 51:4iiii 69:Stages 70:Sigma 71:TomTom 73:Wattbike 76:Moxy 86:Elite 89:Tacx
95:Stryd 107:Magene 115:iGPSPORT 123:Polar 255:Development 258:Lezyne 260:Zwift 263:Favero
265:Strava 267:Bryton 268:SRAM 282:Sufferfest 289:Hammerhead 294:COROS 305:WHOOP 310:Decathlon
326:Nike 339:Zepp 340:Peloton 348:Huawei
""")

# What a FIT file that is no activity holds, in Dutch and English, by its file_id type (enum "file").
FILE_CONTENTS: dict[str, tuple[str, str]] = {
    "settings": ("apparaatinstellingen", "device settings"),
    "device": ("gegevens over het apparaat", "details about the device"),
    "sport": ("sportinstellingen", "sport settings"),
    "workout": ("een trainingsschema", "a workout plan"),
    "course": ("een route zonder opgenomen training", "a course without a recorded activity"),
    "schedules": ("een trainingsplanning", "a training schedule"),
    "weight": ("weegschaalmetingen", "weight-scale readings"),
    "totals": ("totalen over langere tijd", "long-term totals"),
    "goals": ("doelen", "goals"),
    "blood_pressure": ("bloeddrukmetingen", "blood-pressure readings"),
    "monitoring_a": ("metingen van de hele dag", "all-day monitoring"),
    "monitoring_b": ("metingen van de hele dag", "all-day monitoring"),
    "monitoring_daily": ("metingen van de hele dag", "all-day monitoring"),
    "activity_summary": ("alleen een samenvatting zonder sessie", "only a summary without a session"),
    "segment": ("een segment", "a segment"),
    "segment_list": ("een lijst met segmenten", "a list of segments"),
}


_SPORTS: dict[str | None, Sport] = {
    "running": "running", "cycling": "cycling", "swimming": "swimming", "walking": "walking", "hiking": "walking"
}  # fmt: skip
_INDOOR_SUB_SPORTS: dict[str | None, Sport] = {
    "treadmill": "running", "indoor_running": "running", "indoor_cycling": "cycling", "spin": "cycling",
    "indoor_walking": "walking", "lap_swimming": "swimming", "open_water": "swimming",
}  # fmt: skip


def map_sport(sport: int | None, sub_sport: int | None) -> Sport:
    """Kniewijs' sport for a FIT sport and sub_sport (Profile.xlsx, enums "sport" and "sub_sport").

    The sport decides: running (whatever its sub-sport: trail, track, street, treadmill) is running,
    cycling is cycling, swimming is swimming, walking and hiking are walking. When the sport is missing,
    generic, fitness equipment or training, an indoor sub-sport still tells: treadmill and indoor
    running are running, indoor cycling and spin are cycling, indoor walking is walking, pool and open
    water are swimming. Everything else is "other".
    """
    name = SPORT_NAMES.get(sport) if sport is not None else None
    if name in _SPORTS:
        return _SPORTS[name]
    if name in (None, "generic", "fitness_equipment", "training") and sub_sport is not None:
        return _INDOOR_SUB_SPORTS.get(SUB_SPORT_NAMES.get(sub_sport), "other")
    return "other"


def device_name(file_id: dict[int, int | float | str]) -> str | None:
    """'Garmin product 2697 (serial 3907354759)' or the product name when the file has one."""
    maker = file_id.get(FILE_ID_MANUFACTURER)
    product = file_id.get(FILE_ID_PRODUCT)
    serial = file_id.get(FILE_ID_SERIAL)
    parts = []
    if isinstance(maker, int):
        parts.append(MANUFACTURER_NAMES.get(maker, f"manufacturer {maker}"))
    name = file_id.get(FILE_ID_PRODUCT_NAME)
    if isinstance(name, str):
        parts.append(name)
    elif isinstance(product, int):
        parts.append(f"product {product}")
    if isinstance(serial, int):
        parts.append(f"(serial {serial})")
    return " ".join(parts) or None
