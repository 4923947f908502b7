"""vngov.quotes: quotes and directives with their speakers."""
from vngov.corpus import parse_text
from vngov.people import extract_people
from vngov.quotes import extract_directives, extract_quotes


def run(body: str):
    art = parse_text("q", body, "q.txt")
    people = extract_people(art)
    return art, extract_quotes(art, people), extract_directives(art, people)


def test_caption_quote_line_gives_speaker_role_and_words():
    art, quotes, _ = run("Giám đốc Sở Tài chính Đào Văn Khánh: “Cần rà soát lại toàn bộ các khoản chi thường xuyên”.")
    [q] = quotes
    assert (q.speaker, q.role) == ("Đào Văn Khánh", "Giám đốc Sở Tài chính")
    assert q.text == "Cần rà soát lại toàn bộ các khoản chi thường xuyên"
    assert art.body[q.evidence.start:q.evidence.end] == q.evidence.text


def test_caption_quote_without_quotation_marks():
    _, quotes, _ = run("Trưởng ban Dân vận Huyện ủy Lê Thị Hoa: Cần phát huy vai trò của Nhân dân trong xây dựng NTM.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Lê Thị Hoa", "Cần phát huy vai trò của Nhân dân trong xây dựng NTM.")]


def test_inline_speech_verb_and_colon():
    _, quotes, _ = run("Phát biểu kết luận, Bí thư Tỉnh ủy Ngô Văn Tuấn khẳng định: “Tỉnh sẽ tháo gỡ mọi vướng mắc cho nhà đầu tư”.")
    assert [q.speaker for q in quotes] == ["Ngô Văn Tuấn"]


def test_a_colon_after_a_name_in_running_text_is_not_a_quote():
    _, quotes, _ = run("Hội nghị đã bầu các đồng chí Lê Văn Một, Trần Văn Hai vào Ban Thường vụ gồm: tổ chức, kiểm tra.")
    assert quotes == ()


def test_directive_by_a_named_speaker():
    _, _, directives = run("Bí thư Huyện ủy Đỗ Thị Hằng yêu cầu các xã đẩy nhanh tiến độ giải phóng mặt bằng.")
    [d] = directives
    assert (d.speaker, d.verb, d.role) == ("Đỗ Thị Hằng", "yêu cầu", "Bí thư Huyện ủy")
    assert d.clause == "các xã đẩy nhanh tiến độ giải phóng mặt bằng"


def test_directive_by_a_title_resolves_to_its_holder():
    _, _, directives = run("Chủ tịch UBND tỉnh Phan Văn Mai dự hội nghị.\n\n"
                           "Chủ tịch UBND tỉnh cũng đề nghị các sở, ngành phối hợp chặt chẽ với huyện.")
    assert [(d.speaker, d.verb) for d in directives] == [("Phan Văn Mai", "đề nghị")]


def test_a_cue_word_used_as_a_noun_is_no_directive():
    _, _, directives = run("Công tác cán bộ đảm bảo yêu cầu về tiêu chuẩn, số lượng và chất lượng.")
    assert directives == ()


def test_an_organisation_is_no_speaker():
    _, _, directives = run("Sở Xây dựng đề nghị UBND huyện sớm hoàn thiện hồ sơ.")
    assert directives == ()
