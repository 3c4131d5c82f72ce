"""Checks of single values that staff get wrong: phone numbers, coordinates, language codes."""

from __future__ import annotations

from typing import Any

import phonenumbers

ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io "
    "is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr "
    "ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si "
    "sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh "
    "yi yo za zh zu".split()
)


def looks_fictitious(number: str) -> bool:
    """A sample number in the project's fictitious form: the country code followed by 000."""
    digits = "".join(ch for ch in number if ch.isdigit())
    try:
        parsed = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return True
    national = digits[len(str(parsed.country_code)) :]
    return national.startswith("000") or not phonenumbers.is_possible_number(parsed)


def check_phone(number: str, country: str, sample: bool) -> str | None:
    """What is wrong with a service's phone number, or None."""
    text = number.strip()
    if sample:
        if not looks_fictitious(text):
            return (f"'{number}' is a sample service's phone but looks like a real number; use the fictitious "
                    f"form +<country code> 000 555 01NN so that nobody real gets called")
        return None
    try:
        parsed = phonenumbers.parse(text, country or None)
    except phonenumbers.NumberParseException:
        return f"'{number}' is not a phone number; write it like +52 962 123 4567"
    if len(text) <= 6 and text.isdigit():  # short codes (911, 123) are valid where the country says so
        return None
    if not phonenumbers.is_valid_number(parsed):
        return f"'{number}' is not a valid phone number for {country}; check the digits and the country code"
    region = phonenumbers.region_code_for_number(parsed)
    if country and region and region != country and not text.startswith("+"):
        return f"'{number}' belongs to {region}, not {country}; write it with its + country code"
    return None


def check_coordinates(gazetteer: Any, lat: float, lon: float, country: str) -> str | None:
    """Whether the point lies in the stated country (by the box of its towns); spots swapped values."""
    box = gazetteer.country_box(country)
    if box is None:
        return None
    inside = box[0] <= lat <= box[1] and box[2] <= lon <= box[3]
    if inside:
        return None
    if box[0] <= lon <= box[1] and box[2] <= lat <= box[3]:
        return f"latitude {lat} and longitude {lon} look swapped for {country}; exchange them"
    return f"the point {lat}, {lon} is outside {country}; check the coordinates and the country code"
