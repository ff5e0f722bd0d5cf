"""A run's knee pain moves to the training log's daily entry of that day, its one record. Where both held a
figure for the same moment, the higher one is kept: the cautious reading of two notes of one day."""

from django.db import migrations, models
from django.db.models import Q

PAIN_FIELDS = ("pain_during", "pain_after", "pain_next_morning")


def move_run_pain(apps, schema_editor):
    SessionLog = apps.get_model("recovery", "SessionLog")
    DailyEntry = apps.get_model("training", "DailyEntry")
    runs = SessionLog.objects.filter(kind="run").select_related("programme")
    for log in runs.iterator():
        figures = {name: getattr(log, name) for name in PAIN_FIELDS}
        if not log.swelling and all(value is None for value in figures.values()):
            continue
        entry, _ = DailyEntry.objects.get_or_create(user_id=log.programme.user_id, date=log.date)
        for name, value in figures.items():
            if value is not None:
                stored = getattr(entry, name)
                setattr(entry, name, value if stored is None else max(stored, value))
        entry.swelling = entry.swelling or log.swelling
        entry.save()
    runs.update(pain_during=None, pain_after=None, pain_next_morning=None, swelling=False)


class Migration(migrations.Migration):
    dependencies = [
        ("recovery", "0001_initial"),
        ("training", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_run_pain, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="sessionlog",
            constraint=models.CheckConstraint(
                condition=~Q(kind="run")
                | Q(
                    pain_during__isnull=True,
                    pain_after__isnull=True,
                    pain_next_morning__isnull=True,
                    swelling=False,
                ),
                name="run_pain_lives_in_the_daily_entry",
            ),
        ),
    ]
