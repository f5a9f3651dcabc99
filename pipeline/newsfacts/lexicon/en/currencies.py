"""Currencies: symbols, ISO 4217 codes and words, written before or after an amount.

Read by the claims stage (quantities). Codes are ISO 4217; "¥" is read as CNY because the
project's main input is Chinese news (Japanese yen are usually written "yen" or "JPY"). The
wire-service transliterations ("PS" for £, "Y=" for ¥) are what unidecode-style cleaning makes.
"""

from __future__ import annotations

#: Currency symbols and codes written before the number. "¥" is read as CNY (the project's
#: corpus is Chinese news; Japanese yen are usually written "yen" or "JPY").
CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "nt$": "TWD", "r$": "BRL",
    "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₦": "NGN",
    "₫": "VND", "฿": "THB", "₺": "TRY", "₱": "PHP", "rs": "INR", "rs.": "INR", "rmb": "CNY",
}

#: Country prefixes written as a separate token before "$" ("US $84 billion", "c $ 16.4").
DOLLAR_COUNTRY = {"us": "USD", "u.s.": "USD", "au": "AUD", "c": "CAD", "ca": "CAD",
                  "hk": "HKD", "nz": "NZD", "nt": "TWD"}

#: Currency symbols also written after the number ("15 €", "100 ₡", "100元").
CURRENCY_SUFFIX = {"€": "EUR", "£": "GBP", "¥": "CNY", "元": "CNY", "₹": "INR", "₩": "KRW",
                   "₽": "RUB", "₡": "CRC", "₾": "GEL", "₭": "LAK", "ரூ": "LKR", "₫": "VND",
                   "$": "USD", "₺": "TRY", "₱": "PHP", "₦": "NGN", "฿": "THB"}

#: ISO 4217 codes accepted when written in capitals (before or after the number).
ISO_CODES = {
    "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "VND", "SEK", "NOK", "DKK", "CHF", "INR", "AUD",
    "CAD", "HKD", "SGD", "NZD", "KRW", "RUB", "BRL", "MXN", "ZAR", "TRY", "MYR", "IDR", "THB",
    "PHP", "PKR", "NGN", "EGP", "SAR", "AED", "ILS", "PLN", "CZK", "HUF", "TWD", "KES", "ARS",
    "CLP", "COP", "BDT", "LKR", "UAH", "RM",
}

#: Non-ISO codes written like one -> the ISO 4217 code.
ISO_ALIAS = {"RMB": "CNY", "RM": "MYR"}

#: Currency words written after the number (singular and plural forms).
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "euro": "EUR", "euros": "EUR", "sterling": "GBP", "yen": "JPY", "rupee": "INR",
    "rupees": "INR", "ringgit": "MYR", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS",
    "franc": "CHF", "francs": "CHF", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
    "kroner": "NOK", "baht": "THB", "dong": "VND", "peso": "MXN", "pesos": "MXN",
    "reais": "BRL", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "lira": "TRY", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR",
    "naira": "NGN", "markka": "FIM", "won": "KRW", "rupiah": "IDR", "hryvnia": "UAH",
}

#: Nationality words that change a currency word's code ("Australian dollars" -> AUD).
CURRENCY_NATIONALITY = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD", ("new zealand", "dollar"): "NZD", ("taiwan", "dollar"): "TWD",
    ("new taiwan", "dollar"): "TWD", ("zimbabwe", "dollar"): "ZWL", ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD", ("danish", "krone"): "DKK",
    ("norwegian", "krone"): "NOK", ("swedish", "krona"): "SEK", ("philippine", "peso"): "PHP",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("indian", "rupee"): "INR", ("swiss", "franc"): "CHF",
    ("brazilian", "real"): "BRL", ("british", "pound"): "GBP", ("egyptian", "pound"): "EGP",
    # English translations of krone/krona/koruna used by wire services ("9 million Danish crowns")
    ("danish", "crown"): "DKK", ("norwegian", "crown"): "NOK", ("swedish", "crown"): "SEK",
    ("czech", "crown"): "CZK", ("icelandic", "crown"): "ISK",
}

#: Glued forms: Australian-press "$US"/"$A", and the ASCII transliterations "PS" (£) and
#: "Y=" (¥, wire-service yen) that unidecode-style text cleaning produces (lower-cased).
GLUED_CURRENCY = {"$us": "USD", "$a": "AUD", "$au": "AUD", "$c": "CAD", "$nz": "NZD",
                  "$hk": "HKD", "$s": "SGD", "ps": "GBP", "y=": "JPY"}

#: Currency words whose plural is written with "s", for the nationality lookup ("Danish crowns").
PLURAL_S_CURRENCY_WORDS = frozenset({"dollar", "pound", "peso", "rupee", "franc", "krone", "crown"})

#: Irregular plurals of currency words, for the nationality lookup ("Danish kroner").
IRREGULAR_CURRENCY_PLURALS = {"kroner": "krone"}

#: Nationality words before a local currency word ("Finnish markka", "Chinese yuan"): the
#: currency word decides the code; with "dollar" only ``CURRENCY_NATIONALITY`` does.
LOCAL_CURRENCY_NATIONALITIES = frozenset({
    "finnish", "chinese", "japanese", "korean", "south korean", "thai", "vietnamese", "malaysian",
    "indonesian", "russian", "turkish", "israeli", "south african", "nigerian", "saudi", "emirati",
    "ukrainian",
})

#: "dollar" written after a nationality not in ``CURRENCY_NATIONALITY`` names no known currency.
DOLLAR_WORDS = frozenset({"dollar", "dollars"})

#: "pound(s)": sterling or weight; sterling after a scale word or before "sterling".
POUND_WORDS = frozenset({"pound", "pounds"})

#: Currency words that are also English words ("won", "real"): money only after a scale word
#: ("2 billion won"; "reais", the plural of real, likewise).
SCALE_ONLY_CURRENCY_WORDS = frozenset({"won", "real", "reais"})

#: Currency words not read after a vague plural ("millions of real fans": English words there).
NOT_AFTER_VAGUE_PLURAL = frozenset({"won", "real"})

#: Lemmas and words that make "pounds" money, not weight, when they govern the quantity or stand
#: just before it ("costs 20,000 pounds", "a fine of 5,000 pounds", "paid 2 million pounds").
#: ("fined": spaCy 3.8's lemma of "fined" is "fin".)
MONEY_CUES = frozenset({
    "cost", "price", "pay", "worth", "fine", "salary", "wage", "fee", "spend", "budget", "revenue",
    "profit", "sell", "buy", "earn", "raise", "invest", "charge", "bill", "tax", "debt", "donate",
    "bonus", "compensation", "valued", "value", "save", "owe", "lend", "borrow", "loan", "fund",
    "award", "prize", "rent", "income", "turnover", "sale", "fined",
})
