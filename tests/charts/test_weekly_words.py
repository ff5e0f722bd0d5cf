"""The weekly chart's words: the week named as on the rest of the page, and no 10% comparison where there
is no week before to compare with."""

from datetime import date, timedelta

from kniewijs.charts import weekly_distance

START = date(2025, 3, 3)  # a Monday
BAND = [None, 11, 13.2, 12.1, 14.3]


def days(n, step=1):
    return [START + timedelta(days=step * i) for i in range(n)]


def test_with_today_the_latest_week_is_named_as_on_the_rest_of_the_page():
    weeks = days(5, 7)  # Mondays 3 to 31 March 2025
    chart = weekly_distance(
        weeks, [10, 12, 11, 13, 15.5], BAND, chart_id="w", title="t", today=weeks[-1] + timedelta(days=2)
    )
    assert chart.summary.startswith("Deze week (ma 31 mrt t/m vandaag) liep u tot nu toe 15,5 km; 10% meer")
    chart = weekly_distance(
        weeks, [10, 12, 11, 13, 15.5], BAND, chart_id="w", title="t", today=weeks[-1] + timedelta(days=8)
    )
    assert chart.summary.startswith("Vorige week (ma 31 mrt t/m zo 6 apr) liep u 15,5 km;")


def test_a_first_week_after_a_week_without_running_is_not_counted_as_kept_to_the_ten_percent_rule():
    weeks = days(16, 7)
    km = [0.0] * 15 + [9.0]
    limits = [None] * 16  # nothing run the week before: no limit
    chart = weekly_distance(weeks, km, limits, chart_id="w", title="t")
    assert "in geen van de" not in chart.summary.lower()
    assert (
        "De week ervoor liep u niet, dus met de 10%-regel valt deze week niet te vergelijken."
        in chart.summary
    )
    assert "Er is nog geen week die u met de week ervoor kunt vergelijken." in chart.summary


def test_the_only_week_of_a_new_log_says_it_has_no_week_before_to_compare_with():
    chart = weekly_distance(days(1, 7), [9.0], [None], chart_id="w", title="t")
    assert chart.summary.endswith("Er is nog geen week ervoor om met de 10%-regel mee te vergelijken.")
    assert "geen van de" not in chart.summary
