"""Figures: placeholder until the figures extractor lands (issue 3)."""
from vngov.models import Article, DocContext, Figure


def extract_figures(article: Article, ctx: DocContext) -> tuple[Figure, ...]:
    return ()
