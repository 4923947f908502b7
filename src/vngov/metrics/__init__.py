"""What a figure measures: its metric phrase (:mod:`.phrase`) and its canonical indicator (:mod:`.indicators`)."""
from vngov.metrics.indicators import (Indicator, canonical, indicator, in_context, indicators, is_annual_level, label, named_head,
                                      rate_indicator, share_level, fraction_part)
from vngov.metrics.phrase import clean, is_generic, is_growth, names_nothing, starts_with_place, without_place

__all__ = ["Indicator", "canonical", "fraction_part", "clean", "indicator", "in_context", "indicators", "is_annual_level", "is_generic",
           "is_growth", "label", "named_head", "names_nothing", "rate_indicator", "share_level", "starts_with_place", "without_place"]
