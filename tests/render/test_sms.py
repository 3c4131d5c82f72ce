from bot.render.sms import is_gsm7, segments, to_gsm7
from bot.render.split import split_message


def test_gsm7_transliteration_keeps_text_readable():
    assert to_gsm7("Atención médica, niños") == "Atencion médica, niños"
    assert to_gsm7("atenção já") == "atencao ja"
    assert is_gsm7(to_gsm7("Kreyòl: doktè 📍"))


def test_segments():
    assert segments("a" * 160) == 1
    assert segments("a" * 161) == 2
    assert segments("a" * 306) == 2 and segments("a" * 307) == 3
    assert segments("á" * 70) == 1 and segments("á" * 71) == 2
    assert segments("{" * 80) == 1 and segments("{" * 81) == 2  # extension characters count twice


def test_split_at_boundaries():
    text = "\n\n".join(f"paragraph {i} " + "word " * 50 for i in range(20))
    parts = split_message(text, 1600)
    assert all(len(p) <= 1600 for p in parts)
    assert "".join(p.replace("\n", "") for p in parts).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert split_message("x" * 5000, 4096)[0] == "x" * 4096
