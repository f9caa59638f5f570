#!/usr/bin/env python3
"""Check the fluent translations against the English source files.

Usage: scripts/check-locales.py   (no arguments)

For every locales/en/<file>.ftl and every other language folder locales/<lang>/:
  * every file must parse without Junk (syntax errors are printed with their line);
  * locales/<lang>/<file>.ftl must exist and hold exactly the message and term ids
    of locales/en/<file>.ftl (missing and extra ids are listed per file and language);
  * no id may be defined twice in one language (all files of a language form one bundle);
  * a translation may not use a variable ({ $x }) that the English message does not have,
    and references to other messages or terms must resolve in that language.
Files present in a language but absent from English are reported too.

Warnings (printed, but not failing): a different id order than English, and an English
variable that a translation never uses.

Exit status: 0 when everything is fine, 1 on any problem, 2 when fluent.syntax is missing
(install it with `python3 -m pip install fluent.syntax`).
"""

import sys
from pathlib import Path

try:
    from fluent.syntax import ast, parse
    from fluent.syntax.visitor import Visitor
except ImportError:
    print("fluent.syntax is missing: python3 -m pip install fluent.syntax", file=sys.stderr)
    sys.exit(2)

LOCALES = Path(__file__).resolve().parent.parent / "locales"
SOURCE = "en"


class Refs(Visitor):
    """Collects the variables, message references and term references of an entry."""

    def __init__(self):
        super().__init__()
        self.variables = set()
        self.messages = set()
        self.terms = set()

    def visit_VariableReference(self, node):
        self.variables.add(node.id.name)

    def visit_MessageReference(self, node):
        self.messages.add(node.id.name)

    def visit_TermReference(self, node):
        self.terms.add(node.id.name)
        self.generic_visit(node)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def load(path, problems):
    """Parse one file: returns an ordered list of (id, entry), '-'-prefixed for terms."""
    text = path.read_text(encoding="utf-8")
    resource = parse(text)
    entries = []
    seen = set()
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            start = entry.span.start if entry.span else 0
            msgs = "; ".join(a.message for a in entry.annotations) or "syntax error"
            snippet = entry.content.strip().splitlines()[0] if entry.content.strip() else ""
            problems.append(f"{path}:{line_of(text, start)}: parse error: {msgs}: {snippet!r}")
        elif isinstance(entry, (ast.Message, ast.Term)):
            key = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
            if key in seen:
                problems.append(f"{path}: id '{key}' defined twice")
            seen.add(key)
            if entry.value is None and not getattr(entry, "attributes", None):
                problems.append(f"{path}: id '{key}' is empty")
            entries.append((key, entry))
    return entries


def refs(entry):
    visitor = Refs()
    visitor.visit(entry)
    return visitor


def main():
    problems, warnings = [], []
    src_dir = LOCALES / SOURCE
    if not src_dir.is_dir():
        print(f"no source folder {src_dir}", file=sys.stderr)
        return 1
    src_files = sorted(p.name for p in src_dir.glob("*.ftl"))
    langs = sorted(d.name for d in LOCALES.iterdir() if d.is_dir() and d.name != SOURCE)

    source = {name: load(src_dir / name, problems) for name in src_files}
    all_src_ids = {}
    for name, entries in source.items():
        for key, _ in entries:
            if key in all_src_ids:
                problems.append(f"{SOURCE}: id '{key}' in both {all_src_ids[key]} and {name}")
            all_src_ids.setdefault(key, name)
    for name, entries in source.items():
        for key, entry in entries:
            r = refs(entry)
            for m in sorted(r.messages - set(all_src_ids)):
                problems.append(f"{SOURCE}/{name}: '{key}' references unknown message '{m}'")
            for t in sorted(t for t in r.terms if "-" + t not in all_src_ids):
                problems.append(f"{SOURCE}/{name}: '{key}' references unknown term '-{t}'")

    for lang in langs:
        lang_dir = LOCALES / lang
        loaded = {}
        for path in sorted(lang_dir.glob("*.ftl")):
            loaded[path.name] = load(path, problems)
            if path.name not in source:
                problems.append(f"{lang}/{path.name}: no English file {SOURCE}/{path.name}")

        defined = {}
        for name, entries in loaded.items():
            for key, _ in entries:
                if key in defined and defined[key] != name:
                    problems.append(f"{lang}: id '{key}' in both {defined[key]} and {name}")
                defined.setdefault(key, name)

        for name in src_files:
            if name not in loaded:
                problems.append(
                    f"{lang}/{name}: file missing ({len(source[name])} ids of {SOURCE}/{name})"
                )
                continue
            en_entries = dict(source[name])
            tr_entries = dict(loaded[name])
            missing = [k for k, _ in source[name] if k not in tr_entries]
            extra = [k for k, _ in loaded[name] if k not in en_entries]
            if missing:
                problems.append(f"{lang}/{name}: missing ids: {', '.join(missing)}")
            if extra:
                problems.append(f"{lang}/{name}: extra ids: {', '.join(extra)}")
            common_en = [k for k, _ in source[name] if k in tr_entries]
            common_tr = [k for k, _ in loaded[name] if k in en_entries]
            if common_en != common_tr:
                first = next(i for i, (a, b) in enumerate(zip(common_en, common_tr)) if a != b)
                warnings.append(
                    f"{lang}/{name}: id order differs from English from '{common_tr[first]}' on"
                )
            for key in common_en:
                en_refs, tr_refs = refs(en_entries[key]), refs(tr_entries[key])
                unknown = tr_refs.variables - en_refs.variables
                unused = en_refs.variables - tr_refs.variables
                if unknown:
                    problems.append(
                        f"{lang}/{name}: '{key}' uses variables not in English: "
                        + ", ".join(f"${v}" for v in sorted(unknown))
                    )
                if unused:
                    warnings.append(
                        f"{lang}/{name}: '{key}' never uses "
                        + ", ".join(f"${v}" for v in sorted(unused))
                    )
            for key, entry in loaded[name]:
                r = refs(entry)
                for m in sorted(r.messages):
                    if m not in defined:
                        problems.append(f"{lang}/{name}: '{key}' references unknown message '{m}'")
                for t in sorted(r.terms):
                    if "-" + t not in defined:
                        problems.append(f"{lang}/{name}: '{key}' references unknown term '-{t}'")

    for w in warnings:
        print(f"warning: {w}")
    for p in problems:
        print(f"error: {p}")
    total = sum(len(e) for e in source.values())
    summary = (
        f"{len(src_files)} English file(s), {total} ids, languages: {', '.join(langs) or 'none'}"
    )
    if problems:
        print(f"FAILED: {len(problems)} problem(s), {len(warnings)} warning(s) — {summary}")
        return 1
    print(f"OK: {len(warnings)} warning(s) — {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
