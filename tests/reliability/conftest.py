"""Fixtures of the reliability tests."""

import pytest

from .common import forget_broker_connections


@pytest.fixture
def unreachable_broker(settings):
    """Celery pointed at a port where no Redis listens, as when Redis is down."""
    settings.REDIS_URL = settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"
    settings.KNIEWIJS_JOBS_INLINE = False
    forget_broker_connections()
    yield
    forget_broker_connections()
