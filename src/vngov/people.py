"""People: placeholder until the people extractor lands (issue 4)."""
from vngov.models import Article, Person


def extract_people(article: Article) -> tuple[Person, ...]:
    return ()
