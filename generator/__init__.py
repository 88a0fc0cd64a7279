"""ward-news: static news and annual-report sites for Vietnamese wards."""

__version__ = "0.4.0"
