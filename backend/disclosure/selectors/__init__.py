"""Reads of the disclosure app: the review queue and detail, requests, statistics."""

from disclosure.selectors.requests import requests_for_officers
from disclosure.selectors.reviews import review_detail, review_queue, reviews_for_officers
from disclosure.selectors.stats import transparency_stats

__all__ = [
    "requests_for_officers",
    "review_detail",
    "review_queue",
    "reviews_for_officers",
    "transparency_stats",
]
