"""kg: a knowledge-graph builder for the machine-learning literature.

Stages, each a module: ``ingest`` (paper records) -> ``extract`` (mentions and
per-paper extraction records) -> ``graph`` (typed nodes and relationships)
-> ``store`` (LadybugDB, embedded Cypher) / ``rdf`` (RDF export).
"""

__version__ = "0.1.0"
