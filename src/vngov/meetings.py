"""Meetings: placeholder until the meetings extractor lands (issue 4)."""
from vngov.models import Article, Meeting


def extract_meetings(article: Article) -> tuple[Meeting, ...]:
    return ()
