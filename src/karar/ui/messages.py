"""What core says, in the window's language: the one place the window words the errors and
warnings core raises in English (a map that does not read, the lines Mermaid reads
otherwise, a project value that is wrong or ignored, a tally in conflict, a file that cannot
be written).

Core stays pure Python and keeps the command line's English: each such text is a
:class:`~karar.core.errors.Message`, its English text with a ``code`` and the ``params`` it
quotes. Here each code has its English source text, marked for lupdate in the context
``Messages`` (:data:`TEXTS`), which the window translates and fills in when it shows the
message, so a language switch re-words what is on screen. A part worded on its own (the
reason in "the map 'a.md': no such file") is a Message in the params and is worded by the
same table; a shape or a decision state is worded by :data:`SHAPES` and :data:`DECISIONS`,
and the system's reason for a failed read or write (``Permission denied``) by
:data:`SYSTEM_REASONS`.

The English window shows core's own text, exactly as the command line prints it; a message
without a code here, or in a language without its translation, shows its English too.
"""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from karar.core.errors import LocatedError, Message, said
from karar.core.model import Shape
from karar.core.pathnames import shown
from karar.core.status import Decision
from karar.ui import i18n
from karar.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from karar.core.errors import KararError

CONTEXT = "Messages"

TEXTS: dict[str, str] = {
    # ---- a file and its bytes (core.textfile) ----------------------------------------
    #: what a file is read as: "is a folder, not a {what}"
    "file": QT_TRANSLATE_NOOP("Messages", "file"),
    #: what a file is read as: "is a folder, not a {what}"
    "map-file": QT_TRANSLATE_NOOP("Messages", "map file"),
    #: what a file is read as: "is a folder, not a {what}"
    "project-file": QT_TRANSLATE_NOOP("Messages", "project file"),
    #: {what} is "map file", "project file" or "file"
    "is-folder": QT_TRANSLATE_NOOP("Messages", "is a folder, not a {what}"),
    #: {kind} is "a named pipe (FIFO)", "a socket"...; {what} is "map file"...
    "not-regular": QT_TRANSLATE_NOOP("Messages", "is {kind}, not a {what}"),
    "kind-fifo": QT_TRANSLATE_NOOP("Messages", "a named pipe (FIFO)"),
    "kind-character-device": QT_TRANSLATE_NOOP("Messages", "a character device"),
    "kind-block-device": QT_TRANSLATE_NOOP("Messages", "a block device"),
    "kind-socket": QT_TRANSLATE_NOOP("Messages", "a socket"),
    "kind-special": QT_TRANSLATE_NOOP("Messages", "a special file"),
    #: {how} is "40.3 MiB" or "over 32 MiB"; {what} is "map file"...; {limit} in MiB
    "too-large": QT_TRANSLATE_NOOP(
        "Messages", "file is too large ({how}; Karar reads {what}s up to {limit} MiB)"
    ),
    #: a file's size
    "size": QT_TRANSLATE_NOOP("Messages", "{size} MiB"),
    #: a file that grew past the limit while it was read
    "size-over": QT_TRANSLATE_NOOP("Messages", "over {size} MiB"),
    #: {reason} is the system's
    "cannot-read": QT_TRANSLATE_NOOP("Messages", "cannot read the file: {reason}"),
    "file-name-nul": QT_TRANSLATE_NOOP("Messages", "the file name holds a NUL byte"),
    "no-file": QT_TRANSLATE_NOOP("Messages", "no such file"),
    "permission-denied": QT_TRANSLATE_NOOP("Messages", "permission denied"),
    #: {encoding} is UTF-16 or UTF-32
    "utf16": QT_TRANSLATE_NOOP(
        "Messages", "this is {encoding} text, not UTF-8: save the file as UTF-8"
    ),
    #: {byte} is the first byte that is not UTF-8, as 0xff
    "not-utf8": QT_TRANSLATE_NOOP(
        "Messages", "not valid UTF-8 text (byte {byte}); save the file as UTF-8"
    ),
    # ---- where the map is (core.sources) ---------------------------------------------
    "no-builtin": QT_TRANSLATE_NOOP("Messages", "no such built-in map (known: {known})"),
    "empty-file": QT_TRANSLATE_NOOP("Messages", "the file is empty"),
    "binary": QT_TRANSLATE_NOOP("Messages", "this is a binary file, not a text map (NUL byte)"),
    #: {blocks}: how many ```mermaid blocks the Markdown file has (two or more)
    "no-mindmap-block": QT_TRANSLATE_NOOP(
        "Messages", "none of the {blocks} ```mermaid blocks holds a mindmap"
    ),
    "no-block": QT_TRANSLATE_NOOP("Messages", "no ```mermaid block holding a mindmap was found"),
    "another-mindmap": QT_TRANSLATE_NOOP(
        "Messages", "another mindmap in this file is ignored: Karar shows the first one"
    ),
    # ---- how Mermaid and Karar read a line (core.sources, core.mermaid) ---------------
    "keyword-case": QT_TRANSLATE_NOOP(
        "Messages", "Mermaid only knows the keyword in lower case: write 'mindmap'"
    ),
    #: a line Karar and Mermaid read differently: {mermaid} is how Mermaid reads it ("Mermaid
    #: rejects it: …", said of the line), {karar} how Karar does, {safe} the line written so
    #: that both read it as Karar does
    "reads-differently": QT_TRANSLATE_NOOP("Messages", "{mermaid}; {karar}. Mermaid-safe: {safe}"),
    #: --strict: {mermaid} says which lines Mermaid reads as one node; {safe} the line as a
    #: plain label
    "shape-spans": QT_TRANSLATE_NOOP(
        "Messages",
        "{mermaid}: close the shape on this line, or write the line as a plain label: {safe}",
    ),
    #: {shape} is a shape's name ("square"); {id} is the text before the shape's opener
    "markup-in-id": QT_TRANSLATE_NOOP(
        "Messages",
        "Mermaid reads this line as a {shape} node labelled '{label}': the text before the "
        "shape, '{id}', holds markup but is only the node's id and is not shown. "
        "Mermaid-safe: {safe}",
    ),
    "whole-line": QT_TRANSLATE_NOOP("Messages", "Karar reads the whole line as one label"),
    "ignored-line": QT_TRANSLATE_NOOP("Messages", "Karar ignores this line"),
    #: "it" is a line of the map ("Mermaid rejects this line"); {why} the reason Mermaid
    #: gives
    "mermaid-rejects": QT_TRANSLATE_NOOP("Messages", "Mermaid rejects it: {why}"),
    #: "it" is a line of the map ("Mermaid reads this line as…")
    "mermaid-reads-as": QT_TRANSLATE_NOOP(
        "Messages", "Mermaid reads it as a {shape} node labelled '{label}'"
    ),
    "reads-lines-as": QT_TRANSLATE_NOOP(
        "Messages",
        "Mermaid reads lines {first}-{last} as one {shape} node labelled '{label}' (a shape "
        "opened on this line closes on line {last})",
    ),
    "icon-lines": QT_TRANSLATE_NOOP(
        "Messages",
        "Mermaid reads lines {first}-{last} as the name of an icon (its ')' is missing on "
        "this line)",
    ),
    #: {where} is "a shape opened on this line is not closed on it, so Mermaid reads on to
    #: line N"; {what} what it meets there
    "where": QT_TRANSLATE_NOOP("Messages", "{where}, where {what}"),
    "reads-on": QT_TRANSLATE_NOOP(
        "Messages",
        "a shape opened on this line is not closed on it, so Mermaid reads on to line {last}",
    ),
    "text-follows": QT_TRANSLATE_NOOP("Messages", "text follows the node"),
    #: {char} is the character, as written in the file
    "cannot-read-char": QT_TRANSLATE_NOOP("Messages", "Mermaid cannot read '{char}' here"),
    #: {opener} is the shape's opening bracket, e.g. ((
    "never-closed": QT_TRANSLATE_NOOP(
        "Messages", "the shape opened with '{opener}' is never closed"
    ),
    "shape-no-text": QT_TRANSLATE_NOOP("Messages", "the shape opened with '{opener}' has no text"),
    #: {token} is one of the "token-" texts: "a blank line", "an icon"...
    "inside-shape": QT_TRANSLATE_NOOP("Messages", "unexpected {token} inside the shape"),
    "token-keyword": QT_TRANSLATE_NOOP("Messages", "the keyword 'mindmap'"),
    "token-blank-line": QT_TRANSLATE_NOOP("Messages", "a blank line"),
    "token-line-break": QT_TRANSLATE_NOOP("Messages", "a line break"),
    "token-more-text": QT_TRANSLATE_NOOP("Messages", "more text after a space"),
    "token-text": QT_TRANSLATE_NOOP("Messages", "text"),
    "token-opener": QT_TRANSLATE_NOOP("Messages", "a shape opener"),
    "token-closer": QT_TRANSLATE_NOOP("Messages", "a shape closer"),
    "token-icon": QT_TRANSLATE_NOOP("Messages", "an icon"),
    "token-class": QT_TRANSLATE_NOOP("Messages", "a class"),
    "token-end": QT_TRANSLATE_NOOP("Messages", "the end of the map"),
    #: {message} is the error; {where} says how far Mermaid reads on
    "running-on": QT_TRANSLATE_NOOP("Messages", "{message} ({where})"),
    "text-after": QT_TRANSLATE_NOOP("Messages", "unexpected text after the node: '{text}'"),
    "not-a-node": QT_TRANSLATE_NOOP("Messages", "unexpected '{text}' where a node belongs"),
    "second-root": QT_TRANSLATE_NOOP(
        "Messages",
        'there can be only one root: no parent for "{label}" (indent it deeper than the root)',
    ),
    #: {what} is ::icon(...) or :::class
    "decoration-first": QT_TRANSLATE_NOOP("Messages", "{what} must follow the node it decorates"),
    "no-keyword": QT_TRANSLATE_NOOP("Messages", "expected the keyword 'mindmap', found '{found}'"),
    "blank-after-keyword": QT_TRANSLATE_NOOP(
        "Messages", "a blank line directly after 'mindmap' is not allowed"
    ),
    "not-mindmap": QT_TRANSLATE_NOOP(
        "Messages", "no 'mindmap' keyword: this is not a Mermaid mindmap (found '{found}')"
    ),
    "empty-map": QT_TRANSLATE_NOOP("Messages", "the map is empty: no 'mindmap' keyword"),
    #: the YAML block at the top of a map (Mermaid's "front matter")
    "front-matter": QT_TRANSLATE_NOOP("Messages", "the front matter: {message}"),
    "title-not-text": QT_TRANSLATE_NOOP("Messages", "the front matter's 'title:' must be text"),
    # ---- YAML (core.yamlsafe) ----------------------------------------------------------
    #: {character} is its code, U+0007
    "yaml-control-character": QT_TRANSLATE_NOOP(
        "Messages", "not valid YAML: the control character {character} is not allowed"
    ),
    #: {problem} is the YAML reader's own words: one of the "yaml-" texts below, or in
    #: English where it is not one of them
    "yaml-invalid": QT_TRANSLATE_NOOP("Messages", "not valid YAML: {problem}"),
    "yaml-no-value": QT_TRANSLATE_NOOP("Messages", "did not find expected node content"),
    "yaml-no-key": QT_TRANSLATE_NOOP("Messages", "did not find expected key"),
    "yaml-no-colon": QT_TRANSLATE_NOOP("Messages", "could not find expected ':'"),
    "yaml-no-dash": QT_TRANSLATE_NOOP("Messages", "did not find expected '-' indicator"),
    "yaml-no-bracket": QT_TRANSLATE_NOOP("Messages", "did not find expected ',' or ']'"),
    "yaml-no-brace": QT_TRANSLATE_NOOP("Messages", "did not find expected ',' or '}'"),
    "yaml-mapping-value": QT_TRANSLATE_NOOP(
        "Messages", "mapping values are not allowed in this context"
    ),
    #: a quoted text or a bracket not closed before the end of the file
    "yaml-end": QT_TRANSLATE_NOOP("Messages", "found unexpected end of stream"),
    "yaml-tab": QT_TRANSLATE_NOOP("Messages", "found a tab character that violates indentation"),
    "yaml-no-token": QT_TRANSLATE_NOOP("Messages", "found character that cannot start any token"),
    #: after & or *: an anchor's or an alias's name
    "yaml-no-name": QT_TRANSLATE_NOOP(
        "Messages", "did not find expected alphabetic or numeric character"
    ),
    "yaml-escape": QT_TRANSLATE_NOOP(
        "Messages", "not valid YAML: an escape names no Unicode character"
    ),
    "yaml-second-document": QT_TRANSLATE_NOOP(
        "Messages", "a second YAML document starts here: the file may hold only one"
    ),
    "yaml-anchor-twice": QT_TRANSLATE_NOOP(
        "Messages", "the anchor &{anchor} is set twice (lines {first} and {line})"
    ),
    "yaml-too-deep": QT_TRANSLATE_NOOP(
        "Messages", "nested more than {depth} lists or mappings deep"
    ),
    "yaml-alias-unknown": QT_TRANSLATE_NOOP(
        "Messages", "the alias *{alias} names no anchor before it"
    ),
    "yaml-alias-inside": QT_TRANSLATE_NOOP(
        "Messages", "the alias *{alias} stands inside the value it names: it never ends"
    ),
    "yaml-alias-too-deep": QT_TRANSLATE_NOOP(
        "Messages", "the alias *{alias} nests more than {depth} lists or mappings deep"
    ),
    "yaml-alias-bomb": QT_TRANSLATE_NOOP(
        "Messages",
        "aliases repeat more than {limit} values by the alias *{alias}: refused (an alias bomb?)",
    ),
    #: {kind} is "a single value", "a list" or "a mapping"
    "yaml-tag": QT_TRANSLATE_NOOP(
        "Messages",
        "the YAML tag {tag} on {kind} is not one Karar reads (only YAML's standard types)",
    ),
    "yaml-scalar": QT_TRANSLATE_NOOP("Messages", "a single value"),
    "yaml-sequence": QT_TRANSLATE_NOOP("Messages", "a list"),
    "yaml-mapping": QT_TRANSLATE_NOOP("Messages", "a mapping"),
    "yaml-long-number": QT_TRANSLATE_NOOP(
        "Messages", "a number of {chars} characters: more than {limit} is refused"
    ),
    #: {value} is the text as written; {what} is "a whole number", "a valid date or time"...
    "yaml-not-a": QT_TRANSLATE_NOOP("Messages", "{value} is not {what}"),
    #: {detail} says why, e.g. "month must be in 1..12"
    "yaml-not-a-because": QT_TRANSLATE_NOOP("Messages", "{value} is not {what} ({detail})"),
    "yaml-null": QT_TRANSLATE_NOOP("Messages", "null"),
    "yaml-bool": QT_TRANSLATE_NOOP("Messages", "true or false"),
    "yaml-int": QT_TRANSLATE_NOOP("Messages", "a whole number"),
    "yaml-float": QT_TRANSLATE_NOOP("Messages", "a number"),
    "yaml-binary": QT_TRANSLATE_NOOP("Messages", "base64 data"),
    "yaml-timestamp": QT_TRANSLATE_NOOP("Messages", "a valid date or time"),
    "yaml-time-zone": QT_TRANSLATE_NOOP("Messages", "the time zone is 24 hours or more away"),
    #: {kind} is !!omap or !!pairs
    "yaml-pairs-item": QT_TRANSLATE_NOOP(
        "Messages", "each item of {kind} must be one 'key: value'"
    ),
    "yaml-key-not-single": QT_TRANSLATE_NOOP(
        "Messages", "a mapping key must be a single value, not a list or a mapping"
    ),
    "yaml-key-twice": QT_TRANSLATE_NOOP(
        "Messages", "the key {key} is given twice (lines {first} and {line})"
    ),
    #: a key that is itself a list or a mapping, where a message names the key
    "yaml-list-or-mapping": QT_TRANSLATE_NOOP("Messages", "(a list or mapping)"),
    "yaml-set-value": QT_TRANSLATE_NOOP(
        "Messages", "a member of a !!set has no value; {key} has one"
    ),
    "yaml-merge-key": QT_TRANSLATE_NOOP(
        "Messages", "a merge key '<<' takes a mapping or a list of mappings"
    ),
    # ---- what a day is (core.status) ---------------------------------------------------
    "day-month": QT_TRANSLATE_NOOP("Messages", "month must be in 1..12"),
    "day-day": QT_TRANSLATE_NOOP("Messages", "day is out of range for month"),
    "day-hour": QT_TRANSLATE_NOOP("Messages", "hour must be in 0..23"),
    "day-minute": QT_TRANSLATE_NOOP("Messages", "minute must be in 0..59"),
    "day-second": QT_TRANSLATE_NOOP("Messages", "second must be in 0..59"),
    "day-year": QT_TRANSLATE_NOOP("Messages", "year {year} is out of range"),
    # ---- project files (core.project, core.status) -------------------------------------
    "not-a-project": QT_TRANSLATE_NOOP(
        "Messages", "not a Karar project: the file has no 'karar:' version key"
    ),
    "version-not-number": QT_TRANSLATE_NOOP(
        "Messages", "'karar:' must be a format version number, not {value}"
    ),
    #: {version}: the file's format; {known}: the newest this Karar reads
    "newer-format": QT_TRANSLATE_NOOP(
        "Messages",
        "written by a newer Karar (format {version}; this version reads up to {known}): "
        "update Karar to open it",
    ),
    "no-map": QT_TRANSLATE_NOOP(
        "Messages", "'map:' must name the map file (a path, or builtin:django)"
    ),
    "map-control-characters": QT_TRANSLATE_NOOP(
        "Messages", "'map:' must be a file name, not text with control characters: {map}"
    ),
    "map-url": QT_TRANSLATE_NOOP(
        "Messages", "'map:' must be a local file, not {map}: Karar works offline"
    ),
    "participant-not-name": QT_TRANSLATE_NOOP("Messages", "'participant:' must be a name"),
    "participants-not-names": QT_TRANSLATE_NOOP(
        "Messages", "'participants:' must be a list of names"
    ),
    "nodes-not-list": QT_TRANSLATE_NOOP("Messages", "'nodes:' must be a list of entries"),
    #: {node} is the node's path, labels joined by " / "; {first} a line
    "entry-twice": QT_TRANSLATE_NOOP(
        "Messages", "a second entry for the node {node} (the first is on line {first})"
    ),
    "entry-not-mapping": QT_TRANSLATE_NOOP(
        "Messages", "each entry under 'nodes:' must be a mapping, not {value}"
    ),
    "path-not-labels": QT_TRANSLATE_NOOP(
        "Messages", "'path:' must be a list of labels from the root down"
    ),
    #: {key} is checked or collapsed
    "not-true-or-false": QT_TRANSLATE_NOOP(
        "Messages", "'{key}:' must be true or false, not {value}"
    ),
    "note-not-text": QT_TRANSLATE_NOOP("Messages", "'note:' must be text"),
    "votes-not-number": QT_TRANSLATE_NOOP("Messages", "'votes:' must be a whole number"),
    "voters-not-names": QT_TRANSLATE_NOOP("Messages", "'voters:' must be a list of names"),
    "status-not-word": QT_TRANSLATE_NOOP("Messages", "'status:' must be a word, not {value}"),
    #: {allowed}: the states a project file may name, as written there (chosen, rejected…)
    "status-unknown": QT_TRANSLATE_NOOP(
        "Messages", "'status: {status}' is not a decision state (one of: {allowed})"
    ),
    "chosen-not-checked": QT_TRANSLATE_NOOP(
        "Messages", "'status: chosen' contradicts 'checked: false'"
    ),
    #: {decision} is a decision state (see "rejected", "considering")
    "checked-not-chosen": QT_TRANSLATE_NOOP(
        "Messages",
        "'checked: true' contradicts 'status: {status}' (a chosen node is not {decision})",
    ),
    "by-not-text": QT_TRANSLATE_NOOP(
        "Messages", "'by:' must be a name written as text, not {value}"
    ),
    "date-time-of-day": QT_TRANSLATE_NOOP(
        "Messages", "'date:' must be a day (YYYY-MM-DD), not a time of day"
    ),
    #: {problem} says what is wrong with the day, e.g. "month must be in 1..12"
    "date-no-day": QT_TRANSLATE_NOOP("Messages", "'date:' names no real day: {date} ({problem})"),
    "date-format": QT_TRANSLATE_NOOP("Messages", "'date:' must be a date written YYYY-MM-DD"),
    "view-not-mapping": QT_TRANSLATE_NOOP("Messages", "'view:' must be a mapping; it is ignored"),
    #: {key} is a key of view: (layout, zoom...); {expected} what it must hold
    "view-value": QT_TRANSLATE_NOOP(
        "Messages", "'{key}:' in 'view:' must be {expected}, not {value}; it is ignored"
    ),
    "view-one-of": QT_TRANSLATE_NOOP("Messages", "one of {names}"),
    "view-number": QT_TRANSLATE_NOOP("Messages", "a number from {low} to {high}"),
    "view-center": QT_TRANSLATE_NOOP("Messages", "two numbers, [x, y]"),
    "view-selected": QT_TRANSLATE_NOOP("Messages", "a node's path, a list of labels"),
    "view-true-or-false": QT_TRANSLATE_NOOP("Messages", "true or false"),
    #: the map a project names could not be read: {map} as the project writes it,
    #: {location} where that is, {reason} why
    "project-map": QT_TRANSLATE_NOOP("Messages", "the map '{map}' ({location}): {reason}"),
    "save-read-only": QT_TRANSLATE_NOOP(
        "Messages", "cannot save: the file is read-only (save it under another name)"
    ),
    #: {reason} is the system's
    "cannot-save": QT_TRANSLATE_NOOP("Messages", "cannot save: {reason}"),
    #: why a file is not written over (its owner's write permission is off)
    "read-only-file": QT_TRANSLATE_NOOP("Messages", "the file is read-only"),
    # ---- tallies (core.merge) ----------------------------------------------------------
    #: a tally merged into another decides a node otherwise than one merged before:
    #: {node} is the node's path, {decision} and {other_decision} decision states (see
    #: "chosen", "undecided"), {other} the other tally's file
    "tallies-differ": QT_TRANSLATE_NOOP(
        "Messages",
        "decides {node} as {decision}, but {other} decided it as {other_decision}: settle it "
        "in one of the tallies first",
    ),
    #: a node's state in a tally that decided nothing about it
    "undecided": QT_TRANSLATE_NOOP("Messages", "undecided"),
    # ---- pictures and documents written from the window (ui.export, ui.reportpdf) ------
    "no-nodes-to-draw": QT_TRANSLATE_NOOP("Messages", "{path}: the map has no nodes to draw"),
    #: {what} is PNG, SVG or PDF; {reason} the system's
    "cannot-write-file": QT_TRANSLATE_NOOP(
        "Messages", "{path}: cannot write the {what} file: {reason}"
    ),
    "png-encode": QT_TRANSLATE_NOOP("Messages", "cannot encode the picture as PNG"),
    "pdf-not-made": QT_TRANSLATE_NOOP("Messages", "{path}: cannot write the PDF file"),
    "pdf-start": QT_TRANSLATE_NOOP("Messages", "cannot start the PDF file"),
    "pdf-bookmarks": QT_TRANSLATE_NOOP(
        "Messages", "cannot add bookmarks to the PDF file: {reason}"
    ),
    "pdf-bookmarks-of": QT_TRANSLATE_NOOP(
        "Messages", "{path}: cannot add bookmarks to the PDF file: {reason}"
    ),
    "branch-picture": QT_TRANSLATE_NOOP("Messages", "cannot draw the branch's picture"),
    # ---- the window's own -------------------------------------------------------------
    #: an error as one line: {where} is the file (and :line), {message} what is wrong
    "located": QT_TRANSLATE_NOOP("Messages", "{where}: {message}"),
}
"""Each code core gives a :class:`~karar.core.errors.Message`, and its English source text
(placeholders named by the message's params)."""

SHAPES: dict[Shape, str] = {
    #: a node shape, in "a {shape} node"
    Shape.DEFAULT: QT_TRANSLATE_NOOP("Messages", "default"),
    #: a node shape, in "a {shape} node"
    Shape.SQUARE: QT_TRANSLATE_NOOP("Messages", "square"),
    #: a node shape, in "a {shape} node"
    Shape.ROUNDED: QT_TRANSLATE_NOOP("Messages", "rounded"),
    #: a node shape, in "a {shape} node"
    Shape.CIRCLE: QT_TRANSLATE_NOOP("Messages", "circle"),
    #: a node shape, in "a {shape} node"
    Shape.BANG: QT_TRANSLATE_NOOP("Messages", "bang"),
    #: a node shape, in "a {shape} node"
    Shape.CLOUD: QT_TRANSLATE_NOOP("Messages", "cloud"),
    #: a node shape, in "a {shape} node"
    Shape.HEXAGON: QT_TRANSLATE_NOOP("Messages", "hexagon"),
}
"""Each node shape as a message names it."""

DECISIONS: dict[Decision, str] = {
    #: a decision state, in "decides it as {decision}" and "a chosen node is not {decision}"
    Decision.CHOSEN: QT_TRANSLATE_NOOP("Messages", "chosen"),
    #: a decision state, in "decides it as {decision}" and "a chosen node is not {decision}"
    Decision.REJECTED: QT_TRANSLATE_NOOP("Messages", "rejected"),
    #: a decision state, in "decides it as {decision}" and "a chosen node is not {decision}"
    Decision.CONSIDERING: QT_TRANSLATE_NOOP("Messages", "considering"),
}
"""Each decision state as a message names it."""

SYSTEM_REASONS: dict[int, str] = {
    errno.EACCES: QT_TRANSLATE_NOOP("Messages", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Messages", "Operation not permitted"),
    errno.ENOENT: QT_TRANSLATE_NOOP("Messages", "No such file or directory"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Messages", "Not a directory"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Messages", "Is a directory"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Messages", "File exists"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Messages", "No space left on device"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Messages", "Disk quota exceeded"),
    errno.EROFS: QT_TRANSLATE_NOOP("Messages", "Read-only file system"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Messages", "File name too long"),
    errno.EIO: QT_TRANSLATE_NOOP("Messages", "Input/output error"),
    errno.EBUSY: QT_TRANSLATE_NOOP("Messages", "Device or resource busy"),
    errno.EMFILE: QT_TRANSLATE_NOOP("Messages", "Too many open files"),
    errno.ELOOP: QT_TRANSLATE_NOOP("Messages", "Too many levels of symbolic links"),
}
"""The system's reasons a file could not be read or written that the window words in its
language, by error number: a reason is known by the system's own English words for it
(``os.strerror``). Other reasons are shown as the system gives them."""

_LINE_PARAMS = frozenset({"line", "first", "last"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def message_text(message: str) -> str:
    """``message`` in the window's language: a :class:`~karar.core.errors.Message` with a
    code of :data:`TEXTS` worded from its params; any other text, and every message in the
    English window, as it is (core's English)."""
    if not isinstance(message, Message) or i18n.current_language() == "en":
        return message
    source = TEXTS.get(message.code)
    if source is None:
        return message
    params = {key: _param_text(key, value) for key, value in message.params.items()}
    try:
        return _tr(source).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation naming another placeholder
        return message


def _param_text(key: str, value: object) -> str:
    """One param as the window's language writes it in a message."""
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, Shape):
        return _tr(SHAPES[value])
    if isinstance(value, Decision):
        return _tr(DECISIONS[value])
    if key == "reason" and isinstance(value, str):
        return system_reason(value)
    if isinstance(value, float):
        return i18n.locale().toString(value, "g", 6)
    if isinstance(value, int) and not isinstance(value, bool):
        # lines stay as an editor numbers them; large figures are grouped (100.000)
        if value >= 10_000 and key not in _LINE_PARAMS:
            return i18n.locale().toString(value)
        return str(value)
    return str(value)


def system_reason(reason: str) -> str:
    """The system's reason a file could not be read or written (``Permission denied``), in
    the window's language where it is one of :data:`SYSTEM_REASONS` (or Karar's own, a
    :class:`~karar.core.errors.Message`: the file is read-only); else as given."""
    if isinstance(reason, Message):
        return message_text(reason)
    for number, text in SYSTEM_REASONS.items():
        if reason in (text, os.strerror(number)):
            return _tr(text)
    return reason


def error_message(err: KararError) -> str:
    """What ``err`` says, on one line with the file (and line) it is about, as a message
    the window words (:func:`message_text`) whenever it shows it."""
    message = said(err)
    if not isinstance(err, LocatedError):
        return message
    where = shown(err.path) + (f":{err.line}" if err.line is not None else "")
    return Message(f"{where}: {shown(message)}", "located", where=where, message=message)


def error_text(err: KararError) -> str:
    """What went wrong, on one line in the window's language, with the file shown as the
    window shows names."""
    return shown(message_text(error_message(err)))


def reason_text(err: BaseException) -> str:
    """Why a write failed, for "Could not …: {reason}": a Karar error as
    :func:`error_text`, a system error as its reason (and file) in the window's language."""
    from karar.core.errors import KararError

    if isinstance(err, KararError):
        return error_text(err)
    if isinstance(err, OSError) and err.strerror:
        reason = system_reason(err.strerror)
        return shown(f"{err.filename}: {reason}" if err.filename else reason)
    return shown(str(err))
