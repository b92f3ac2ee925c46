"""YAML that cannot hurt: the one reader and writer of Karar's YAML (project files, map
front matter).

PyYAML's own loaders trust their input too far for files from strangers: aliases are
unbounded (a 400-byte "alias bomb" becomes gigabytes as soon as anything walks the data),
the composer and constructor recurse (ten thousand nested brackets end in RecursionError),
values it cannot construct (an impossible date, a 5,000-digit number) raise bare
ValueErrors, and a duplicate key silently wins over the first. This module reads the
parser's event stream itself, without recursion, and builds plain data under these rules:

- nesting is bounded (:data:`MAX_DEPTH`), counted as the events arrive, aliases included;
- aliases are allowed, but what they add to a document is bounded
  (:data:`MAX_ALIAS_GROWTH`), and an alias inside the value it names is refused;
- a key given twice in one mapping is refused, naming both lines;
- only YAML's standard types are read (null, bool, int, float, str, binary, timestamp, seq,
  map, set, omap, pairs, merge keys); another tag, or text a type cannot hold, is refused
  with its line;
- the line of every value is kept beside the data (:class:`Where`), never inside it.

Two readings share these rules. The fast one builds the data straight from the events, in
one pass, for what nearly every file is (plain lists and mappings, standard scalars, anchors
and aliases): a 10,000-entry project in a few times libyaml's own parsing time. Anything
else, or anything wrong, is handed to the exact one (a node graph, then the data), which
reads the rest and words every refusal.

Every problem is one error of the caller's domain naming the line. :func:`dump` writes the
data back so that reading it again gives equal data of the same types: sets, ordered maps
(:class:`Omap`) and pairs (:class:`Pairs`) keep their tags.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import gc
import re
import reprlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from karar.core.errors import LocatedError, Message, one_line

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TypeAlias

    import yaml

    _Fail: TypeAlias = Callable[[int | None, str], LocatedError]

_Node = Any  # a yaml.Node: the stubs know neither its ``id`` nor its subclasses' arguments

MAX_DEPTH = 100
"""Most lists and mappings nested in one another. Karar's own files nest four deep; PyYAML's
writer recurses, so a bound far below Python's keeps every file that loads savable."""

MAX_ALIAS_GROWTH = 100_000
"""Most values aliases may add to a document, counted as if each alias were written out.
A real file reuses a block a few times; a billion-laughs file of 1 KB stops here at once."""

MAX_NUMBER_CHARS = 1_000
"""Longest number read. Python turns no more than 4,300 digits into an int (or back into
text), so a longer number could be read in another base and then never written."""

_STD = "tag:yaml.org,2002:"
_NULL, _BOOL, _INT, _FLOAT = (_STD + t for t in ("null", "bool", "int", "float"))
_BINARY, _TIMESTAMP, _STR, _VALUE, _MERGE = (
    _STD + t for t in ("binary", "timestamp", "str", "value", "merge")
)
_SEQ, _MAP, _SET, _OMAP, _PAIRS = (_STD + t for t in ("seq", "map", "set", "omap", "pairs"))

_CONSTRUCTED = {
    _NULL: Message("null", "yaml-null"),
    _BOOL: Message("true or false", "yaml-bool"),
    _INT: Message("a whole number", "yaml-int"),
    _FLOAT: Message("a number", "yaml-float"),
    _BINARY: Message("base64 data", "yaml-binary"),
    _TIMESTAMP: Message("a valid date or time", "yaml-timestamp"),
}
"""Scalar tags PyYAML's safe constructor builds, and what their text must be."""

_AS_TEXT = (_STR, _VALUE, _MERGE)
"""Scalar tags read as the text itself (``=`` and ``<<`` outside a key are just text)."""

# What YAML allows in a stream (YAML 1.1, section 5.1), as PyYAML's reader checks it.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 40
_short.maxlevel = 2


def shown(value: Any) -> str:
    """``value`` for a one-line message: short, quoted, control characters escaped, and
    cheap whatever it holds."""
    return _short.repr(value)


class Omap(list[tuple[Any, Any]]):
    """A YAML ``!!omap``: an ordered mapping, as its (key, value) pairs in order."""


class Pairs(list[tuple[Any, Any]]):
    """A YAML ``!!pairs``: (key, value) pairs in order, keys possibly repeated."""


class FlowList(list[Any]):
    """A list written on one line (``[a, b, c]``): node paths read best that way."""


@dataclass(slots=True, eq=False)
class Where:
    """Where a loaded value stood: its line, and for a mapping or sequence, its parts'.

    Attributes:
        line: The 1-based file line the value starts on.
        keys: For a mapping (or set): each key's line and where its value stood.
        items: For a sequence (or omap, pairs): where each item stood.
    """

    line: int
    keys: dict[Any, tuple[int, Where]] | None = None
    items: list[Where] | None = None

    def key_line(self, key: Any) -> int:
        """The line of ``key`` in this mapping (the mapping's own line if it has none)."""
        found = self.keys.get(key) if self.keys is not None else None
        return found[0] if found is not None else self.line

    def value(self, key: Any) -> Where:
        """Where the value of ``key`` stood (this mapping's line if it has none)."""
        found = self.keys.get(key) if self.keys is not None else None
        return found[1] if found is not None else Where(self.line)

    def item(self, index: int) -> Where:
        """Where item ``index`` of this sequence stood (the sequence's line if none)."""
        if self.items is not None and 0 <= index < len(self.items):
            return self.items[index]
        return Where(self.line)


def load(
    text: str,
    name: str,
    error: type[LocatedError],
    *,
    first_line: int = 1,
    prefix: str = "",
) -> tuple[Any, Where]:
    """The one YAML document in ``text`` as plain data, and where each part stood.

    Args:
        text: The YAML text.
        name: The file, for messages.
        error: The caller's error type (a project's or a map's).
        first_line: The file line of ``text``'s first line (front matter starts lower).
        prefix: Put before every message (``"the front matter: "``); a
            :class:`~karar.core.errors.Message` of its own code, which then holds the
            message as ``message``.

    Returns:
        The data (None for an empty document) and its :class:`Where`.

    Raises:
        error: Not YAML, or YAML this module refuses (see the module docstring); the
            message names the line.
    """

    def fail(line: int | None, message: str) -> LocatedError:
        said = one_line(message)
        if isinstance(prefix, Message):
            said = Message(prefix + said, prefix.code, message=said)
        elif prefix:
            said = prefix + said
        return error(name, line, said)

    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        line = first_line + text.count("\n", 0, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        raise fail(
            line,
            Message(
                f"not valid YAML: the control character {code} is not allowed",
                "yaml-control-character",
                character=code,
            ),
        )
    try:
        return _read_fast(text, first_line)
    except _ExactReadingError:
        pass
    root, order = _Composer(text, first_line, fail).compose()
    if root is None:
        return None, Where(first_line)
    values, wheres = _Builder(first_line, fail).build(order)
    return values[id(root)], wheres[id(root)]


# A \u or \U escape of a UTF-16 surrogate. Karar writes one for a file name byte that is
# not UTF-8 (Python holds it as a lone surrogate); libyaml refuses to read it back.
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")


def _loader_class(text: str) -> type[Any]:
    """The parser for ``text``: libyaml's (iterative and fast) where it can read the text,
    else PyYAML's own. Only the parser is used: composing and constructing are done here."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or _SURROGATE_ESCAPE.search(text):
        return yaml.SafeLoader
    return fast  # type: ignore[no-any-return]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the block runs (then back as it was). Loaded data
    holds no cycles, and the collector would walk the growing data again and again: a
    fifth of the time of reading a big file."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class _ExactReadingError(Exception):
    """The fast reading met what only the exact reading reads right, or refuses with the
    right message."""


_NO_KEY: Any = object()  # a mapping's frame waits for a key, not for a value
_IN_LIST: Any = object()  # the frame is a list's: no keys


class _Open:
    """A list or mapping of the fast reading while its events arrive."""

    __slots__ = ("anchor", "data", "height", "key", "key_line", "line", "parts", "size")

    def __init__(self, line: int, anchor: str | None, mapping: bool) -> None:
        self.line = line
        self.anchor = anchor
        self.data: Any = {} if mapping else []
        self.parts: Any = {} if mapping else []  # the Where.keys or Where.items to be
        self.height = 0  # lists and mappings nested below it
        self.size = 1  # values in it, aliases written out
        self.key: Any = _NO_KEY if mapping else _IN_LIST
        self.key_line = 0


class _Named:
    """What an anchor names in the fast reading: the value built once, shared by every
    alias (as PyYAML shares it), with its height and size for the bounds."""

    __slots__ = ("height", "size", "value", "where")

    def __init__(self, value: Any, where: Where, height: int, size: int) -> None:
        self.value = value
        self.where = where
        self.height = height
        self.size = size


_OPEN: Any = object()  # an anchor whose list or mapping has not ended yet


def _read_fast(text: str, first_line: int) -> tuple[Any, Where]:
    """The data and its :class:`Where` in one pass over the parser's events, for the
    documents nearly every file is: plain lists and mappings, scalars of the standard types,
    anchors and aliases. No node objects: a plain scalar is resolved once per distinct
    text, a quoted one is text. The bounds of :class:`_Composer` are kept as the events
    arrive, and a key given twice is caught.

    Raises:
        _ExactReadingError: Anything else: a parse error, a broken bound or rule, a tag on a list or
            mapping, a merge key, a value that cannot be constructed. The exact reading
            (:class:`_Composer`, :class:`_Builder`) then reads the text again, and gives
            the message, in the order it finds problems.
    """
    import yaml
    from yaml import events

    loader = _loader_class(text)(text)
    try:
        with collector_paused():
            return _fast_events(loader, first_line, events)
    except (yaml.YAMLError, ValueError):  # ValueError: PyYAML's parser on "\U00110000"
        raise _ExactReadingError from None
    finally:
        loader.dispose()


def _fast_events(loader: Any, first: int, events: Any) -> tuple[Any, Where]:
    # One loop, names held locally: this runs once per event, 170,000 times for a
    # project of 10,000 entries.
    scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
    map_start, map_end = events.MappingStartEvent, events.MappingEndEvent
    seq_start, seq_end = events.SequenceStartEvent, events.SequenceEndEvent
    resolvers = loader.yaml_implicit_resolvers
    if None in resolvers or loader.yaml_path_resolvers:
        raise _ExactReadingError  # resolution no longer depends on the first character alone
    plain_text = frozenset(c for c in resolvers if c)  # the first characters of non-text
    resolved: dict[str, Any] = {}  # a plain scalar's value by its text
    plain = _Plain(loader)
    anchors: dict[str, Any] = {}
    stack: list[_Open] = []
    grown = 0
    root: Any = None
    root_where: Where | None = None
    get = loader.get_event
    get()  # the stream starts
    if type(get()) is events.StreamEndEvent:
        return None, Where(first)
    for event in iter(get, None):
        kind = type(event)
        if kind is scalar_event:
            text = event.value
            line = first + event.start_mark.line
            tag = event.tag
            if tag is not None and tag != "!":
                value = plain.tagged(tag, text)
            elif not event.implicit[0] or (text and text[0] not in plain_text):
                value = text
            else:
                value = resolved.get(text, _NO_KEY)
                if value is _NO_KEY:
                    value = resolved[text] = plain.resolve(text)
            height, size = 0, 1
            where: Where | None = None
            if event.anchor is not None:
                if event.anchor in anchors:
                    raise _ExactReadingError
                where = Where(line)
                anchors[event.anchor] = _Named(value, where, 0, 1)
        elif kind is map_start or kind is seq_start:
            if len(stack) >= MAX_DEPTH:
                raise _ExactReadingError
            tag = event.tag
            if tag is not None and tag != "!" and tag != (_MAP if kind is map_start else _SEQ):
                raise _ExactReadingError
            if stack and stack[-1].key is _NO_KEY:
                raise _ExactReadingError  # a list or mapping as a key: refused
            anchor = event.anchor
            if anchor is not None:
                if anchor in anchors:
                    raise _ExactReadingError
                anchors[anchor] = _OPEN
            stack.append(_Open(first + event.start_mark.line, anchor, kind is map_start))
            continue
        elif kind is map_end or kind is seq_end:
            done = stack.pop()
            value = done.data
            if kind is map_end:
                where = Where(done.line, keys=done.parts)
            else:
                where = Where(done.line, items=done.parts)
            height, size = done.height + 1, done.size
            if done.anchor is not None:
                anchors[done.anchor] = _Named(value, where, height, size)
        elif kind is alias_event:
            named = anchors.get(event.anchor)
            if named is None or named is _OPEN or len(stack) + named.height > MAX_DEPTH:
                raise _ExactReadingError
            grown += named.size
            if grown > MAX_ALIAS_GROWTH:
                raise _ExactReadingError
            value, where, height, size = named.value, named.where, named.height, named.size
            line = where.line
            if height and stack and stack[-1].key is _NO_KEY:
                raise _ExactReadingError  # a list or mapping as a key: refused
        else:  # the document ends
            if type(get()) is not events.StreamEndEvent:
                raise _ExactReadingError  # a second document
            assert root_where is not None
            return root, root_where
        if not stack:
            root, root_where = value, where if where is not None else Where(line)
            continue
        parent = stack[-1]
        if height > parent.height:
            parent.height = height
        parent.size += size
        key = parent.key
        if key is _IN_LIST:
            parent.data.append(value)
            parent.parts.append(where if where is not None else Where(line))
        elif key is _NO_KEY:
            parent.key, parent.key_line = value, line
        else:
            if key in parent.data:
                raise _ExactReadingError  # given twice
            parent.data[key] = value
            parent.parts[key] = (parent.key_line, where if where is not None else Where(line))
            parent.key = _NO_KEY
    raise _ExactReadingError  # the events ended before the document did


class _Plain:
    """Scalars' values for the fast reading, as :class:`_Builder` makes them; anything it
    would refuse, or read as a merge key, is :class:`_ExactReadingError`."""

    def __init__(self, loader: Any) -> None:
        import yaml
        from yaml.constructor import SafeConstructor

        self.loader = loader
        self.node = yaml.ScalarNode
        self.constructor = SafeConstructor()
        self.constructors = SafeConstructor.yaml_constructors

    def resolve(self, text: str) -> Any:
        """The value of a plain scalar."""
        return self.tagged(self.loader.resolve(self.node, text, (True, False)), text)

    def tagged(self, tag: str, text: str) -> Any:
        """The value of a scalar with this tag."""
        if tag in (_STR, _VALUE):
            return text
        if tag not in _CONSTRUCTED or (tag in (_INT, _FLOAT) and len(text) > MAX_NUMBER_CHARS):
            raise _ExactReadingError  # a merge key, a tag Karar does not read, a number too long
        try:
            if tag == _BINARY:
                return _binary(text)
            return self.constructors[tag](self.constructor, self.node(tag, text))
        except Exception:  # whatever the constructor raises, the exact reading words it
            raise _ExactReadingError from None


class _Frame:
    """An open sequence or mapping while its events arrive."""

    __slots__ = ("anchor", "height", "key", "node", "size")

    def __init__(self, node: _Node, anchor: _Anchor | None) -> None:
        self.node = node
        self.anchor = anchor
        self.height = 0  # lists and mappings nested below it
        self.size = 1  # values in it, aliases written out
        self.key: _Node | None = None  # a mapping's key waiting for its value


class _Anchor:
    """A node with an anchor: how high and big it is once closed."""

    __slots__ = ("closed", "height", "line", "node", "size")

    def __init__(self, node: _Node, line: int) -> None:
        self.node = node
        self.line = line
        self.closed = False
        self.height = 0
        self.size = 1


class _Composer:
    """The node graph of one document, built from parser events without recursion; nesting
    and what aliases add are bounded as the events arrive."""

    def __init__(self, text: str, first_line: int, fail: _Fail) -> None:
        self.text = text
        self.first_line = first_line
        self.fail = fail
        self.order: list[_Node] = []  # every node once, children before parents
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchor] = {}
        self.grown = 0
        self.root: _Node | None = None

    def line(self, event: Any) -> int:
        return int(self.first_line + event.start_mark.line)

    def compose(self) -> tuple[_Node | None, list[_Node]]:
        """The root node (None for an empty stream) and every node, children first."""
        import yaml

        loader = _loader_class(self.text)(self.text)
        try:
            self._read(loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = self.first_line + mark.line if mark is not None else None
            raise self.fail(line, _not_yaml(str(exc.problem or exc.context))) from None
        except yaml.YAMLError as exc:
            reason = getattr(exc, "reason", None) or str(exc).split("\n", 1)[0]
            raise self.fail(None, _not_yaml(str(reason))) from None
        except ValueError:  # PyYAML's parser on "\U00110000": chr() of no character
            line = self.first_line + loader.get_mark().line
            said = Message("not valid YAML: an escape names no Unicode character", "yaml-escape")
            raise self.fail(line, said) from None
        finally:
            loader.dispose()
        return self.root, self.order

    def _read(self, loader: Any) -> None:
        import yaml
        from yaml import events

        loader.get_event()  # the stream starts
        if loader.check_event(events.StreamEndEvent):
            return
        loader.get_event()  # the document starts
        while not loader.check_event(events.DocumentEndEvent):
            event = loader.get_event()
            kind = type(event)
            if kind is events.ScalarEvent:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                node = yaml.ScalarNode(
                    tag, event.value, event.start_mark, event.end_mark, event.style
                )
                anchor = self._anchor(event, node)
                if anchor is not None:
                    anchor.closed = True
                self.order.append(node)
                self._attach(node, 0, 1)
            elif kind is events.AliasEvent:
                self._alias(event)
            elif kind is events.SequenceStartEvent:
                self._open(event, yaml.SequenceNode, loader)
            elif kind is events.MappingStartEvent:
                self._open(event, yaml.MappingNode, loader)
            else:  # a sequence or mapping ends
                self._close(event)
        loader.get_event()  # the document ends
        if not loader.check_event(events.StreamEndEvent):
            raise self.fail(
                self.line(loader.peek_event()),
                Message(
                    "a second YAML document starts here: the file may hold only one",
                    "yaml-second-document",
                ),
            )

    def _anchor(self, event: Any, node: _Node) -> _Anchor | None:
        name = event.anchor
        if name is None:
            return None
        line = self.line(event)
        if name in self.anchors:
            first = self.anchors[name].line
            raise self.fail(
                line,
                Message(
                    f"the anchor &{name} is set twice (lines {first} and {line})",
                    "yaml-anchor-twice",
                    anchor=name,
                    first=first,
                    line=line,
                ),
            )
        anchor = self.anchors[name] = _Anchor(node, line)
        return anchor

    def _open(self, event: Any, cls: type[Any], loader: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(
                self.line(event),
                Message(
                    f"nested more than {MAX_DEPTH} lists or mappings deep",
                    "yaml-too-deep",
                    depth=MAX_DEPTH,
                ),
            )
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(cls, None, event.implicit)
        node = cls(tag, [], event.start_mark, None, flow_style=event.flow_style)
        self.stack.append(_Frame(node, self._anchor(event, node)))

    def _close(self, event: Any) -> None:
        frame = self.stack.pop()
        node = frame.node
        node.end_mark = event.end_mark
        height = frame.height + 1
        if frame.anchor is not None:
            frame.anchor.closed = True
            frame.anchor.height = height
            frame.anchor.size = frame.size
        self.order.append(node)
        self._attach(node, height, frame.size)

    def _alias(self, event: Any) -> None:
        line = self.line(event)
        anchor = self.anchors.get(event.anchor)
        alias = event.anchor
        if anchor is None:
            said = f"the alias *{alias} names no anchor before it"
            raise self.fail(line, Message(said, "yaml-alias-unknown", alias=alias))
        if not anchor.closed:
            said = f"the alias *{alias} stands inside the value it names: it never ends"
            raise self.fail(line, Message(said, "yaml-alias-inside", alias=alias))
        if len(self.stack) + anchor.height > MAX_DEPTH:
            said = f"the alias *{alias} nests more than {MAX_DEPTH} lists or mappings deep"
            raise self.fail(
                line, Message(said, "yaml-alias-too-deep", alias=alias, depth=MAX_DEPTH)
            )
        self.grown += anchor.size
        if self.grown > MAX_ALIAS_GROWTH:
            said = (
                f"aliases repeat more than {MAX_ALIAS_GROWTH:,} values by the alias "
                f"*{alias}: refused (an alias bomb?)"
            )
            raise self.fail(
                line, Message(said, "yaml-alias-bomb", limit=MAX_ALIAS_GROWTH, alias=alias)
            )
        self._attach(anchor.node, anchor.height, anchor.size)

    def _attach(self, node: _Node, height: int, size: int) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if height > frame.height:
            frame.height = height
        frame.size += size
        if frame.node.id == "sequence":
            frame.node.value.append(node)
        elif frame.key is None:
            frame.key = node
        else:
            frame.node.value.append((frame.key, node))
            frame.key = None


class _Builder:
    """Plain data from the node graph, children first (no recursion), each node built once:
    a value named by several aliases is one shared object, as PyYAML makes it."""

    def __init__(self, first_line: int, fail: _Fail) -> None:
        from yaml.constructor import ConstructorError, SafeConstructor

        self.first_line = first_line
        self.fail = fail
        self.constructor = SafeConstructor()
        self.constructors = SafeConstructor.yaml_constructors
        self.refusals = (ConstructorError, ValueError, ArithmeticError, LookupError, TypeError)
        self.values: dict[int, Any] = {}
        self.wheres: dict[int, Where] = {}

    def line(self, node: _Node) -> int:
        return int(self.first_line + node.start_mark.line)

    def build(self, order: list[_Node]) -> tuple[dict[int, Any], dict[int, Where]]:
        """The value and the :class:`Where` of every node, by the node's id."""
        for node in order:
            if node.id == "scalar":
                value: Any = self._scalar(node)
                where = Where(self.line(node))
            elif node.id == "sequence":
                value, where = self._sequence(node)
            else:
                value, where = self._mapping(node)
            self.values[id(node)] = value
            self.wheres[id(node)] = where
        return self.values, self.wheres

    def _refuse_tag(self, node: _Node) -> LocatedError:
        tag = node.tag.replace(_STD, "!!", 1) if node.tag.startswith(_STD) else node.tag
        kind = _KINDS[node.id]
        return self.fail(
            self.line(node),
            Message(
                f"the YAML tag {shown(tag)} on {kind} is not one Karar reads "
                "(only YAML's standard types)",
                "yaml-tag",
                tag=shown(tag),
                kind=kind,
            ),
        )

    def _scalar(self, node: _Node) -> Any:
        tag = node.tag
        if tag in _AS_TEXT:
            return node.value
        what = _CONSTRUCTED.get(tag)
        if what is None:
            raise self._refuse_tag(node)
        text = node.value
        if tag in (_INT, _FLOAT) and len(text) > MAX_NUMBER_CHARS:
            raise self.fail(
                self.line(node),
                Message(
                    f"a number of {len(text):,} characters: more than {MAX_NUMBER_CHARS:,} is "
                    "refused",
                    "yaml-long-number",
                    chars=len(text),
                    limit=MAX_NUMBER_CHARS,
                ),
            )
        try:
            if tag == _BINARY:
                return _binary(text)
            return self.constructors[tag](self.constructor, node)
        except self.refusals as exc:
            detail = _date_problem(exc) if tag == _TIMESTAMP else ""
            raise self.fail(self.line(node), _not_a(text, what, detail)) from None
        except AttributeError:  # the timestamp pattern did not match at all
            raise self.fail(self.line(node), _not_a(text, what, "")) from None

    def _sequence(self, node: _Node) -> tuple[Any, Where]:
        items = [self.wheres[id(item)] for item in node.value]
        where = Where(self.line(node), items=items)
        if node.tag == _SEQ:
            return [self.values[id(item)] for item in node.value], where
        if node.tag not in (_OMAP, _PAIRS):
            raise self._refuse_tag(node)
        pairs: Omap | Pairs = Omap() if node.tag == _OMAP else Pairs()
        seen: dict[Any, int] = {}
        for item in node.value:
            if item.id != "mapping" or len(item.value) != 1 or item.tag != _MAP:
                kind = "!!omap" if node.tag == _OMAP else "!!pairs"
                raise self.fail(
                    self.line(item),
                    Message(
                        f"each item of {'an !!omap' if node.tag == _OMAP else '!!pairs'} must be "
                        "one 'key: value'",
                        "yaml-pairs-item",
                        kind=kind,
                    ),
                )
            key_node, value_node = item.value[0]
            key = self.values[id(key_node)]
            if node.tag == _OMAP:
                self._check_key(key, key_node, seen)
            pairs.append((key, self.values[id(value_node)]))
        return pairs, where

    def _check_key(self, key: Any, key_node: _Node, seen: dict[Any, int]) -> None:
        line = self.line(key_node)
        try:
            first = seen.get(key)
        except TypeError:
            raise self.fail(
                line,
                Message(
                    "a mapping key must be a single value, not a list or a mapping",
                    "yaml-key-not-single",
                ),
            ) from None
        if first is not None:
            key_text = _key_text(key_node)
            raise self.fail(
                line,
                Message(
                    f"the key {key_text} is given twice (lines {first} and {line})",
                    "yaml-key-twice",
                    key=key_text,
                    first=first,
                    line=line,
                ),
            )
        seen[key] = line

    def _mapping(self, node: _Node) -> tuple[Any, Where]:
        if node.tag not in (_MAP, _SET):
            raise self._refuse_tag(node)
        data: dict[Any, Any] = {}
        keys: dict[Any, tuple[int, Where]] = {}
        seen: dict[Any, int] = {}
        merged: list[_Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE and key_node.id == "scalar":
                self._check_key(_MERGE, key_node, seen)  # not the text '<<', a quoted key
                merged = self._merge_sources(value_node)
                continue
            key = self.values[id(key_node)]
            self._check_key(key, key_node, seen)
            data[key] = self.values[id(value_node)]
            keys[key] = (self.line(key_node), self.wheres[id(value_node)])
        if merged:
            data, keys = self._merge(merged, data, keys)
        where = Where(self.line(node), keys=keys)
        if node.tag == _MAP:
            return data, where
        for key_node, value_node in node.value:
            if self.values[id(value_node)] is not None:
                key_text = _key_text(key_node)
                raise self.fail(
                    self.line(value_node),
                    Message(
                        f"a member of a !!set has no value; {key_text} has one",
                        "yaml-set-value",
                        key=key_text,
                    ),
                )
        return set(data), where

    def _merge_sources(self, node: _Node) -> list[_Node]:
        sources = node.value if node.id == "sequence" and node.tag == _SEQ else [node]
        for source in sources:
            if source.id != "mapping" or source.tag != _MAP:
                raise self.fail(
                    self.line(source),
                    Message(
                        "a merge key '<<' takes a mapping or a list of mappings", "yaml-merge-key"
                    ),
                )
        return list(sources)

    def _merge(
        self,
        sources: list[_Node],
        data: dict[Any, Any],
        keys: dict[Any, tuple[int, Where]],
    ) -> tuple[dict[Any, Any], dict[Any, tuple[int, Where]]]:
        """``data`` over the merged mappings; an earlier source wins over a later one."""
        out: dict[Any, Any] = {}
        out_keys: dict[Any, tuple[int, Where]] = {}
        for source in reversed(sources):
            out.update(self.values[id(source)])
            out_keys.update(self.wheres[id(source)].keys or {})
        out.update(data)
        out_keys.update(keys)
        return out, out_keys


def _date_problem(exc: Exception) -> str:
    """What :mod:`datetime` found wrong with a date, where it says so in a few words ("" where
    it does not)."""
    from karar.core.status import day_problem

    words = str(exc)
    if words.startswith("offset must be"):
        return Message("the time zone is 24 hours or more away", "yaml-time-zone")
    return day_problem(exc) if isinstance(exc, ValueError) and 0 < len(words) <= 40 else ""


_YAML_PROBLEMS = {
    "did not find expected node content": "yaml-no-value",
    "did not find expected key": "yaml-no-key",
    "could not find expected ':'": "yaml-no-colon",
    "did not find expected '-' indicator": "yaml-no-dash",
    "did not find expected ',' or ']'": "yaml-no-bracket",
    "did not find expected ',' or '}'": "yaml-no-brace",
    "mapping values are not allowed in this context": "yaml-mapping-value",
    "mapping values are not allowed here": "yaml-mapping-value",
    "found unexpected end of stream": "yaml-end",
    "found a tab character that violates indentation": "yaml-tab",
    "found character that cannot start any token": "yaml-no-token",
    "did not find expected alphabetic or numeric character": "yaml-no-name",
}
"""What libyaml (and PyYAML) say of the usual slips in a file written by hand, by the code
of their :class:`~karar.core.errors.Message`; the rest stay their words."""


def _not_yaml(problem: str) -> Message:
    """The text is not YAML: ``problem`` as PyYAML words it (a Message where it is one of
    :data:`_YAML_PROBLEMS`)."""
    code = _YAML_PROBLEMS.get(problem)
    said = Message(problem, code) if code is not None else problem
    return Message(f"not valid YAML: {problem}", "yaml-invalid", problem=said)


def _not_a(text: str, what: Message, detail: str) -> Message:
    """``text`` cannot be read as its tag's type (``what``), for the reason ``detail``."""
    if not detail:
        return Message(f"{shown(text)} is not {what}", "yaml-not-a", value=shown(text), what=what)
    return Message(
        f"{shown(text)} is not {what} ({detail})",
        "yaml-not-a-because",
        value=shown(text),
        what=what,
        detail=detail,
    )


_KINDS = {
    "scalar": Message("a single value", "yaml-scalar"),
    "sequence": Message("a list", "yaml-sequence"),
    "mapping": Message("a mapping", "yaml-mapping"),
}
"""What a node is, as messages name it."""
_LIST_OR_MAPPING = Message("(a list or mapping)", "yaml-list-or-mapping")


def _binary(text: str) -> bytes:
    """Base64 text as bytes. PyYAML skips characters that are not base64, so ``!!!`` would
    be read as nothing at all and saved so: refuse it instead (``binascii.Error`` is a
    ValueError)."""
    import base64

    return base64.b64decode("".join(text.split()).encode("ascii"), validate=True)


def _key_text(node: _Node) -> str:
    return shown(node.value) if node.id == "scalar" else _LIST_OR_MAPPING


# --------------------------------------------------------------------------- writing


def dump(data: Any) -> str:
    """YAML for people: block style, keys in the given order, Unicode as is, nested lists
    indented, :class:`FlowList` on one line, multi-line text as literal blocks (``|``) so
    notes diff line by line. Reading the text back with :func:`load` gives equal data of
    the same types (sets, :class:`Omap`, :class:`Pairs`, dates, bytes).

    Written by libyaml's emitter where the data has a project file's shape (see
    :func:`_dump_libyaml`: the same text, five times faster), else by PyYAML's own."""
    fast = _dump_libyaml(data)
    return fast if fast is not None else _dump_python(data)


def _dump_python(data: Any) -> str:
    import yaml

    text: str = yaml.dump(data, Dumper=_dumper(), **_DUMP_OPTIONS)
    return text


_DUMP_OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "default_flow_style": False,
    "width": 10_000,  # never fold a path or a label over two lines
}
_SCALARS = (str, int, float, bool, type(None), _dt.date)
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def _dump_libyaml(data: Any) -> str | None:
    """``data`` as :func:`_dump_python` writes it, by libyaml's emitter; None where that
    is not certain.

    libyaml writes a block list at its key's indentation where Karar indents it, and its
    indentation cannot be changed; so only data whose block lists hang directly from
    top-level keys, holding mappings of single values and flow lists (a project file:
    ``nodes:``), is written here, and those lists' lines are indented afterwards. libyaml
    also escapes characters beyond U+FFFF that PyYAML writes as they are: such text goes
    the other way.
    """
    import yaml

    dumper = _fast_dumper()
    if dumper is None or not isinstance(data, dict) or not _fast_shape(data):
        return None
    try:
        text: str = yaml.dump(data, Dumper=dumper, **_DUMP_OPTIONS)
    except (yaml.YAMLError, UnicodeError, ValueError):
        return None
    if "\\U" in text and re.search(r"\\U[0-9A-Fa-f]{8}", text):
        return None
    lines = text.split("\n")
    inside = False  # in a top-level key's block list
    for i, line in enumerate(lines):
        if line[:1] not in ("-", " ", ""):
            inside = False  # the next top-level key
        if line.startswith("- ") or line == "-":
            inside = True
        if inside and line:
            lines[i] = "  " + line
    return "\n".join(lines)


def _fast_shape(data: dict[Any, Any]) -> bool:
    """Whether every block list of ``data`` hangs from a top-level key and holds mappings
    of single values and flow lists (what :func:`_dump_libyaml` can indent)."""
    for key, value in data.items():
        if not isinstance(key, str):
            return False
        if isinstance(value, (FlowList, *_SCALARS)):
            if not _plain_value(value):
                return False
        elif isinstance(value, dict):
            if not _flat_mapping(value):
                return False
        elif type(value) is list:
            if not all(isinstance(item, dict) and _flat_mapping(item) for item in value):
                return False
        else:
            return False
    return True


def _flat_mapping(mapping: dict[Any, Any]) -> bool:
    return all(isinstance(k, str) and _plain_value(v) for k, v in mapping.items())


def _plain_value(value: Any) -> bool:
    """A single value, or a flow list of single values, of text libyaml writes as PyYAML."""
    if isinstance(value, FlowList):
        return all(type(v) in _SCALARS and _plain_value(v) for v in value)
    if isinstance(value, str):
        return _BEYOND_BMP.search(value) is None
    return isinstance(value, _SCALARS) and not isinstance(value, _dt.datetime)


@functools.cache
def _fast_dumper() -> type[Any] | None:
    """libyaml's emitter with this module's representers (None without libyaml)."""
    import yaml

    if not getattr(yaml, "__with_libyaml__", False):
        return None
    return type(
        "_FastDumper",
        (yaml.CSafeDumper,),
        {
            "yaml_representers": dict(_dumper().yaml_representers),
            "ignore_aliases": _ignore_aliases,
        },
    )


def _ignore_aliases(dumper: Any, data: Any) -> bool:
    """A date shared by two entries is written twice, not as ``&id001`` / ``*id001``;
    shared lists and mappings (unknown content) keep their anchors."""
    from yaml.representer import SafeRepresenter

    return isinstance(data, _dt.date) or bool(SafeRepresenter.ignore_aliases(dumper, data))


@functools.cache
def _dumper() -> type[Any]:
    import yaml

    class _Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

        ignore_aliases = _ignore_aliases

    def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        if "\x85" in value:  # PyYAML writes NEL raw in '...' and reads it back as a newline
            style: str | None = '"'
        elif "\n" in value and _literal_safe(value):
            style = "|"
        else:
            style = None
        return dumper.represent_scalar(_STR, value, style=style)

    def _flow(dumper: yaml.SafeDumper, value: FlowList) -> yaml.SequenceNode:
        return dumper.represent_sequence(_SEQ, value, flow_style=True)

    def _set(dumper: yaml.SafeDumper, value: set[Any]) -> yaml.MappingNode:
        return dumper.represent_mapping(_SET, dict.fromkeys(_stable(value)))

    def _pairs(dumper: yaml.SafeDumper, value: Omap | Pairs) -> yaml.SequenceNode:
        tag = _OMAP if isinstance(value, Omap) else _PAIRS
        return dumper.represent_sequence(tag, [{k: v} for k, v in value])

    _Dumper.add_representer(str, _str)
    _Dumper.add_representer(FlowList, _flow)
    _Dumper.add_representer(set, _set)
    _Dumper.add_representer(Omap, _pairs)
    _Dumper.add_representer(Pairs, _pairs)
    return _Dumper


def _stable(members: set[Any]) -> list[Any]:
    """A set's members in an order that does not change from one run to the next (Python
    orders strings by a hash that does)."""
    try:
        return sorted(members, key=lambda m: (type(m).__name__, m))
    except TypeError:
        return sorted(members, key=lambda m: (type(m).__name__, repr(m)))


def _literal_safe(value: str) -> bool:
    """Whether ``|`` gives this text back exactly. PyYAML falls back silently for trailing
    spaces and tabs, and reads NEL and CR in a block back as plain newlines; say so up front
    so the choice is ours, not a surprise."""
    if any(c in value for c in "\t\r\x85\u2028\u2029\ufeff"):
        return False
    return not any(line != line.rstrip(" ") for line in value.split("\n"))
