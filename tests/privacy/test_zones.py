"""The runner's privacy-zone page: add with a dot or a comma, remove after a confirmation, only ever one's own."""

import pytest
from django.test import Client
from django.urls import reverse

from kniewijs.privacy.models import MAX_RADIUS, MIN_RADIUS, PrivacyZone
from kniewijs.privacy.zone_forms import MAX_ZONES, ZoneForm

pytestmark = pytest.mark.django_db

ZONES = reverse("privacy:zones")


def add(client, **fields):
    data = {"action": "add", "name": "Thuis", "lat": "52,0907", "lon": "5,1214", "radius_m": "400"} | fields
    return client.post(ZONES, data)


def zone_of(user, name="Thuis"):
    return PrivacyZone.objects.create(user=user, name=name, lat=52.0907, lon=5.1214, radius_m=400)


def test_the_page_needs_a_login():
    response = Client().get(ZONES)
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_the_page_explains_zones_and_offers_the_form(runner_client):
    response = runner_client.get("/en" + ZONES)
    html = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "home or work" in html and "is ever shown to anyone else" in html
    assert 'name="lat"' in html and 'inputmode="decimal"' in html


def test_the_account_page_links_to_the_zones(runner_client):
    assert ZONES in runner_client.get(reverse("accounts:account")).content.decode()


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("52,0907", "5,1214", (52.0907, 5.1214)),
        ("52.0907", "5.1214", (52.0907, 5.1214)),
        (" 52.09071234 ", "5,1214°", (52.090712, 5.1214)),
        ("-33,8688", "−151.2093", (-33.8688, -151.2093)),
        ("52", "+5", (52.0, 5.0)),
    ],
)
def test_a_zone_is_saved_with_a_dot_or_a_comma(runner_client, runner, lat, lon, expected):
    response = add(runner_client, lat=lat, lon=lon)
    assert response.status_code == 302 and response["Location"] == ZONES
    zone = PrivacyZone.objects.get(user=runner)
    assert (zone.lat, zone.lon, zone.radius_m, zone.name) == (*expected, 400, "Thuis")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"lat": "95"}, "lat", "between -90 and 90"),
        ({"lon": "-180,5"}, "lon", "between -180 and 180"),
        ({"lat": "52,09,07"}, "lat", "decimal degrees"),
        ({"lat": "52°05'26\""}, "lat", "decimal degrees"),
        ({"lat": "noord"}, "lat", "decimal degrees"),
        ({"lat": ""}, "lat", "latitude"),
        ({"radius_m": str(MIN_RADIUS - 1)}, "radius_m", "at least 50"),
        ({"radius_m": str(MAX_RADIUS + 1)}, "radius_m", "at most 5000"),
        ({"radius_m": "veel"}, "radius_m", "whole number"),
        ({"name": ""}, "name", "name"),
    ],
)
def test_a_wrong_entry_is_explained_and_nothing_is_saved(runner_client, fields, field, message):
    response = runner_client.post(
        "/en" + ZONES,
        {"action": "add", "name": "Thuis", "lat": "52,0907"} | {"lon": "5,1214", "radius_m": "400"} | fields,
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not PrivacyZone.objects.exists()


def test_the_radius_help_names_the_same_limits_as_the_model():
    help_text = str(ZoneForm().fields["radius_m"].help_text)
    assert f"{MIN_RADIUS} " in help_text and f"{MAX_RADIUS} " in help_text


def test_an_empty_post_saves_nothing(runner_client):
    response = runner_client.post(ZONES)
    assert response.status_code == 200 and not PrivacyZone.objects.exists()


def test_a_runner_sees_only_their_own_zones(runner_client, runner, second_runner):
    zone_of(runner, "Mijn huis")
    zone_of(second_runner, "Huis van Bram")
    html = runner_client.get(ZONES).content.decode()
    assert "Mijn huis" in html and "Huis van Bram" not in html


def test_removing_asks_first_and_then_removes_the_zone(runner_client, runner):
    zone = zone_of(runner)
    confirm = runner_client.get(f"/en{ZONES}?verwijderen={zone.pk}")
    assert confirm.status_code == 200 and "Remove the zone “Thuis”?" in confirm.content.decode()
    assert PrivacyZone.objects.filter(pk=zone.pk).exists()
    response = runner_client.post(ZONES, {"action": "delete", "zone": zone.pk})
    assert response.status_code == 302 and not PrivacyZone.objects.filter(pk=zone.pk).exists()


@pytest.mark.parametrize("raw", ["{other}", "999999", "abc", ""])
def test_another_runners_zone_or_a_made_up_id_is_not_found(runner_client, second_runner, raw):
    theirs = zone_of(second_runner)
    raw = raw.format(other=theirs.pk)
    assert runner_client.get(f"{ZONES}?verwijderen={raw}").status_code == 404
    assert runner_client.post(ZONES, {"action": "delete", "zone": raw}).status_code == 404
    assert PrivacyZone.objects.filter(pk=theirs.pk).exists()


def test_no_more_zones_than_the_limit(runner_client, runner):
    for i in range(MAX_ZONES):
        zone_of(runner, f"Plek {i}")
    response = add(runner_client, name="Nog een")
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert PrivacyZone.objects.filter(user=runner).count() == MAX_ZONES


def test_erasing_the_account_removes_the_zones(runner, second_runner):
    zone_of(runner)
    zone_of(second_runner)
    runner.delete()
    assert list(PrivacyZone.objects.values_list("user", flat=True)) == [second_runner.pk]
