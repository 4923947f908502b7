"""lexicon/indicators.toml: the designed indicator taxonomy, and how vngov.metrics.canonical uses it."""
import re

import pytest

from vngov.lexicon import load
from vngov.metrics import canonical, indicator, indicators, is_annual_level, label

LEX = load("indicators")
ENTRIES = LEX["indicator"]
REQUIRED = {"id": str, "name": str, "unit_class": list, "canonical_unit": str, "synonyms": list, "source": str}
OPTIONAL = {"parent": str, "annual_level": bool, "level": list}
LEVELS = {"province", "district", "commune"}
FIGURE_CLASSES = {"money", "percent", "points", "mass", "yield", "area", "volume", "length", "times", "power", "count"}


def test_the_file_has_only_known_sections():
    assert set(LEX) == {"unit_classes", "admit", "indicator"}
    assert set(LEX["admit"]) <= {"implicit", "denominator_cues", "rate_cues", "list_words", "growth_cues", "level_move_words", "share_of", "fraction_of",
                                 "sector_prefixes", "context", "weak_growth_words"}
    ids = {e["id"] for e in ENTRIES}
    for mapping in ("share_of", "fraction_of"):
        assert set(LEX["admit"][mapping]) <= ids and set(LEX["admit"][mapping].values()) <= ids
    for cls, admits in LEX["unit_classes"].items():
        assert set(admits) <= FIGURE_CLASSES, cls
    assert set(LEX["admit"]["implicit"]) <= FIGURE_CLASSES


def test_there_are_between_80_and_200_indicators_with_unique_ids():
    ids = [m["id"] for m in ENTRIES]
    assert 80 <= len(ids) <= 200
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("m", ENTRIES, ids=[m["id"] for m in ENTRIES])
def test_each_indicator_is_well_formed(m):
    for key, typ in REQUIRED.items():
        assert isinstance(m.get(key), typ), key
    for key, typ in OPTIONAL.items():
        assert key not in m or isinstance(m[key], typ), key
    assert set(m) <= set(REQUIRED) | set(OPTIONAL)
    assert re.fullmatch(r"[a-z][a-z0-9_]*", m["id"])
    assert m["name"][0].isupper() and m["canonical_unit"] and m["synonyms"] and m["unit_class"]
    assert all(isinstance(s, str) and s.strip() == s and s for s in m["synonyms"])
    assert m["source"] in ("QĐ 54/2016", "press")
    assert set(m.get("level", [])) <= LEVELS
    for c in m["unit_class"]:
        assert c in LEX["unit_classes"] or c == "count" or (c.startswith("count:") and len(c) > 6), c


def test_parents_exist_and_form_no_cycle():
    by_id = {m["id"]: m for m in ENTRIES}
    for m in ENTRIES:
        seen, p = {m["id"]}, m.get("parent")
        while p:
            assert p in by_id, (m["id"], p)
            assert p not in seen, f"cycle at {p}"
            seen.add(p)
            p = by_id[p].get("parent")


def _some_class(m):
    c = m["unit_class"][0]
    if c.startswith("count"):
        return "count", (c[6:] or None) if ":" in c else "x"
    return LEX["unit_classes"][c][0], None


@pytest.mark.parametrize("m", ENTRIES, ids=[m["id"] for m in ENTRIES])
def test_every_synonym_maps_back_to_its_indicator_or_a_more_specific_one(m):
    """Alone and with the indicator's own unit, a synonym names its indicator or one of its sub-indicators,
    or an indicator whose synonym says more (a longer wording that contains it)."""
    cls, noun = _some_class(m)
    for syn in m["synonyms"]:
        got = canonical(syn, cls, noun)
        assert got is not None, syn
        if got == m["id"] or _under(got, m["id"]):
            continue
        other = indicator(got)
        assert any(len(o) >= len(syn) for o in other.synonyms if o.casefold() in syn.casefold() or syn.casefold() in o.casefold()), (syn, got)


def _under(mid, ancestor):
    p = indicator(mid).parent
    while p:
        if p == ancestor:
            return True
        p = indicator(p).parent
    return False


def test_the_api_gives_the_structure():
    ind = indicator("budget_revenue_domestic")
    assert ind.name == "Thu nội địa" and ind.parent == "budget_revenue_territory"
    assert indicator(ind.parent).parent == "budget_revenue"
    assert indicator("per_capita_income").canonical_unit == "triệu đồng/người/năm"
    assert indicator("nothing") is None and len(indicators()) == len(ENTRIES)
    assert is_annual_level("poverty_rate") and is_annual_level("per_capita_income")
    assert not is_annual_level("budget_revenue") and not is_annual_level(None)
    assert label("budget_revenue") == "Thu ngân sách nhà nước (budget_revenue)"


@pytest.mark.parametrize("phrase, cls, noun, expected", [
    # a count never gets a money indicator
    ("cơ sở sản xuất công nghiệp", "count", "cơ sở", "industrial_establishments"),
    ("giá trị sản xuất công nghiệp", "money", None, "industrial_output"),
    ("giá trị sản xuất công nghiệp", "percent", None, "industrial_output"),   # its growth
    ("thành lập mới mô hình", "count", "mô hình", "economic_models"),
    ("thành lập mới doanh nghiệp", "count", "doanh nghiệp", "new_enterprises"),
    # the unit tells a rate from a count
    ("hộ nghèo", "percent", None, "poverty_rate"),
    ("giảm", "count", "hộ nghèo", "poor_households"),
    ("tỷ lệ hộ nghèo", "percent", None, "poverty_rate"),
    ("lúa", "area", None, "rice_area"), ("lúa", "yield", None, "rice_yield"), ("lúa", "mass", None, "rice_output"),
    ("thôn đạt chuẩn nông thôn mới", "count", "thôn", "ntm_villages"),
    ("xã đạt chuẩn nông thôn mới", "count", "xã", "ntm_communes"),
    ("xã đạt chuẩn nông thôn mới", "percent", None, "ntm_communes"),
    # sub-indicators
    ("tổng thu ngân sách", "money", None, "budget_revenue"),
    ("thu ngân sách trên địa bàn", "money", None, "budget_revenue_territory"),
    ("thu nội địa", "money", None, "budget_revenue_domestic"),
    ("giá trị sản xuất công nghiệp - xây dựng", "money", None, "sector_industry_construction"),
    ("diện tích xuống giống vụ lúa hè thu", "area", None, "rice_area"),
    ("sản phẩm 4 sao", "count", "sản phẩm", "ocop_4star"),
    ("kết nạp", "count", "đảng viên", "new_party_members"),
    ("thu nhập bình quân đầu người", "money", None, "per_capita_income"),
    ("tốc độ tăng trưởng tổng sản phẩm trong tỉnh", "percent", None, "grdp_growth"),
    ("tiêu chuẩn", "count", "tiêu chuẩn", "urban_criteria"),
    # a share's whole is not the metric
    ("chiếm dân số toàn phường", "percent", None, None),
    ("tổng thu nhập xã hội", "money", None, "social_income"),
    # the one-argument call admits every unit
    ("năng suất lúa", None, None, "rice_yield"),
])
def test_named_cases(phrase, cls, noun, expected):
    assert canonical(phrase, cls, noun) == expected


def test_the_one_argument_call_still_works():
    assert canonical("tổng thu ngân sách") == "budget_revenue"
    assert canonical(None) is None and canonical("") is None


@pytest.mark.parametrize("body, value, mid", [
    ("Năm 2023, nông nghiệp chiếm 19%, công nghiệp - xây dựng chiếm 39%.", 19, "share_agriculture"),
    ("Năm 2023, nông nghiệp chiếm 19%, công nghiệp - xây dựng chiếm 39%.", 39, "share_industry_construction"),
    ("Năm 2023, GRDP ước tăng 8,1%.", 8.1, "grdp_growth"),
    ("Năm 2023 thu ngân sách tăng 12% so với cùng kỳ.", 12, "budget_revenue"),
])
def test_a_percentage_level_is_read_with_its_rate_verb(body, value, mid):
    from vngov.corpus import parse_text
    from vngov.extract import extract_article
    figs = extract_article(parse_text("t", " date 2024-01 T\n\n" + body, "t.txt")).figures
    assert [f.metric_id for f in figs if f.value == value] == [mid]


def test_a_list_names_the_parent_and_a_percentage_rise_of_gdp_is_its_growth():
    from vngov.corpus import parse_text
    from vngov.extract import extract_article
    figs = extract_article(parse_text("t", " date 2024-01 T\n\nNăm 2023, tổng đàn gia súc, gia cầm 89.500 con, đạt 101,4% "
                                      "kế hoạch. GRDP ước tăng 8,1% so với cùng kỳ. Giá trị gia tăng bình quân đầu người "
                                      "đạt 54 triệu đồng/người/năm.", "t.txt")).figures
    assert [(f.value, f.metric_id) for f in figs] == [(89500, "livestock"), (101.4, "livestock"), (8.1, "grdp_growth"),
                                                      (54, "grdp_per_capita")]


def test_a_sector_percentage_is_its_share_unless_a_word_of_growth_comes_before_it():
    from vngov.metrics import rate_indicator, share_level
    sector = rate_indicator("thương mại - dịch vụ", "cơ cấu kinh tế: thương mại - dịch vụ ", "percent")
    assert sector == "sector_services"
    assert share_level(sector, "thương mại - dịch vụ", "cơ cấu kinh tế: thương mại - dịch vụ ") == "share_services"
    assert share_level(sector, "thương mại - dịch vụ", "thương mại - dịch vụ tăng ") is None
    assert share_level(sector, "tăng trưởng thương mại - dịch vụ", "đạt ") is None
    assert share_level("grdp", "GRDP", "") is None       # only sectors have a share


def test_budget_revenue_and_public_works_need_their_own_words():
    from vngov.metrics import canonical
    assert canonical("thu các dự án DDI", "money") != "budget_revenue_fdi"     # "thu (hút)" investment
    assert canonical("dự án đề nghị tài trợ kinh phí nghiên cứu", "count", "dự án") != "public_works"
    assert canonical("khởi công công trình", "count", "công trình") == "public_works"


def test_targets_set_met_and_missed_are_told_apart():
    from vngov.metrics import canonical, fraction_part
    assert canonical("đề ra chỉ tiêu cụ thể", "count", "chỉ tiêu") == "resolution_targets_set"
    assert canonical("chỉ tiêu đạt và vượt kế hoạch", "count", "chỉ tiêu") == "resolution_targets_met"
    assert canonical("chỉ tiêu chưa đạt", "count", "chỉ tiêu") == "resolution_targets_missed"
    assert fraction_part(canonical("chỉ tiêu đề ra", "count", "chỉ tiêu")) == "resolution_targets_met"
    assert fraction_part("budget_revenue") == "budget_revenue"


def test_growth_of_gross_output_is_not_grdp_growth_and_a_level_move_is_a_share():
    from vngov.metrics import rate_indicator, share_level
    assert rate_indicator("tốc độ tăng trưởng giá trị sản xuất", "", "percent") == "total_output_growth"
    assert rate_indicator("tốc độ tăng trưởng kinh tế", "", "percent") == "grdp_growth"
    sector = rate_indicator("khu vực công nghiệp-xây dựng", "khu vực công nghiệp-xây dựng tăng từ ", "percent")
    assert share_level(sector, "khu vực công nghiệp-xây dựng", "khu vực công nghiệp-xây dựng tăng từ ") \
        == "share_industry_construction"


def test_new_units_revenue_and_sector_output_get_their_own_ids():
    from vngov.metrics import canonical, rate_indicator
    assert canonical("thành lập mới chi bộ", "count", "chi bộ") == "party_organisations_new"
    assert canonical("chi bộ trực thuộc", "count", "chi bộ") == "party_organisations"
    assert canonical("doanh thu sản xuất công nghiệp", "money") == "business_revenue"
    assert canonical("giá trị sản xuất công nghiệp", "money") == "industrial_output"
    assert canonical("giá trị sản xuất ngành dịch vụ", "money") == "sector_services"
    assert rate_indicator("giá trị sản xuất", "tăng ", "percent") == "total_output_growth"


def test_the_head_of_a_phrase_through_its_indicator_name():
    from vngov.metrics import named_head
    assert named_head("thu nhập bình quân đầu người nâng lên rõ rệt") == "thu nhập bình quân đầu người"
    assert named_head("tổng thu ngân sách nhà nước trên địa bàn tăng cao") .startswith("tổng thu ngân sách")
    assert named_head("các phường bám sát kế hoạch") is None


def test_a_school_enrolment_rate_is_no_political_class():
    from vngov.metrics import canonical
    assert canonical("tỷ lệ huy động trẻ em ra lớp mẫu giáo", "percent") == "school_enrolment"
    assert canonical("mở lớp bồi dưỡng nhận thức về Đảng", "count", "lớp") == "political_training"
    assert canonical("lớp cảm tình Đảng", "count", "lớp") == "political_training"


def test_a_bare_parent_phrase_takes_the_sub_indicator_its_list_item_names():
    from vngov.metrics import canonical, in_context
    out = canonical("sản lượng", "mass")
    assert in_context(out, "sản lượng", "toàn huyện đã gieo sạ 72.545 ha, đã thu hoạch 49.100 ha, ",
                      "mass") == "rice_output"
    assert in_context(out, "sản lượng", "sản lượng lúa đạt 54.103 tấn; mô hình trồng màu với diện tích 187ha, ",
                      "mass") == out                            # the rice is another item's
    grain = canonical("sản lượng lương thực", "mass")
    assert in_context(grain, "sản lượng lương thực", "diện tích lúa 500 ha, ", "mass") == grain   # names its own
    sector = canonical("lĩnh vực nông - lâm - thủy sản", "money")
    assert in_context(sector, "lĩnh vực nông - lâm - thủy sản", "tổng giá trị sản xuất đạt 9.800 tỷ đồng, trong đó ",
                      "money") == "agricultural_output"


def test_revenue_collected_in_the_territory_and_capital_registered():
    from vngov.metrics import canonical
    assert canonical("tổng thu ngân sách Nhà nước tại địa bàn", "money") == "budget_revenue_territory"
    assert canonical("tổng vốn đầu tư đăng ký", "money") == "investment_attraction"
    assert canonical("tổng thu cân đối ngân sách nhà nước trên địa bàn", "money") == "budget_revenue_territory"
    assert canonical("thu ngoài quốc doanh", "money") == "budget_revenue_domestic"     # revenue, not investment
    assert canonical("phát triển doanh nghiệp", "count", "doanh nghiệp") == "new_enterprises"   # founded, not the stock


def test_generic_growth_words_yield_to_the_economy_they_are_said_of():
    from vngov.metrics import rate_indicator
    assert rate_indicator("tốc độ tăng trưởng bình quân ngành tiểu thủ công nghiệp", "", "percent") == "industrial_output"
    assert rate_indicator("tốc độ tăng trưởng tổng giá trị sản phẩm", "", "percent") == "total_output_growth"
    assert rate_indicator("tốc độ tăng trưởng kinh tế", "", "percent") == "grdp_growth"
    assert rate_indicator("tốc độ tăng trưởng GRDP", "", "percent") == "grdp_growth"


def test_a_range_of_stars_is_the_products_as_a_whole():
    from vngov.metrics import canonical
    assert canonical("sản phẩm đạt từ 3 đến 4 sao", "count", "sản phẩm") == "ocop_products"
    assert canonical("sản phẩm OCOP 4 sao", "count", "sản phẩm") == "ocop_4star"
    assert canonical("sản phẩm 3 sao", "count", "sản phẩm") == "ocop_3star"
