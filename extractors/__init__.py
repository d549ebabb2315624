"""Extractors: small, pure components that find mentions in a paper's title and abstract.

Each extractor module holds one technique; :mod:`extractors.base` defines the
protocol they share. Pattern and lexicon data live in ``extractors/data``.
"""
