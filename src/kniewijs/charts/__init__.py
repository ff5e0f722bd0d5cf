"""Server-rendered SVG charts for the training log, each with a text alternative and a data table.

Pure Python (no Django, no JavaScript). Show `chart.title` as the figure's heading, `chart.svg` inline
(it is escaped already, so mark it safe), and `chart.table` as a data table in a <details> or visually
hidden, for readers who cannot see the chart."""

from kniewijs.charts.body import cadence_trend, pain_and_level, pain_over_load
from kniewijs.charts.charts import load_ratio, runs_with_spikes, shoe_distance, weekly_distance
from kniewijs.charts.svg import Chart

__all__ = [
    "Chart",
    "cadence_trend",
    "load_ratio",
    "pain_and_level",
    "pain_over_load",
    "runs_with_spikes",
    "shoe_distance",
    "weekly_distance",
]
