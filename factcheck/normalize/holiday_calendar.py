"""Holidays of the lunar and lunisolar calendars (Islamic, Hebrew, Hindu, Chinese, Korean,
Vietnamese, Buddhist, Persian, Parsi) by their English names, and the days each one spans in
a Gregorian year.

The days come from the calendar tables of python-holidays (`holidays.calendars`: one method
per holiday, giving its Gregorian day(s) in a year), not from astronomy written here. Those
tables cover fixed year ranges (Islamic 1924-2100, Hebrew 1947-2100, Hindu mostly 2001-2035,
Chinese and Buddhist 1901-2100): outside them a holiday has no day, never a guessed one.
`holidays` is imported on the first lookup only, so a text that names none of these holidays
never loads it. Holidays with a Gregorian rule (Christmas, Thanksgiving, Easter's feasts) are
`periods.HOLIDAYS`; `periods.holiday_periods` answers for both tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Literal, NamedTuple

from factcheck.regex_cache import compile_pattern
from factcheck.values import Granularity, Period

__all__ = [
    "CALENDAR_HOLIDAYS",
    "NAME_GROUPS",
    "OTHER_CALENDARS",
    "calendar_holiday_key",
    "calendar_periods",
    "names_pattern",
    "needs_capital",
]

Calendar = Literal[
    "islamic", "hebrew", "hindu", "chinese", "korean", "vietnamese", "buddhist", "persian", "parsi"
]
NO_SHIFT = (0, 0, 0, 0, 0, 0, 0)


class CalendarHoliday(NamedTuple):
    """Where a holiday's days come from: the python-holidays method of `calendar` that gives
    its day in a year, moved `after` days, spanning `days` days (or up to the next day of the
    `until` method: Ramadan runs up to Eid al-Fitr), then moved by `shift[weekday]` days when
    it falls on that weekday (Monday first: Tisha B'Av is put off from the Sabbath). `names`
    are its English names and spellings: letters, spaces, hyphens and apostrophes."""

    calendar: Calendar
    method: str
    names: tuple[str, ...]
    after: int = 0
    days: int = 1
    until: str | None = None
    shift: tuple[int, ...] = NO_SHIFT


def _h(
    calendar: Calendar,
    method: str,
    *names: str,
    after: int = 0,
    days: int = 1,
    shift: tuple[int, ...] = NO_SHIFT,
) -> CalendarHoliday:
    return CalendarHoliday(calendar, method, names, after=after, days=days, shift=shift)


# Hebrew-calendar days begin at sundown: each holiday's period starts on its eve.
EVE_CALENDARS: frozenset[Calendar] = frozenset({"hebrew"})

# Each holiday by its usual English name: its source and its names and spellings as written
# in English text (case, apostrophes, spaces and hyphens between words do not matter).
CALENDAR_HOLIDAYS: dict[str, CalendarHoliday] = {
    # --- Islamic (Hijri) calendar
    "Ramadan": CalendarHoliday(
        "islamic",
        "ramadan_beginning_dates",
        ("ramadan", "ramadhan", "ramazan", "ramzan", "ramzaan", "ramadaan", "ramathan"),
        until="eid_al_fitr_dates",
    ),
    "Eid al-Fitr": _h(
        "islamic",
        "eid_al_fitr_dates",
        *("eid al-fitr", "eid ul-fitr", "eid el-fitr", "eid al-fitar", "eid ul-fitar"),
        *("id al-fitr", "id ul-fitr", "eid-e-fitr", "hari raya puasa", "hari raya aidilfitri"),
        *("aidilfitri", "idul fitri", "lebaran", "ramazan bayrami", "ramadan bayram"),
        *("seker bayrami", "sheker bayram", "feast of breaking the fast"),
        "festival of breaking the fast",
    ),
    "Eid al-Adha": _h(
        "islamic",
        "eid_al_adha_dates",
        *("eid al-adha", "eid ul-adha", "eid el-adha", "eid al-azha", "eid ul-azha"),
        *("id al-adha", "id ul-adha", "idul adha", "eid-e-qurban", "eid al-kabir"),
        *("bakr id", "bakr-eid", "bakra eid", "bakri eid", "bakrid", "bakreid"),
        *("hari raya haji", "hari raya aidiladha", "kurban bayrami", "qurban bayrami"),
        *("tabaski", "feast of the sacrifice", "festival of the sacrifice"),
        *("festival of sacrifice", "feast of sacrifice", "sacrifice feast"),
    ),
    "Day of Arafah": _h("islamic", "eid_al_adha_dates", "day of arafah", "arafat day", after=-1),
    "Hajj": _h("islamic", "eid_al_adha_dates", "hajj", "haj pilgrimage", after=-2, days=5),
    "Islamic New Year": _h(
        "islamic",
        "hijri_new_year_dates",
        *("islamic new year", "hijri new year", "muslim new year", "arabic new year"),
        *("amun jadid", "ras as-sanah", "ras as-sana al-hijriya", "awal muharram"),
        "maal hijrah",
    ),
    "Ashura": _h(
        "islamic", "ashura_dates", "ashura", "aashura", "day of ashura", "youm-e-ashur", "hosay"
    ),
    "Mawlid": _h(
        "islamic",
        "mawlid_dates",
        *("mawlid", "mawlid al-nabi", "mawlid an-nabi", "mawlid al-nabawi", "mawlud"),
        *("milad un-nabi", "eid milad un-nabi", "eid-e-milad", "maulud nabi", "maulidur rasul"),
        *("prophet's birthday", "prophet muhammad's birthday", "birthday of the prophet"),
    ),
    "Isra and Mi'raj": _h(
        "islamic",
        "isra_and_miraj_dates",
        *("isra and mi'raj", "isra' and mi'raj", "isra mi'raj", "isra' mi'raj", "al-isra"),
        *("lailat al-miraj", "laylat al-miraj", "shab-e-miraj", "prophet's ascension"),
    ),
    "Laylat al-Qadr": _h(
        "islamic",
        "laylat_al_qadr_dates",
        *("laylat al-qadr", "lailat al-qadr", "laylat al-kadr", "lailat ul-qadr", "shab-e-qadr"),
        *("shab-e-qadar", "night of power", "night of destiny", "night of decree"),
    ),
    "Jumu'atul-Wida": _h(
        "islamic",
        "jumuatul_wida_dates",
        *("jumu'atul-wida", "jumuatul wida", "jumatul wida", "jamat ul-vida", "jumat ul-vida"),
        *("jumma tul wida", "alvida jumma", "jumu'ah al-wida"),
    ),
    "Ali's Birthday": _h(
        "islamic", "ali_birthday_dates", "hazarat ali's birthday", "hazrat ali's birthday"
    ),
    "Nuzul al-Quran": _h("islamic", "nuzul_al_quran_dates", "nuzul al-quran", "nuzul quran"),
    "Arbaeen": _h("islamic", "arbaeen_dates", "arbaeen", "arbaeen pilgrimage", "chehlum"),
    # --- Hebrew calendar (each period starts on the eve, see EVE_CALENDARS)
    "Rosh Hashanah": _h(
        "hebrew",
        "rosh_hashanah_date",
        *("rosh hashanah", "rosh hashana", "rosh hashanna", "rosh ha-shanah", "rosh hoshana"),
        "jewish new year",
        days=2,
    ),
    "Yom Kippur": _h("hebrew", "yom_kippur_date", "yom kippur", "yom kipur", "day of atonement"),
    "Sukkot": _h(
        "hebrew",
        "sukkot_date",
        *("sukkot", "succot", "sukkos", "succos", "sukkoth", "feast of tabernacles"),
        *("festival of tabernacles", "feast of booths", "festival of booths"),
        "feast of the ingathering",
        days=7,
    ),
    "Shemini Atzeret": _h(
        "hebrew", "sukkot_date", "shemini atzeret", "shmini atzeret", "shemini atzeres", after=7
    ),
    "Simchat Torah": _h(
        "hebrew", "sukkot_date", "simchat torah", "simchas torah", "simhat torah", after=8
    ),
    "Hanukkah": _h(
        "hebrew",
        "hanukkah_date",
        *("hanukkah", "hanukah", "hanukka", "hanuka", "chanukah", "chanukkah", "chanuka"),
        *("hannukah", "hannukkah", "hannuka", "feast of dedication"),
        days=8,
    ),
    "Purim": _h("hebrew", "purim_date", "purim"),
    "Shushan Purim": _h("hebrew", "purim_date", "shushan purim", after=1),
    "Passover": _h(
        "hebrew",
        "passover_date",
        *("passover", "pesach", "pessach", "pesah", "feast of unleavened bread"),
        days=8,
    ),
    "Shavuot": _h(
        "hebrew",
        "shavuot_date",
        *("shavuot", "shavuos", "shavuoth", "shavout", "feast of weeks", "festival of weeks"),
        days=2,
    ),
    "Tisha B'Av": _h(
        "hebrew",
        "tisha_bav_date",
        *("tisha b'av", "tisha be'av", "tishah b'av", "tisha b'ab", "ninth of av"),
        shift=(0, 0, 0, 0, 0, 1, 0),  # a fast put off from the Sabbath to Sunday
    ),
    "Lag BaOmer": _h(
        "hebrew", "lag_baomer_date", "lag baomer", "lag b'omer", "lag ba'omer", "lag laomer"
    ),
    "Yom Ha'atzmaut": _h(
        "hebrew",
        "israel_independence_date",
        *("yom ha'atzmaut", "yom haatzmaut", "israel independence day"),
        *("israeli independence day", "israel's independence day"),
        shift=(1, 0, 0, 0, -1, -2, 0),  # never next to the Sabbath: Thursday, or Tuesday
    ),
    "Yom HaShoah": _h(
        "hebrew",
        "passover_date",
        "yom hashoah",
        "yom hashoah vehagevurah",
        after=12,
        shift=(0, 0, 0, 0, -1, 0, 1),  # 27 Nisan, moved off Friday and Sunday
    ),
    # --- Hindu calendar (Indian observance)
    "Diwali": _h(
        "hindu",
        "diwali_india_date",
        *("diwali", "deepavali", "divali", "deepawali", "dipawali", "dipavali"),
        *("lakshmi puja", "laxmi puja"),
    ),
    "Dhanteras": _h(
        "hindu",
        "diwali_india_date",
        *("dhanteras", "dhanatrayodashi", "dhantrayodashi", "dhanvantari trayodashi"),
        after=-2,
    ),
    "Choti Diwali": _h(
        "hindu",
        "diwali_india_date",
        *("choti diwali", "chhoti diwali", "chhoti deepavali", "kali chaudas", "roop chaudas"),
        after=-1,
    ),
    "Naraka Chaturdashi": _h(
        "hindu", "naraka_chaturdashi_date", "naraka chaturdashi", "narak chaturdashi"
    ),
    "Govardhan Puja": _h("hindu", "govardhan_puja_date", "govardhan puja", "annakut"),
    "Bhai Dooj": _h(
        "hindu",
        "diwali_india_date",
        *("bhai dooj", "bhai duj", "bhaiya dooj", "bhau beej", "bhai tika", "bhai phonta"),
        after=2,
    ),
    "Kali Puja": _h("hindu", "kali_puja_date", "kali puja", "shyama puja"),
    "Holi": _h(
        "hindu",
        "holi_date",
        *("holi", "dhulandi", "dhuleti", "phagwah", "rangwali holi", "dhulivandan"),
    ),
    "Holika Dahan": _h(
        "hindu",
        "holi_date",
        *("holika dahan", "chhoti holi", "choti holi", "kamudu pyre", "holika deepak"),
        after=-1,
    ),
    "Navratri": _h(
        "hindu",
        "sharad_navratri_date",
        *("navratri", "navaratri", "navarathri", "sharad navratri", "sharadiya navratri"),
        days=9,
    ),
    "Chaitra Navratri": _h(
        "hindu", "chaitra_navratri_date", "chaitra navratri", "vasant navratri", days=9
    ),
    "Durga Puja": _h(
        "hindu", "dussehra_date", "durga puja", "durgotsav", "sharadotsav", after=-4, days=5
    ),
    "Maha Saptami": _h("hindu", "maha_ashtami_date", "maha saptami", "durga saptami", after=-1),
    "Maha Ashtami": _h(
        "hindu", "maha_ashtami_date", "maha ashtami", "durga ashtami", "maha durgashtami"
    ),
    "Maha Navami": _h("hindu", "maha_navami_date", "maha navami"),
    "Dussehra": _h(
        "hindu",
        "dussehra_date",
        *("dussehra", "dasara", "dussera", "dasehra", "vijayadashami", "vijaya dashami"),
        *("vijaya dasami", "bijaya dashami"),
    ),
    "Ganesh Chaturthi": _h(
        "hindu",
        "ganesh_chaturthi_date",
        *("ganesh chaturthi", "vinayaka chaturthi", "vinayak chaturthi", "vinayagar chathurthi"),
    ),
    "Raksha Bandhan": _h(
        "hindu",
        "raksha_bandhan_date",
        *("raksha bandhan", "rakshabandhan", "rakhi", "rakhri", "rakhi purnima"),
    ),
    "Janmashtami": _h(
        "hindu",
        "janmashtami_date",
        *("janmashtami", "krishna janmashtami", "gokulashtami", "krishnashtami"),
        *("krishna jayanti", "sri krishna jayanti"),
    ),
    "Onam": _h("hindu", "onam_date", "onam", "thiru onam", "thiruvonam", "thiruonam"),
    "Thai Pongal": _h("hindu", "pongal_date", "pongal", "thai pongal"),
    "Bhogi": _h(
        "hindu",
        "pongal_date",
        *("bhogi", "boghi", "bogi", "bhogi pandigai", "bogi pandigai"),
        after=-1,
    ),
    "Mattu Pongal": _h("hindu", "pongal_date", "mattu pongal", "maattu pongal", after=1),
    "Kaanum Pongal": _h(
        "hindu", "pongal_date", "kaanum pongal", "kanum pongal", "kanni pongal", after=2
    ),
    "Makar Sankranti": _h(
        "hindu",
        "makar_sankranti_date",
        *("makar sankranti", "makara sankranti", "makar sankranthi", "makara sankranthi"),
        *("sankranti", "maghi", "uttarayan"),
    ),
    "Vaisakhi": _h(
        "hindu",
        "vaisakhi_date",
        *("vaisakhi", "baisakhi", "vaishakhi", "vasakhi", "vesakhi", "khalsa sajna diwas"),
    ),
    "Ugadi": _h(
        "hindu",
        "gudi_padwa_date",
        *("ugadi", "yugadi", "gudi padwa", "samvatsaradi", "chaitra sukladi"),
        "chaitra sukhladi",
    ),
    "Ram Navami": _h(
        "hindu", "ram_navami_date", "ram navami", "rama navami", "sri rama navami", "ramnavami"
    ),
    "Hanuman Jayanti": _h("hindu", "hanuman_jayanti_date", "hanuman jayanti"),
    "Mahavir Jayanti": _h(
        "hindu",
        "mahavir_jayanti_date",
        *("mahavir jayanti", "mahaveer jayanti", "mahavir janma kalyanak"),
        "mahaveer janma kalyanak",
    ),
    "Maha Shivaratri": _h(
        "hindu",
        "maha_shivaratri_date",
        *("maha shivaratri", "maha shivratri", "mahashivratri", "mahashivaratri"),
        *("shivaratri", "shivratri"),
    ),
    "Karva Chauth": _h(
        "hindu", "karwa_chauth_date", "karva chauth", "karwa chauth", "karaka chaturthi"
    ),
    "Rath Yatra": _h("hindu", "rath_yatra_date", "rath yatra", "ratha yatra"),
    "Chhath": _h(
        "hindu",
        "chhath_puja_date",
        *("chhath", "chhath puja", "chhath parva", "dala puja", "dala chhath"),
        *("surya shashthi", "surya sashti"),
    ),
    "Vasant Panchami": _h(
        "hindu",
        "basant_panchami_date",
        *("vasant panchami", "basant panchami", "saraswati puja", "shri panchami"),
    ),
    "Buddha Purnima": _h("hindu", "buddha_purnima_date", "buddha purnima", "buddha jayanti"),
    "Guru Purnima": _h("hindu", "guru_purnima_date", "guru purnima"),
    "Guru Nanak Jayanti": _h(
        "hindu",
        "guru_nanak_jayanti_date",
        *("guru nanak jayanti", "guru nanak dev jayanti", "guru nanak's birthday"),
        *("guru nanak gurpurab", "gurpurab", "prakash purab"),
    ),
    "Guru Gobind Singh Jayanti": _h(
        "hindu",
        "guru_gobind_singh_jayanti_date",
        *("guru gobind singh jayanti", "guru govind singh jayanti"),
        *("guru gobind singh birthday", "guru gobind singh's birthday"),
    ),
    "Guru Ravidas Jayanti": _h(
        "hindu",
        "guru_ravidas_jayanti_date",
        *("guru ravidas jayanti", "guru ravidass jayanti", "ravidas jayanti"),
        *("guru ravidas birthday", "guru ravidass birthday"),
    ),
    "Valmiki Jayanti": _h(
        "hindu",
        "maharshi_valmiki_jayanti_date",
        *("valmiki jayanti", "maharishi valmiki jayanti", "maharshi valmiki jayanti"),
        "pargat diwas",
    ),
    "Dayananda Saraswati Jayanti": _h(
        "hindu",
        "swami_dayanand_saraswati_jayanti_date",
        *("swami dayanand saraswati jayanti", "dayanand saraswati jayanti"),
        *("dayananda saraswati jayanti", "maharishi dayanand saraswati jayanti"),
    ),
    "Thaipusam": _h("hindu", "thaipusam_date", "thaipusam"),
    "Vishu": _h("hindu", "vishu_date", "vishu"),
    "Puthandu": _h("hindu", "puthandu_date", "puthandu", "tamil new year"),
    "Pohela Boishakh": _h(
        "hindu",
        "pohela_boishakh_date",
        *("pohela boishakh", "pohela baishakh", "pahela baishakh", "bengali new year"),
    ),
    "Hola Mohalla": _h("hindu", "hola_mohalla_date", "hola mohalla"),
    # --- Chinese calendar, and its Korean and Vietnamese readings
    "Chinese New Year": _h(
        "chinese",
        "lunar_new_year_date",
        *("chinese new year", "chinese new year's day", "chinese new years"),
        *("chinese lunar new year", "chinese lunar new year's day", "lunar new year"),
        *("lunar new year's day", "spring festival", "chunjie"),
    ),
    "Chinese New Year's Eve": _h(
        "chinese",
        "lunar_new_year_date",
        "chinese new year's eve",
        "lunar new year's eve",
        after=-1,
    ),
    # the official week-long break, which in most years runs from New Year's Eve
    "Chinese New Year holiday": _h(
        "chinese",
        "lunar_new_year_date",
        *("chinese new year holiday", "chinese new year holidays", "chinese new year break"),
        *("lunar new year holiday", "lunar new year holidays", "lunar new year break"),
        *("spring festival holiday", "spring festival holidays", "spring festival break"),
        "spring festival golden week",
        after=-1,
        days=7,
    ),
    "Lantern Festival": _h(
        "chinese", "lunar_new_year_date", "lantern festival", "yuanxiao festival", after=14
    ),
    "Qingming": _h(
        "chinese",
        "qingming_date",
        *("qingming", "qingming festival", "qing ming", "ching ming", "ching ming festival"),
        *("tomb-sweeping day", "tomb-sweeping festival"),
    ),
    "Dragon Boat Festival": _h(
        "chinese",
        "dragon_boat_date",
        *("dragon boat festival", "duanwu", "duanwu festival", "tuen ng festival"),
        "double fifth festival",
    ),
    "Mid-Autumn Festival": _h(
        "chinese",
        "mid_autumn_date",
        *("mid-autumn festival", "mid-autumn", "moon festival", "mooncake festival"),
        "zhongqiu festival",
    ),
    "Double Ninth Festival": _h(
        "chinese",
        "double_ninth_date",
        *("double ninth festival", "chung yeung festival", "chongyang festival"),
    ),
    "Buddha's Birthday": _h(
        "chinese", "buddha_birthday_date", "buddha's birthday", "birthday of the buddha"
    ),
    "Seollal": _h(
        "korean",
        "lunar_new_year_date",
        *("seollal", "korean new year", "korean lunar new year"),
        after=-1,
        days=3,
    ),
    "Chuseok": _h(
        "korean",
        "mid_autumn_date",
        *("chuseok", "hangawi", "korean thanksgiving"),
        after=-1,
        days=3,
    ),
    "Tet": _h(
        "vietnamese",
        "lunar_new_year_date",
        *("tết", "tet nguyen dan", "vietnamese new year", "vietnamese lunar new year"),
    ),
    # --- Buddhist, Persian and Parsi (Shahenshahi) calendars
    "Vesak": _h(
        "buddhist",
        "vesak_date",
        *("vesak", "wesak", "vesak day", "wesak day", "visakha bucha", "visakha puja"),
        "buddha day",
    ),
    "Nowruz": _h(
        "persian",
        "new_year_date",
        *("nowruz", "norooz", "nowrouz", "navruz", "novruz", "nauryz", "persian new year"),
        "iranian new year",
    ),
    "Parsi New Year": _h("parsi", "new_year", "parsi new year"),
}


_NOT_LETTERS = compile_pattern(r"[\W_]+")


def squash(name: str) -> str:
    """A name without case, spaces, hyphens, apostrophes or dots: the key every spelling of
    it shares ("Eid-ul-Fitr" and "eid ul fitr" are one)."""
    return _NOT_LETTERS.sub("", name.casefold())


# Names (of either table) that are also common words or phrases ("the bank lent", "a spring
# festival"): they name a holiday only when capitalised, given a year, or after "this" /
# "last" / "next".
PROPER_ONLY = frozenset(
    squash(name)
    for name in (
        *("lent", "family day", "discovery day", "civic holiday", "law day"),
        *("spring festival", "moon festival", "night of power"),
    )
)
# Words that put a Western holiday's name on another calendar ("Chinese New Year", "Hindu
# New Year", "Orthodox Pentecost"): such a name is not the Gregorian holiday.
OTHER_CALENDARS = frozenset(
    """chinese lunar islamic hijri muslim jewish hebrew persian iranian orthodox coptic
    ethiopian julian hindu sikh jain buddhist tamil telugu kannada marathi gujarati bengali
    nepali sinhala sinhalese thai khmer lao tibetan mongolian korean vietnamese parsi
    zoroastrian kurdish assyrian armenian""".split()
)


def needs_capital(surface: str) -> bool:
    """True for a holiday name that is also a common word ("lent"), written in lower case."""
    return squash(surface) in PROPER_ONLY and not surface[:1].isupper()


@cache
def _keys() -> dict[str, str]:
    return {
        squash(name): key for key, holiday in CALENDAR_HOLIDAYS.items() for name in holiday.names
    }


def calendar_holiday_key(surface: str) -> str | None:
    """The `CALENDAR_HOLIDAYS` key of a written name ("Eid-ul-Fitr" → "Eid al-Fitr")."""
    return _keys().get(squash(surface))


def _name_pattern(name: str) -> str:
    """One name (letters, spaces, hyphens, apostrophes) as a regex: words joined by any
    spaces or hyphens (or none: "Bakrid"), apostrophes optional or curly."""
    return name.replace(" ", r"[\s-]*").replace("-", r"[\s-]*").replace("'", "['’]?")


def names_pattern(names: Iterable[str]) -> str:
    """`names` as one alternation, grouped by first letter (a regex tries a few hundred
    alternatives at every position of a text, but only one group) and longest first within
    a group (so that "Chinese New Year's Eve" beats "Chinese New Year")."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(
        f"{first}(?:{'|'.join(_name_pattern(rest) for rest in rests)})"
        for first, rests in sorted(groups.items())
    )


def _spellings(*calendars: Calendar) -> tuple[str, ...]:
    return tuple(
        name
        for holiday in CALENDAR_HOLIDAYS.values()
        if holiday.calendar in calendars
        for name in holiday.names
    )


# The names by calendar, each group matched by a rule of its own, so that a text compiles
# and scans only the groups whose names it may hold.
NAME_GROUPS = (
    _spellings("islamic"),
    _spellings("hebrew"),
    _spellings("hindu", "parsi"),
    _spellings("chinese", "korean", "vietnamese", "buddhist", "persian"),
)


# Parsi New Year on the Shahenshahi calendar: a 365-day year with no leap day, so it comes
# one day earlier in the Gregorian calendar after every 29 February (kept to the years the
# other calendars' tables cover).
PARSI_NEW_YEAR_2018 = date(2018, 8, 17)
PARSI_YEARS = range(1901, 2101)


@cache
def _calendar(calendar: Calendar) -> object:
    """The python-holidays calendar object; the first call imports `holidays`."""
    from holidays.calendars.buddhist import _BuddhistLunisolar
    from holidays.calendars.chinese import (
        CHINESE_CALENDAR,
        KOREAN_CALENDAR,
        VIETNAMESE_CALENDAR,
        _ChineseLunisolar,
    )
    from holidays.calendars.hebrew import _HebrewLunisolar
    from holidays.calendars.hindu import _HinduLunisolar
    from holidays.calendars.islamic import _IslamicLunar
    from holidays.calendars.persian import _Persian

    chinese = {"chinese": CHINESE_CALENDAR, "korean": KOREAN_CALENDAR}
    if calendar in ("chinese", "korean", "vietnamese"):
        return _ChineseLunisolar(chinese.get(calendar, VIETNAMESE_CALENDAR))
    lunar = {
        "islamic": _IslamicLunar,
        "hebrew": _HebrewLunisolar,
        "hindu": _HinduLunisolar,
        "buddhist": _BuddhistLunisolar,
        "persian": _Persian,
    }
    return lunar[calendar]()


def _found_days(found: object) -> set[date]:
    """The days in what a calendar method returns: a day or None, a (day, estimated) pair,
    or a collection of either."""
    if isinstance(found, date):
        return {found}
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], bool):
        return _found_days(found[0])
    if isinstance(found, Iterable):
        return {day for item in found for day in _found_days(item)}
    return set()


@cache
def calendar_days(calendar: Calendar, method: str, year: int) -> tuple[date, ...]:
    """The days in Gregorian `year` that `method` of `calendar` gives, in order; none where
    the library's tables do not reach."""
    if calendar == "parsi":
        if year not in PARSI_YEARS:
            return ()
        return (PARSI_NEW_YEAR_2018 + timedelta(days=365 * (year - PARSI_NEW_YEAR_2018.year)),)
    if not 2 <= year <= 9997:
        return ()
    found = getattr(_calendar(calendar), method)(year)
    return tuple(sorted(day for day in _found_days(found) if day.year == year))


def _period(key: str, holiday: CalendarHoliday, day: date) -> Period | None:
    """The days of `holiday` whose calendar day is `day`."""
    day += timedelta(days=holiday.after)
    day += timedelta(days=holiday.shift[day.weekday()])
    if holiday.until is not None:
        ends = [
            end
            for year in (day.year, day.year + 1)
            for end in calendar_days(holiday.calendar, holiday.until, year)
            if end > day
        ]
        if not ends:
            return None
        end = min(ends)
    else:
        end = day + timedelta(days=holiday.days)
    if holiday.calendar in EVE_CALENDARS:
        day -= timedelta(days=1)
    if end - day == timedelta(days=1):
        return Period.day(day)
    return Period(start=day, end=end, granularity=Granularity.SPAN, label=f"{key} {day.year}")


def calendar_periods(key: str, year: int) -> list[Period]:
    """Every stretch of holiday `key` (a `CALENDAR_HOLIDAYS` key) that starts in `year`, in
    order: usually one, two when a lunar year fits twice in it (Eid al-Fitr 2033), none
    outside the calendar tables or for an unknown key."""
    holiday = CALENDAR_HOLIDAYS.get(key)
    if holiday is None:
        return []
    found = (
        _period(key, holiday, day)
        for near in (year - 1, year, year + 1)
        for day in calendar_days(holiday.calendar, holiday.method, near)
    )
    return [p for p in found if p is not None and p.start is not None and p.start.year == year]
