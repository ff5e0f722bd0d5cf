"""Celery for a clinic deployment: imports, booking e-mails and reminders run on workers, with Redis as the
broker. Without REDIS_URL nothing here is used: `kniewijs.tasks.dispatch` runs the same functions in-process.

Tasks are acknowledged late (a worker killed halfway leaves the message for another worker) and every task
is idempotent: an import skips files it already stored, a reminder is claimed in the database before it is
sent.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kniewijs.settings")

app = Celery("kniewijs")
# The broker comes from Django's settings (CELERY_BROKER_URL = REDIS_URL), read when first needed.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_default_queue="kniewijs",
    broker_connection_retry_on_startup=True,
    timezone="Europe/Amsterdam",
    beat_schedule={
        "booking-reminders": {"task": "kniewijs.tasks.booking_reminders", "schedule": 15 * 60},
        "purge-exports": {"task": "kniewijs.tasks.purge_exports", "schedule": crontab(hour=3, minute=30)},
        "programme-reminders": {
            "task": "kniewijs.tasks.programme_reminders",
            "schedule": crontab(hour=7, minute=0),
        },
    },
)
app.autodiscover_tasks(["kniewijs"], related_name="tasks")
