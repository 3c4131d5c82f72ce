"""Developer tools: NLU evaluation and benchmarks (these import Rasa)."""
