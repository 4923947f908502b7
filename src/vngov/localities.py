"""Localities: placeholder until issue 4 lands."""


def find(text: str) -> list[tuple[str, int, int]]:
    return []
