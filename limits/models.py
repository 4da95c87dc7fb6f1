"""
Counters that every worker process and every machine sees (limits.counters), kept in the
database when Redis is not configured or cannot be reached.
"""

from django.db import models


class Counter(models.Model):
    """How often something keyed by ``key`` happened in the window that ends at ``expires_at``."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count} until {self.expires_at:%Y-%m-%d %H:%M}"
