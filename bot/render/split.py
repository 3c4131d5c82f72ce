"""Splitting long answers into messages a channel accepts, at sensible boundaries."""

from __future__ import annotations

WHATSAPP_LIMIT = 1600


def split_message(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut between paragraphs, then lines, then words."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    pieces: list[str] = []
    current = ""
    for sep in ("\n\n", "\n", " "):
        if sep in text:
            parts = text.split(sep)
            break
    else:
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    for part in parts:
        candidate = f"{current}{sep}{part}" if current else part
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if len(part) > limit:
            sub = split_message(part, limit)
            pieces.extend(sub[:-1])
            current = sub[-1] if sub else ""
        else:
            current = part
    if current:
        pieces.append(current)
    return pieces
