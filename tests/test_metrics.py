"""vngov.metrics: the shortest phrase naming what is measured, and its canonical indicator."""
import pytest

from vngov.metrics import canonical, clean, label, names_nothing, starts_with_place


@pytest.mark.parametrize("words, metric", [
    ("thành phố đón lượt khách du lịch", "đón lượt khách du lịch"),
    ("các tổ chức cơ sở đảng kết nạp đảng viên", "kết nạp đảng viên"),
    ("Toàn huyện kết nạp quần chúng ưu tú vào Đảng", "kết nạp quần chúng ưu tú vào Đảng"),
    ("TP Hà Tĩnh thu hút dự án", "thu hút dự án"),
])
def test_the_actor_before_a_result_verb_is_not_the_metric(words, metric):
    assert clean(words) == metric


@pytest.mark.parametrize("words", ["xã đạt chuẩn NTM", "nhân dân đóng góp", "thu ngân sách"])
def test_a_phrase_without_an_actor_stays(words):
    assert clean(words) == words


def test_the_name_after_an_actor_must_be_capitalised():
    """Lower-case words after "UBKT các cấp" are the metric, not part of a name."""
    assert clean("UBKT các cấp kiểm tra tổ chức đảng") == "kiểm tra tổ chức đảng"


@pytest.mark.parametrize("phrase, key", [
    ("tổng thu ngân sách", "budget_revenue"), ("thu nhập bình quân đầu người", "per_capita_income"),
    ("năng suất lúa", "rice_yield"),
])
def test_common_indicators_have_a_canonical_id(phrase, key):
    assert canonical(phrase) == key


def test_an_unknown_phrase_has_no_id_and_labels_as_itself():
    assert canonical("số cây xanh trồng mới trong khuôn viên trường") is None
    assert label("budget_revenue") == "Thu ngân sách nhà nước (budget_revenue)"
    assert label("một chỉ số lạ") == "một chỉ số lạ"


@pytest.mark.parametrize("words, metric", [
    ("Tổng vốn đầu tư phát triển toàn xã hội ước đạt", "tổng vốn đầu tư phát triển toàn xã hội"),
    ("tổng vốn đầu tư toàn xã hội", "tổng vốn đầu tư toàn xã hội"),
    ("hợp tác xã và", "hợp tác xã"),
    ("GRDP tăng từ", "GRDP"),
    ("tỷ lệ hộ nghèo duy trì giảm ở mức dưới và", "tỷ lệ hộ nghèo"),
])
def test_a_metric_keeps_whole_words_and_drops_list_fragments_and_links(words, metric):
    assert clean(words) == metric


def test_word_segmentation_only_runs_where_a_cut_splits_a_word(monkeypatch):
    from vngov.metrics import phrase as metrics
    calls = []
    real = metrics._segment
    monkeypatch.setattr(metrics, "_segment", lambda s: calls.append(s) or real(s))
    metrics.clean.cache_clear()
    metrics._compound.cache_clear()
    assert clean("giá trị sản xuất công nghiệp ước đạt") == "giá trị sản xuất công nghiệp"
    assert calls == []                      # only final verbs were cut: nothing to segment
    assert clean("vốn đầu tư toàn xã hội đạt") == "vốn đầu tư toàn xã hội"
    assert calls == []                      # a lexicon term across the cut is held without segmenting
    assert metrics._split_words("an ninh trật tự", "ninh trật tự") == ["an ninh"]
    assert calls                            # a compound the lexicon does not list: the segmenter decides


@pytest.mark.parametrize("words, metric", [
    ("đảng viên trong toàn Đảng bộ xã Khun Há", "đảng viên"),
    ("Chiềng Sinh hướng tới giảm tỷ lệ hộ nghèo xuống", "giảm tỷ lệ hộ nghèo"),
    ("ước thực hiện giải ngân", "giải ngân"),
    # "trên địa bàn" names the indicator (revenue collected on the territory); the unit after it is a place
    ("thu ngân sách trên địa bàn huyện", "thu ngân sách trên địa bàn"),
    ("tổng thu ngân sách nhà nước trên địa bàn quận Hoàn Kiếm", "tổng thu ngân sách nhà nước trên địa bàn"),
    ("Trung bình hằng năm Ba Tơ giảm", ""),
    ("trung bình mỗi năm giải quyết việc làm cho", "giải quyết việc làm"),
    ("tỷ lệ hộ nghèo đến cuối năm", "tỷ lệ hộ nghèo"),
    ("chiếm tỷ lệ", "tỷ lệ"),
])
def test_place_qualifiers_target_verbs_and_estimate_openers_are_not_the_metric(words, metric):
    assert clean(words) == metric


def test_a_sentence_that_lost_the_space_after_its_full_stop_still_ends():
    from vngov.text import sentences
    body = "Nhiều dự án tạo việc làm cho người dân.Trung bình hằng năm giảm 5% hộ nghèo. TP.Hà Tĩnh phát triển."
    assert [body[a:b] for a, b in sentences(body)] == [
        "Nhiều dự án tạo việc làm cho người dân.", "Trung bình hằng năm giảm 5% hộ nghèo.", "TP.Hà Tĩnh phát triển."]


@pytest.mark.parametrize("words, metric", [
    ("duy trì tăng trưởng kinh tế", "tăng trưởng kinh tế"),
    ("nâng tổng số xã đạt chuẩn", "tổng số xã đạt chuẩn"),
    ("Thành phố đã hoàn thành", ""),
])
def test_verbs_around_the_metric_are_not_part_of_it(words, metric):
    assert clean(words) == metric


def test_a_place_named_after_cua_is_not_part_of_the_metric():
    from vngov.metrics import clean
    assert clean("GRDP của Nam Định") == "GRDP"
    assert clean("thu nhập của người dân") == "thu nhập của người dân"    # not a place


@pytest.mark.parametrize("words, metric", [
    ("tốc độ tăng trưởng kinh tế huyện Can Lộc có mức tăng trưởng cao nhất đạt", "tốc độ tăng trưởng kinh tế"),
    ("huyện Ea H’leo đạt", ""),
    ("huyện Hương Khê đạt tăng trưởng", "tăng trưởng"),
])
def test_a_place_that_leads_a_list_item_is_not_the_metric(words, metric):
    assert clean(words) == metric


def test_a_place_linked_by_voi_is_not_cut_with_what_follows():
    assert clean("sáp nhập xã Thạch Bình với diện tích tự nhiên") != ""


def test_link_words_alone_name_nothing():
    assert names_nothing("trong") and names_nothing("và với")
    assert not names_nothing("xã") and not names_nothing("hộ nghèo")


def test_a_list_item_opening_with_a_place():
    assert starts_with_place("huyện Lộc Hà đạt") and starts_with_place("xã Ea Tul có")
    assert not starts_with_place("thu ngân sách huyện Lộc Hà")


def test_a_word_is_never_held_across_a_names_edge():
    # the segmenter may join "Hồng đề"; the name ends before the verb all the same
    assert clean("Phường Diên Hồng đề ra") == "đề ra"


def test_targets_not_reached_with_words_between():
    assert canonical("chỉ tiêu thực hiện không đạt kế hoạch đề ra", "count", "chỉ tiêu") == "resolution_targets_missed"
