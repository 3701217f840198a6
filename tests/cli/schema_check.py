#!/usr/bin/python3
"""
schema_check.py: validate policy files against policies/aipolicy.schema.json
as an editor's YAML language server sees them.

usage: schema_check.py SCHEMA FILE...
       schema_check.py SCHEMA -
       schema_check.py --patterns SCHEMA

For each FILE (with "-", each line of standard input names one) it prints
"FILE: valid", or one line "FILE: invalid at PATH: MESSAGE" per error (PATH
a JSON pointer into the policy), or "FILE: unreadable: MESSAGE" when the
file is not YAML. It exits 0 when every file is valid, 1 when one is not, 2
when the schema itself is broken or the usage is wrong, 3 when
python3-jsonschema or python3-ruamel.yaml is missing, 74 when standard
output cannot be written.
--patterns prints every regular expression of the schema as a JSON string,
one a line, so that an ECMA-262 engine can compile them as editors do.

Run it with Debian's /usr/bin/python3 (python3-jsonschema and
python3-ruamel.yaml).
"""
import json
import math
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import validators
    from jsonschema.exceptions import best_match
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
except ImportError as e:
    print("schema_check.py: %s" % e, file=sys.stderr)
    sys.exit(3)

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_IOERR = 74  # standard output cannot be written

# How the instance is built.
#
# Editors (yaml-language-server, which VS Code's YAML extension and Neovim
# use) read YAML 1.2 with the core schema: a plain `1` is a number, `true`
# a boolean, while `yes`, `no` and `2026-10-01` stay strings. ruamel.yaml's
# safe constructor does not give that instance: it still turns
# `2026-10-01` into a datetime.date (its YAML 1.2 resolver keeps
# timestamps) and `=` into a "value" tag it cannot construct. So
# ruamel.yaml (pure Python) only parses and composes the node tree, and
# each plain scalar is resolved here with the regular expressions of the
# YAML 1.2 core schema (YAML 1.2.2, 10.3.2), the same that eemeli/yaml,
# the language server's parser, applies. Quoted and
# block scalars are strings, with the trailing line break a block keeps,
# exactly as the editor sees them (aipolicy drops it; the schema allows it).
#
# Keys are taken as their text, as aipolicy reads them. The language server
# types keys like values, but checks a "propertyNames" pattern only against
# string keys, so a key accepted here is accepted there too, as long as no
# "propertyNames" states a type: check_schema() refuses one.
CORE_NULL = re.compile(r"(?:null|Null|NULL|~|)\Z")
CORE_TRUE = re.compile(r"(?:true|True|TRUE)\Z")
CORE_FALSE = re.compile(r"(?:false|False|FALSE)\Z")
CORE_INT10 = re.compile(r"[-+]?[0-9]+\Z")
CORE_INT8 = re.compile(r"0o[0-7]+\Z")
CORE_INT16 = re.compile(r"0x[0-9a-fA-F]+\Z")
CORE_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
CORE_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
CORE_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


def resolve_plain(text):
    """The value of a plain scalar under the YAML 1.2 core schema."""
    if CORE_NULL.match(text):
        return None
    if CORE_TRUE.match(text):
        return True
    if CORE_FALSE.match(text):
        return False
    if CORE_INT10.match(text):
        return int(text)
    if CORE_INT8.match(text):
        return int(text[2:], 8)
    if CORE_INT16.match(text):
        return int(text[2:], 16)
    if CORE_FLOAT.match(text):
        return float(text)
    if CORE_INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if CORE_NAN.match(text):
        return math.nan
    return text


def to_instance(node):
    """The JSON value an editor sees for a composed YAML node."""
    if isinstance(node, MappingNode):
        out = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                raise ValueError("line %d: a mapping key is not a scalar"
                                 % (key.start_mark.line + 1))
            out[key.value] = to_instance(value)
        return out
    if isinstance(node, SequenceNode):
        return [to_instance(item) for item in node.value]
    if node.style is None:
        return resolve_plain(node.value)
    return node.value


def load_policy(path):
    """The instance of the YAML file at PATH (None for an empty file)."""
    yaml = YAML(typ="safe", pure=True)
    with open(path, encoding="utf-8-sig") as f:
        node = yaml.compose(f)
    return None if node is None else to_instance(node)


def ecma_pattern(pattern):
    """PATTERN as Python's re reads ECMA-262: there `$` (without the m
    flag) matches only at the very end, where Python's `$` also matches
    before a final line break."""
    return re.sub(r"(?<!\\)\$", r"\\Z", pattern)


def pattern_keyword(validator, pattern, instance, schema):
    """The "pattern" keyword with ECMA-262 anchors."""
    if validator.is_type(instance, "string") and \
            not re.search(ecma_pattern(pattern), instance):
        yield jsonschema.ValidationError(
            "%r does not match %r" % (instance, pattern))


def schema_patterns(schema):
    """Every regular expression of SCHEMA: "pattern" values and the keys of
    "patternProperties"."""
    found, stack = [], [schema]
    while stack:
        s = stack.pop()
        if isinstance(s, list):
            stack.extend(s)
        elif isinstance(s, dict):
            for key, value in s.items():
                if key == "pattern" and isinstance(value, str):
                    found.append(value)
                elif key == "patternProperties" and isinstance(value, dict):
                    found.extend(value)
                if key not in ("default", "examples", "defaultSnippets",
                               "const", "enum"):
                    stack.append(value)
    return found


def check_schema(schema):
    """Report what makes SCHEMA unusable; returns False then."""
    base = validators.validator_for(schema)
    try:
        base.check_schema(schema)
        for p in schema_patterns(schema):
            re.compile(ecma_pattern(p))
    except (jsonschema.SchemaError, re.error) as e:
        print("schema_check.py: the schema is broken: %s" % e,
              file=sys.stderr)
        return False
    stack = [schema]
    while stack:
        s = stack.pop()
        if isinstance(s, dict):
            names = s.get("propertyNames")
            if isinstance(names, dict) and "$ref" in names:
                ref = names["$ref"].rpartition("/")[2]
                names = dict(schema.get("$defs", {}).get(ref, {}), **names)
            if isinstance(names, dict) and "type" in names:
                print("schema_check.py: a propertyNames states a type, "
                      "which editors apply to keys like 1 or true",
                      file=sys.stderr)
                return False
            for key, value in s.get("properties", {}).items():
                if not ("title" in value and "description" in value):
                    print("schema_check.py: property '%s' has no title "
                          "or no description (editors show them on "
                          "hover)" % key, file=sys.stderr)
                    return False
            # The conditions of if/then/else are not properties people
            # edit: they need no title.
            stack.extend(v for k, v in s.items()
                         if k not in ("if", "then", "else"))
        elif isinstance(s, list):
            stack.extend(s)
    return True


def pointer(path):
    return "/" + "/".join(str(p) for p in path) if path else "/"


def report(name, validator, instance):
    """Print the result for one file; returns True when it is valid."""
    errors = sorted(validator.iter_errors(instance),
                    key=lambda e: [str(p) for p in e.absolute_path])
    if not errors:
        print("%s: valid" % name)
        return True
    for e in errors:
        if e.context:
            e = best_match(e.context)
        print("%s: invalid at %s: %s" % (name, pointer(e.absolute_path),
                                         e.message))
    return False


def read_schema(path):
    """The schema at PATH, or None after saying why it cannot be read."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        print("schema_check.py: %s: %s" % (path, e), file=sys.stderr)
        return None


def main(argv):
    if len(argv) == 3 and argv[1] == "--patterns":
        schema = read_schema(argv[2])
        if schema is None:
            return EXIT_USAGE
        for p in schema_patterns(schema):
            print(json.dumps(p))
        return EXIT_VALID
    if len(argv) < 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return EXIT_USAGE
    schema = read_schema(argv[1])
    if schema is None or not check_schema(schema):
        return EXIT_USAGE
    base = validators.validator_for(schema)
    cls = validators.extend(base, {"pattern": pattern_keyword})
    validator = cls(schema)
    status = EXIT_VALID
    names = argv[2:]
    if names == ["-"]:
        names = [line.rstrip("\n") for line in sys.stdin if line != "\n"]
    for name in names:
        try:
            instance = load_policy(name)
        except (OSError, UnicodeDecodeError, ValueError, YAMLError) as e:
            print("%s: unreadable: %s" % (name, str(e).replace("\n", " ")))
            status = EXIT_INVALID
            continue
        if not report(name, validator, instance):
            status = EXIT_INVALID
    return status


if __name__ == "__main__":
    try:
        status = main(sys.argv)
        sys.stdout.flush()
    except OSError as e:
        # Python flushes standard output again on exit: point it at
        # /dev/null so that the error is said once.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("schema_check.py: cannot write the results: %s" % e.strerror,
              file=sys.stderr)
        status = EXIT_IOERR
    sys.exit(status)
