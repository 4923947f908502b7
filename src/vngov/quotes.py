"""Quotes and directives: placeholder until issue 4 lands."""
from vngov.models import Article, Directive, Person, Quote


def extract_quotes(article: Article, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    return ()


def extract_directives(article: Article, people: tuple[Person, ...]) -> tuple[Directive, ...]:
    return ()
