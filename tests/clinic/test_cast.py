"""The clinic's cast behaves as the other tests assume."""

from kniewijs.clinic.access import patient_consents, patients_of


def test_a_physio_sees_the_runner_only_after_consent(runner, clinic, physio):
    assert patients_of(physio.therapist) == []
    from tests.conftest import grant

    grant(runner, clinic, "training")
    patients = patients_of(physio.therapist)
    assert [p.runner for p in patients] == [runner]
    assert set(patient_consents(physio.therapist, runner.pk)) == {"training"}


def test_a_physio_of_another_clinic_sees_nobody(consenting_runner, other_physio):
    assert patients_of(other_physio.therapist) == []
