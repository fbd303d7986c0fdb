"""Importing profile documents: ``parse`` (pure, no Django) reads a document into
records; ``load`` validates and writes them; ``services`` runs a whole import."""
