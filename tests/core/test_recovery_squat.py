from datetime import date, timedelta

from kniewijs.core.recovery.squat import TEST_EVERY_DAYS, squat_test_due, squat_trend

DAY = date(2027, 3, 1)


def results(*passed):
    return tuple((DAY + timedelta(days=7 * i), p) for i, p in enumerate(passed))


def test_the_squat_test_is_due_on_the_first_day_and_then_every_seven_days():
    assert TEST_EVERY_DAYS == 7
    assert squat_test_due(None, DAY)
    assert not squat_test_due(DAY, DAY + timedelta(days=6))
    assert squat_test_due(DAY, DAY + timedelta(days=7))


def test_without_a_test_the_trend_is_untested():
    assert squat_trend(()).trend == "untested"


def test_one_result_gives_a_first_reading_that_differs_for_a_pass_and_a_fail():
    passed, failed = squat_trend(results(True)), squat_trend(results(False))
    assert passed.trend == failed.trend == "once"
    assert passed.text != failed.text


def test_the_trend_compares_the_latest_test_with_the_one_before():
    assert squat_trend(results(False, True)).trend == "better"
    assert squat_trend(results(True, False)).trend == "worse"
    assert squat_trend(results(False, True, True)).trend == "still_passing"
    assert squat_trend(results(True, False, False)).trend == "still_failing"


def test_the_trend_keeps_every_test_oldest_first():
    trend = squat_trend(results(False, False, True))
    assert [p for _, p in trend.tests] == [False, False, True]
    assert trend.text.nl and trend.text.en
