"""The numbered menus: main menu, other services, languages, rights topics."""

from __future__ import annotations

from bot import LANGUAGES
from bot.answers.reply import Reply
from bot.knowledge.model import KnowledgeBase, pick
from bot.language.catalogue import LANGUAGE_NAMES, t

MAIN_MENU = ("medical", "shelter", "food", "family_links", "legal", "psychosocial", "rights", "other", "language")
OTHER_MENU = ("water_hygiene", "connectivity", "protection")
RIGHTS_MENU = ("asylum", "detention", "health", "children", "deportation")


def category_label(kb: KnowledgeBase, code: str, lang: str) -> str:
    category = kb.categories.get(code)
    return pick(category.label, lang) if category else code.replace("_", " ")


def entries(kb: KnowledgeBase, menu: str, lang: str) -> list[tuple[str, str]]:
    """(code, label) of each entry of ``menu``, in order."""
    if menu == "main":
        out = []
        for code in MAIN_MENU:
            if code == "rights":
                out.append((code, t(lang, "menu_rights")))
            elif code == "other":
                out.append((code, t(lang, "menu_other")))
            elif code == "language":
                out.append((code, t(lang, "menu_language")))
            else:
                out.append((code, category_label(kb, code, lang)))
        return out
    if menu == "other":
        extra = [c for c in kb.categories if c not in MAIN_MENU and c not in OTHER_MENU]
        items = [(code, category_label(kb, code, lang)) for code in (*OTHER_MENU, *extra)]
        return [*items, ("report", t(lang, "menu_report")), ("person", t(lang, "menu_person"))]
    if menu == "language":
        return [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]
    if menu == "rights":
        return [(topic, t(lang, f"rights_topic_{topic}")) for topic in RIGHTS_MENU]
    return []


def numbered(items: list[tuple[str, str]]) -> str:
    return "\n".join(f"{i}. {label}" for i, (_, label) in enumerate(items, 1))


def main_menu(kb: KnowledgeBase, lang: str) -> Reply:
    items = entries(kb, "main", lang)
    text = f"{t(lang, 'menu_title')}\n{numbered(items)}\n{t(lang, 'menu_footer')}"
    return Reply([text], options=[label for _, label in items])


def other_menu(kb: KnowledgeBase, lang: str) -> Reply:
    items = entries(kb, "other", lang)
    return Reply([f"{t(lang, 'other_menu_title')}\n{numbered(items)}"], options=[label for _, label in items])


def language_menu(kb: KnowledgeBase, lang: str) -> Reply:
    items = entries(kb, "language", lang)
    return Reply([f"{t(lang, 'language_menu')}\n{numbered(items)}"], options=[label for _, label in items])


def rights_menu(kb: KnowledgeBase, lang: str) -> Reply:
    items = entries(kb, "rights", lang)
    return Reply([f"{t(lang, 'rights_menu')}\n{numbered(items)}"], options=[label for _, label in items])


def welcome(kb: KnowledgeBase, lang: str) -> Reply:
    """First contact: welcome, privacy line, language hint, menu."""
    intro = f"{t(lang, 'welcome')}\n{t(lang, 'privacy_short')}\n{t(lang, 'language_hint')}"
    return Reply([intro]).extend(main_menu(kb, lang))
