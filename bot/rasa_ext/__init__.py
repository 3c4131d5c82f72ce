"""Rasa extensions: the privacy-preserving tracker store. (Imports Rasa; not part of the core.)"""
