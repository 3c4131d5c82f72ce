"""Data protection: pseudonyms for sender ids, log masking, retention."""
