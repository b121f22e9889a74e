"""PolicyGraph: news and policy texts -> a knowledge graph of sanctions, with evidence."""

from importlib.metadata import PackageNotFoundError, version

try:  # the one version number is pyproject.toml's, as installed
    __version__ = version("policygraph")
except PackageNotFoundError:  # a checkout on the path without any install
    __version__ = "0.0.0"
