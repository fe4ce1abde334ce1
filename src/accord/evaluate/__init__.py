"""Measuring accord: scores against gold sentences, and error records for tuning."""

from accord.evaluate.errors import error_records
from accord.evaluate.gold import GoldActor, GoldError, GoldSentence, load_gold, normalize_code
from accord.evaluate.metrics import Case, Report, Share, TypeScore, aligned_event, score, type_scores

__all__ = [
    "Case", "GoldActor", "GoldError", "GoldSentence", "Report", "Share", "TypeScore",
    "aligned_event", "error_records", "load_gold", "normalize_code", "score", "type_scores",
]
