"""Rights texts are knowledge: sourced, dated, current, in every language, for the route's countries."""


import pytest

from bot import LANGUAGES, clock
from bot.knowledge.loader import RIGHTS_TOPICS

COUNTRIES = ("MX", "GT", "HN", "CR", "PA", "CO", "US", "INT")


def test_every_entry_has_a_source_and_a_recent_review(knowledge):
    today = clock.today()
    for (country, topic), entry in knowledge.kb.rights.items():
        assert entry.sources and all(s.title for s in entry.sources), (country, topic)
        assert entry.reviewed_on is not None, (country, topic)
        assert (today - entry.reviewed_on).days <= 365, f"{country}/{topic} reviewed {entry.reviewed_on}: review it again"


@pytest.mark.parametrize("country", COUNTRIES)
def test_each_country_has_each_topic_in_every_language(knowledge, country):
    for topic in RIGHTS_TOPICS:
        entry = knowledge.kb.rights.get((country, topic))
        assert entry is not None, (country, topic)
        assert all(entry.text.get(lang) for lang in LANGUAGES), (country, topic)


def test_key_facts(knowledge):
    mx_asylum = knowledge.kb.rights[("MX", "asylum")]
    assert "COMAR" in mx_asylum.text["es"] and "30" in mx_asylum.text["es"]
    detention = knowledge.kb.rights[("MX", "detention")].text["es"].lower()
    assert "consulado" in detention and ("abogad" in detention or "defensor" in detention)
    assert "refoul" in " ".join(knowledge.kb.rights[("INT", "asylum")].text.values()).lower() or \
        "devolución" in knowledge.kb.rights[("INT", "asylum")].text["es"].lower()


def test_a_stale_or_unsourced_entry_is_reported(tmp_path):
    from bot.knowledge.loader import load_knowledge
    from tests.conftest import write

    write(tmp_path / "rights" / "MX.yml", """
        country: MX
        entries:
          - topic: asylum
            reviewed_on: 2024-01-01
            text: {es: texto}
          - topic: health
            reviewed_on: 2026-11-01
            sources: [{title: Ley General de Salud, art. 77 bis 7}]
            text: {es: texto}
        """)
    result = load_knowledge(tmp_path)
    text = "\n".join(map(str, result.problems))
    assert "has no 'sources'" in text
    assert "more than 12 months ago" in text
