import pytest

from kniewijs.core.metrics.sources import source
from kniewijs.core.sources import SOURCES


@pytest.mark.parametrize(
    "key",
    [
        "gabbett_2016",
        "impellizzeri_2020",
        "lolli_2019",
        "williams_2017",
        "foster_1998",
        "runalyze",
        "goldencheetah",
    ],
)
def test_the_sources_the_metrics_name_can_be_found(key):
    found = source(key)
    assert found.key == key and found.citation and found.note.nl and found.note.en


def test_core_sources_are_found_through_the_same_lookup():
    assert source("frandsen_2025") is SOURCES["frandsen_2025"]


def test_an_unknown_source_is_an_error():
    with pytest.raises(KeyError, match="unknown source"):
        source("nobody_2099")
