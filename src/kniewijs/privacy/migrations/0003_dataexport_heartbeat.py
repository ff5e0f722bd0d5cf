from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0002_data_export"),
    ]

    operations = [
        migrations.AddField(
            model_name="dataexport",
            name="run_token",
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="dataexport",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="dataexport",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0),
        ),
    ]
