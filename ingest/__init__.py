"""Readers and the extraction pipeline: documents in, extraction contract out."""
