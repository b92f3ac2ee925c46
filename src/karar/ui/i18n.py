"""The window's language: which one it speaks (``karar --lang``, else View › Language as
remembered in QSettings, else the system locale), the translators that make it speak it
(Karar's own ``karar_<lang>.qm`` shipped in ``karar.resources.translations`` and Qt's own
``qtbase_<lang>.qm`` for the file, print and colour dialogs), and the locale-aware helpers
the window formats dates and sorts lists with.

Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget: the window
rebuilds its menu texts on it, so a new language applies without a restart. The command
line's messages and the contract's outputs never pass through here: they stay English.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTime,
    QTranslator,
)

#: the languages the window speaks
LANGUAGES = ("tr", "en")
#: the QSettings key of View › Language ("tr", "en" or "system")
SETTING = "view/language"

_translators: list[QTranslator] = []
_language = "en"
_installed = False


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate as a source text of ``context`` and return it as it is
    (QtCore's own is typed as returning ``object``); translate it where it is shown."""
    return text


def system_language() -> str:
    """The first of the system's interface languages (``LANGUAGE``, ``LC_MESSAGES``,
    ``LANG`` on Linux) that the window speaks; English if it speaks none of them."""
    for name in QLocale.system().uiLanguages():
        language = name.split("-")[0].split("_")[0].lower()
        if language in LANGUAGES:
            return language
    return "en"


def saved_choice() -> str | None:
    """View › Language as remembered: ``"tr"``, ``"en"``, or None for the system's."""
    value = QSettings().value(SETTING, "system")
    return value if value in LANGUAGES else None


def choose_language(override: str | None = None, *, remember: bool = True) -> str:
    """The language to start in: ``override`` (``--lang``), else the remembered choice
    (only when ``remember``: a screenshot does not depend on a user's settings), else the
    system's."""
    if override in LANGUAGES:
        return override
    saved = saved_choice() if remember else None
    return saved or system_language()


def current_language() -> str:
    """The language installed last (``"en"`` until :func:`install` is called)."""
    return _language


def install(language: str) -> None:
    """Make the application speak ``language`` (one of :data:`LANGUAGES`): the previous
    translators come out, the new ones go in, and the default locale follows (dates and
    numbers). Qt sends every widget a LanguageChange event for each translator installed
    or removed."""
    global _language, _installed
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs the application object")
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    _installed = True
    _language = language if language in LANGUAGES else "en"
    QLocale.setDefault(QLocale(_language))
    # a folder of data without __init__.py: files() is a MultiplexedPath, a file in it a Path
    own = resources.files("karar.resources.translations") / f"karar_{_language}.qm"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (str(own), f"{qt_folder}/qtbase_{_language}.qm"):
        translator = QTranslator(app)
        # a missing file (Qt ships no qtbase_en: English is its source) is not an error
        if translator.load(path):
            app.installTranslator(translator)
            _translators.append(translator)


def ensure_installed() -> None:
    """Install English if no language was installed yet (a window made without
    :func:`install`, as tests make it): its counted texts need ``karar_en.qm``."""
    if not _installed:
        install("en")


def locale() -> QLocale:
    """The locale of the window's language."""
    return QLocale(_language)


def format_date(value: dt.date | str) -> str:
    """``value`` (a date or an ISO ``YYYY-MM-DD`` text) as the window's language writes a
    day: Turkish in its locale's short format (``1.12.2026``); English as ISO 8601
    (``2026-12-01``, as the project file and the date field have it: Qt's English is the
    US's ``12/1/26``, which a room outside the US reads wrongly). Text that is not an ISO
    date is returned as it is."""
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
    else:
        day = value
    if _language == "en":
        return day.isoformat()
    date = QDate(day.year, day.month, day.day)
    return locale().toString(date, QLocale.FormatType.ShortFormat)


def format_datetime(text: str) -> str:
    """An ISO date and time (``2026-12-01T16:59:03``) as the window's language writes it:
    Turkish in its locale's short format (``1.12.2026 16:59``); English, and text that is
    not an ISO time, as it is."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if _language == "en":
        return text
    shown = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return locale().toString(shown, QLocale.FormatType.ShortFormat)


def collator() -> QCollator:
    """A collator of the window's language (Turkish: ç after c, ı before i, ş after s)."""
    return QCollator(locale())


@functools.total_ordering
class SortKey:
    """A text's place in the window language's order, comparable with ``==`` and ``<``
    (so it can lead a tuple whose later items break ties)."""

    __slots__ = ("_collator", "text")

    def __init__(self, text: str, by: QCollator) -> None:
        self.text = text
        self._collator = by

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SortKey):
            return NotImplemented
        return self._collator.compare(self.text, other.text) == 0

    def __lt__(self, other: SortKey) -> bool:
        return self._collator.compare(self.text, other.text) < 0

    def __hash__(self) -> int:
        return hash(self.text.casefold())


def sort_key(text: str) -> SortKey:
    """``text``'s sort key in the window's language (case is ignored)."""
    by = collator()
    by.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return SortKey(text, by)


def sorted_texts(texts: list[str]) -> list[str]:
    """``texts`` sorted as the window's language sorts them."""
    return sorted(texts, key=sort_key)
