"""PolicyGraph: news and policy texts -> a knowledge graph of sanctions, with evidence."""

__version__ = "0.1.0"
