"""Currency surfaces as data: symbols, ISO codes and names, each mapped to an ISO 4217 code.

`DOLLAR` marks a bare dollar ("$", "dollars"): ambiguous between USD, HKD, SGD, AUD … and
resolved per document (see `money.resolve_dollar`). The marks of `AMBIGUOUS` ("¥", "T$",
"元") stand for themselves until the text around them settles them (`money.resolve_mark`).
The surfaces added since the first tables, and the ambiguous marks, are data:
data/currency_marks.toml, with their provenance.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

DOLLAR = "$"  # placeholder code for an unqualified dollar, resolved later

# Symbols and prefixed forms written before the amount ("US$ 7bn", "HK$3", "RMB 3.2bn").
PREFIXES: dict[str, str] = {
    "US$": "USD",
    "US $": "USD",
    "U.S.$": "USD",
    "U.S. $": "USD",
    "USD$": "USD",
    "HK$": "HKD",
    "S$": "SGD",
    "SG$": "SGD",
    "SGD$": "SGD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "CAN$": "CAD",
    "NZ$": "NZD",
    "NT$": "TWD",
    "R$": "BRL",
    "MX$": "MXN",
    "Mex$": "MXN",
    "$": DOLLAR,
    "＄": DOLLAR,
    "€": "EUR",
    "£": "GBP",
    "￡": "GBP",
    "¥": "JPY",
    "￥": "JPY",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₫": "VND",
    "฿": "THB",
    "₱": "PHP",
    "₦": "NGN",
    "₴": "UAH",
    "₡": "CRC",
    "₿": "XBT",
    "₾": "GEL",
    "₭": "LAK",
    "₤": "GBP",
    "֏": "AMD",
    "﷼": "SAR",
    "Rp": "IDR",
    "RM": "MYR",
    "Fr.": "CHF",
    "R": "ZAR",
    "人民币": "CNY",
    "RMB": "CNY",
    "Rmb": "CNY",
}

# Written after the amount ("3.2 billion RMB", "149,98 €", "950 грн.", "45亿元").
SUFFIXES: dict[str, str] = {
    "$": DOLLAR,
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₫": "VND",
    "đ": "VND",
    "VNĐ": "VND",
    "₩": "KRW",
    "₴": "UAH",
    "Kč": "CZK",
    "zł": "PLN",
    "Zł": "PLN",
    "zl": "PLN",
    "Ft": "HUF",
    "lei": "RON",
    "Lei": "RON",
    "LEI": "RON",
    "TL": "TRY",
    "kn": "HRK",
    "лв.": "BGN",
    "лв": "BGN",
    "грн.": "UAH",
    "грн": "UAH",
    "руб.": "RUB",
    "руб": "RUB",
    "р.": "RUB",
    "元": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "日元": "JPY",
    "欧元": "EUR",
    "英镑": "GBP",
    "韩元": "KRW",
    "円": "JPY",
    "원": "KRW",
    "RMB": "CNY",
    "kr": "SEK",
    "kr.": "DKK",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₤": "GBP",
    "֏": "AMD",
    "﷼": "SAR",
    "Р": "RUB",
    "р": "RUB",
    "ريال": "SAR",
    "ریال": "IRR",
    "تومان": "IRR",
    "ج.م": "EGP",
    "دج": "DZD",
    "Br": "BYN",
    "CFA": "XOF",
    "LD": "LYD",
    "Db": "STN",
    "FG": "GNF",
    "Rs": "INR",
    "Rs.": "INR",
    "RM": "MYR",
    "LE": "EGP",
    "L.E.": "EGP",
    "L.E": "EGP",
    "R$": "BRL",
    "฿": "THB",
    "₱": "PHP",
    "₦": "NGN",
    "ரூ": "LKR",
    "KD": "KWD",
    "BD": "BHD",
    "DT": "TND",
    "₼": "AZN",
    "৳": "BDT",
    "؋": "AFN",
    "ƒ": "ANG",
    "Lek": "ALL",
    "BZ$": "BZD",
    "Nu.": "BTN",
    "FBu": "BIF",
    "៛": "KHR",
    "FCFA": "XAF",
    "KMF": "KMF",
    "₣": "CHF",
    "CUC$": "CUC",
    "Fdj": "DJF",
    "RD$": "DOP",
    "Nfk": "ERN",
    "GH₵": "GHS",
    "₵": "GHS",
    "Rp": "IDR",
    "J$": "JMD",
    "MK": "MWK",
    "Rf": "MVR",
    "UM": "MRU",
    "₨": "PKR",
    "₮": "MNT",
    "B/.": "PAB",
    "S/.": "PEN",
    "NT$": "TWD",
    "ЅM": "TJS",
    "TSh": "TZS",
    "T$": "TOP",
    "TT$": "TTD",
    "USh": "UGX",
    "$U": "UYU",
    "VT": "VUV",
    "Bs": "VES",
    "ZK": "ZMW",
    "Z$": "ZWL",
    "₿": "XBT",
    "₶": "EUR",
    "E£": "EGP",
    "جنيه": "EGP",
    "درهم": "AED",
    "دينار": "KWD",
    "ر.س": "SAR",
    "บาท": "THB",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "US$": "USD",
    "CHF": "CHF",
    "Fr.": "CHF",
    "SFr.": "CHF",
    "Kr": "SEK",
    "Kr.": "DKK",
    "NIS": "ILS",
    "ש״ח": "ILS",
    'ש"ח': "ILS",
    "ش.ج": "ILS",
    "₸": "KZT",
    "тг": "KZT",
    "￡": "GBP",
    "圆": "CNY",
    "Ƀ": "XBT",
    "KSh": "KES",
    "KShs": "KES",
    "Ks": "MMK",
    "Nu": "BTN",
    "Vt": "VUV",
    "Ar": "MGA",
    "GFr": "GNF",
    "FRw": "RWF",
    "R₣": "RWF",
    "G$": "GYD",
    "GY$": "GYD",
    "S/": "PEN",
    "so'm": "UZS",
    "ден": "MKD",
    "ДЕН": "MKD",
    "дин": "RSD",
    "Дин": "RSD",
    "ብር": "ETB",
    "ናቕፋ": "ERN",
    "نافكا": "ERN",
    "ლ": "GEL",
    "ლარი": "GEL",
    "රු": "LKR",
    # Arabic abbreviations: dinar (د), dirham (د), riyal (ر), pound (ل / ج) and the country
    "د.إ": "AED",
    ".د.ب": "BHD",
    "د.ب": "BHD",
    "د.ج": "DZD",
    "د.ع": "IQD",
    "ع.د": "IQD",
    "د.أ": "JOD",
    "د.ا": "JOD",
    "د.ك": "KWD",
    "د.ل": "LYD",
    "ل.د": "LYD",
    "د.م": "MAD",
    "د.م.": "MAD",
    "د.ت": "TND",
    "ر.ع": "OMR",
    "ر.ق": "QAR",
    "ر.ي": "YER",
    "ج.س": "SDG",
    "ج.س.": "SDG",
    "ل.س": "SYP",
    "ل.ل": "LBP",
}

# Currencies written without minor units: "Rp 31.500", "12.500 ₫" group thousands with a dot.
WHOLE_UNIT_CURRENCIES: frozenset[str] = frozenset(
    "IDR VND HUF KRW JPY CLP COP PYG ISK UGX IRR KHR LAK MNT TZS".split()
)

# Letters written before a "$" ("HK$", "c $", "NZD $") and the dollar they name.
DOLLAR_PREFIX_LETTERS: dict[str, str] = {
    "US": "USD",
    "USD": "USD",
    "HK": "HKD",
    "HKD": "HKD",
    "S": "SGD",
    "SG": "SGD",
    "SGD": "SGD",
    "A": "AUD",
    "AU": "AUD",
    "AUD": "AUD",
    "C": "CAD",
    "CA": "CAD",
    "CAN": "CAD",
    "CAD": "CAD",
    "NZ": "NZD",
    "NZD": "NZD",
    "NT": "TWD",
    "TWD": "TWD",
    "R": "BRL",
    "MX": "MXN",
    "MEX": "MXN",
    "MXN": "MXN",
    "RD": "DOP",
    "T": "TOP",
    "Z": "ZWL",
    "J": "JMD",
    "TT": "TTD",
    "BZ": "BZD",
    "FJ": "FJD",
}

# ISO codes that are also English words: read as currencies only when written in capitals.
CODE_WORDS: frozenset[str] = frozenset({"TRY", "ALL", "CUP", "MOP", "PEN", "GEL", "TOP", "BOB"})

# ISO 4217 codes recognised when written as such ("USD 200", "CNY450 billion", "3bn EUR").
CODES: frozenset[str] = frozenset(
    """USD EUR GBP JPY CNY HKD SGD AUD CAD NZD TWD CHF INR KRW RUB BRL MXN ZAR SEK NOK DKK
    PLN CZK HUF RON BGN HRK TRY ILS AED SAR QAR KWD BHD OMR JOD EGP NGN KES GHS MAD TND THB
    VND IDR MYR PHP PKR BDT LKR NPR ARS CLP COP PEN UYU UAH KZT ISK MOP GEL LAK CRC IRR IQD
    JMD TTD MNT AMD BYN XOF LYD DZD DOP FIM ESP FRF NLG DEM XBT PTE ITL ATS BEF IEP GRD
    XAF RSD BAM ALL MKD AZN BDT KHR LBP SYP SDG YER""".split()
)

# Code-like abbreviations that are not ISO codes, read like codes in any case ("rmb 10").
CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}

# Names written after the amount, lower case. Longer names are tried first.
NAMES: dict[str, str] = {
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "u.s. dollar": "USD",
    "united states dollars": "USD",
    "american dollars": "USD",
    "hong kong dollars": "HKD",
    "hong kong dollar": "HKD",
    "singapore dollars": "SGD",
    "singapore dollar": "SGD",
    "australian dollars": "AUD",
    "australian dollar": "AUD",
    "canadian dollars": "CAD",
    "canadian dollar": "CAD",
    "new zealand dollars": "NZD",
    "new zealand dollar": "NZD",
    "taiwan dollars": "TWD",
    "taiwan dollar": "TWD",
    "new taiwan dollars": "TWD",
    "jamaican dollars": "JMD",
    "jamaican dollar": "JMD",
    "dollars": DOLLAR,
    "dollar": DOLLAR,
    "bucks": DOLLAR,
    "buck": DOLLAR,
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds sterling": "GBP",
    "pound sterling": "GBP",
    "british pounds": "GBP",
    "british pound": "GBP",
    "sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "quid": "GBP",
    "egyptian pounds": "EGP",
    "egyptian pound": "EGP",
    "yen": "JPY",
    "japanese yen": "JPY",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "korean won": "KRW",
    "south korean won": "KRW",
    "rupees": "INR",
    "rupee": "INR",
    "indian rupees": "INR",
    "indian rupee": "INR",
    "pakistani rupees": "PKR",
    "sri lankan rupees": "LKR",
    "rubles": "RUB",
    "ruble": "RUB",
    "roubles": "RUB",
    "rouble": "RUB",
    "swiss francs": "CHF",
    "swiss franc": "CHF",
    "pesos": "MXN",
    "peso": "MXN",
    "mexican pesos": "MXN",
    "mexican peso": "MXN",
    "argentine pesos": "ARS",
    "reais": "BRL",
    "real": "BRL",
    "brazilian reais": "BRL",
    "rand": "ZAR",
    "ringgit": "MYR",
    "ringgits": "MYR",
    "malaysian ringgit": "MYR",
    "malaysian ringgits": "MYR",
    "malaysia ringgits": "MYR",
    "malaysia ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
    "lira": "TRY",
    "liras": "TRY",
    "turkish lira": "TRY",
    "kronor": "SEK",
    "krona": "SEK",
    "swedish kronor": "SEK",
    "swedish krona": "SEK",
    "norwegian kroner": "NOK",
    "norwegian krone": "NOK",
    "danish kroner": "DKK",
    "danish krone": "DKK",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "dirhams": "AED",
    "dirham": "AED",
    "riyals": "SAR",
    "riyal": "SAR",
    "shekels": "ILS",
    "shekel": "ILS",
    "rupiah": "IDR",
    "dinars": "KWD",
    "dinar": "KWD",
    "kuwaiti dinars": "KWD",
    "kuwaiti dinar": "KWD",
    "lari": "GEL",
    "kip": "LAK",
    "kuna": "HRK",
    "dutch guilders": "NLG",
    "guilders": "NLG",
    "deutsche marks": "DEM",
    "german marks": "DEM",
    "french francs": "FRF",
    "belgian francs": "BEF",
    "francs": "CHF",
    "franc": "CHF",
    "finnish markka": "FIM",
    "markka": "FIM",
    "pesetas": "ESP",
    "peseta": "ESP",
    "rials": "IRR",
    "rial": "IRR",
    "qatari riyals": "QAR",
    "qatari riyal": "QAR",
    "saudi riyals": "SAR",
    "saudiriyal": "SAR",
    "saudi riyal": "SAR",
    "lebanese pounds": "LBP",
    "lebanese pound": "LBP",
    "egyptianpound": "EGP",
    "tugriks": "MNT",
    "tugrik": "MNT",
    "bitcoins": "XBT",
    "bitcoin": "XBT",
    "btc": "XBT",
    "kuai": "CNY",
    "hryvnia": "UAH",
    "dinara": "RSD",
    "hryvnias": "UAH",
}

# Minor units: the factor to major units and the currency they are a part of.
MINOR_UNITS: dict[str, tuple[Decimal, str]] = {
    "cents": (Decimal("0.01"), DOLLAR),
    "cent": (Decimal("0.01"), DOLLAR),
    "pence": (Decimal("0.01"), "GBP"),
    "penny": (Decimal("0.01"), "GBP"),
    "pennies": (Decimal("0.01"), "GBP"),
    "p": (Decimal("0.01"), "GBP"),
    "¢": (Decimal("0.01"), DOLLAR),
    "c": (Decimal("0.01"), DOLLAR),
    "dimes": (Decimal("0.1"), DOLLAR),
    "dime": (Decimal("0.1"), DOLLAR),
    "nickels": (Decimal("0.05"), DOLLAR),
    "sens": (Decimal("0.01"), "MYR"),
    "sen": (Decimal("0.01"), "MYR"),
    "kopiykas": (Decimal("0.01"), "UAH"),
    "kopecks": (Decimal("0.01"), "RUB"),
    "satoshis": (Decimal("1e-8"), "XBT"),
    "satoshi": (Decimal("1e-8"), "XBT"),
    "mao": (Decimal("0.1"), "CNY"),
}

# Dollar currencies that an explicit mark elsewhere in a text can lend to a bare "$".
DOLLAR_MARKS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "U.S. dollars": "USD",
    "US dollars": "USD",
    "American dollars": "USD",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """One currency an ambiguous mark can stand for, and the words of a text that say so."""

    code: str
    names: tuple[str, ...]  # the currency named: "yuan", "NT$"
    places: tuple[str, ...]  # where it is spent: "China", "Taiwan"


@dataclass(frozen=True, slots=True)
class AmbiguousMark:
    """A mark written for several currencies ("¥" for yen and yuan) and its usual reading."""

    mark: str
    default: str
    readings: tuple[Reading, ...]


_DATA = tomllib.loads((Path(__file__).parent / "data" / "currency_marks.toml").read_text("utf-8"))


def _load_marks(data: dict[str, Any]) -> dict[str, AmbiguousMark]:
    """Add the data file's surfaces to the tables; the ambiguous marks, by placeholder."""
    PREFIXES.update(data["prefixes"])
    SUFFIXES.update(data["suffixes"])
    marks: dict[str, AmbiguousMark] = {}
    for entry in data["ambiguous"]:
        mark = entry["mark"]
        marks[mark] = AmbiguousMark(
            mark,
            entry["default"],
            tuple(
                Reading(r["code"], tuple(r["names"]), tuple(r["places"])) for r in entry["readings"]
            ),
        )
        for surface in entry["surfaces"]:
            for table in (PREFIXES, SUFFIXES):
                if surface in table:
                    table[surface] = mark
            if surface.endswith("$") and surface[:-1] in DOLLAR_PREFIX_LETTERS:
                DOLLAR_PREFIX_LETTERS[surface[:-1]] = mark
    return marks


AMBIGUOUS: dict[str, AmbiguousMark] = _load_marks(_DATA)

# Currency names that are also everyday words: never read as a name before an amount.
WORDS_NOT_BEFORE: frozenset[str] = frozenset(_DATA["words_not_before"])

# ISO codes spelled like a company's or an outlet's name ("AMD", "NPR"): currencies only
# where the text names the currency or its country.
NAME_LIKE_CODES: dict[str, Reading] = {
    e["code"]: Reading(e["code"], tuple(e["names"]), tuple(e["places"])) for e in _DATA["name_like"]
}
