"""The map of which rows belong to an account, which export and erasure both rely on."""

from django.db import models

from kniewijs.privacy.ownership import SECRET_APPS, owned_models


def paths():
    return {owned.label: owned.paths for owned in owned_models(include_secret=True)}


def test_direct_keys_to_the_user_are_found():
    found = paths()
    assert found["training.Activity"] == ("user",)
    assert found["clinic.Booking"] == ("runner",) and found["clinic.PatientNote"] == ("runner",)
    assert found["otp_totp.TOTPDevice"] == ("user",)


def test_rows_that_hang_on_the_runners_rows_are_found_through_cascade_keys_only():
    found = paths()
    assert found["recovery.SessionLog"] == ("programme__user",)  # not also through its SET_NULL activity key
    assert found["recovery.Review"] == ("programme__user",)
    assert found["clinic.WeeklyAvailability"] == ("therapist__user",)


def test_every_step_of_every_path_is_a_cascade_key():
    for owned in owned_models(include_secret=True):
        for path in owned.paths:
            model = owned.model
            for name in path.split("__")[:-1]:
                field = model._meta.get_field(name)
                assert field.remote_field.on_delete is models.CASCADE, (owned.label, path)
                model = field.related_model


def test_secret_apps_are_left_out_unless_asked_for():
    assert not {o.model._meta.app_label for o in owned_models()} & SECRET_APPS
    assert "otp_totp.TOTPDevice" in paths()
