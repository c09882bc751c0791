"""Dump CPython's ast.parse tree of each file named on the command line as JSON (one object per file).

Used by test/python/parse.test.ts to compare threadsim's parse adapter with CPython's own parser.
"""
import ast
import json
import sys

POSITIONS = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def conv(n):
    if isinstance(n, ast.AST):
        d = {"_type": type(n).__name__}
        for f in n._fields:
            d[f] = conv(getattr(n, f, None))
        for a in POSITIONS:
            if hasattr(n, a):
                d[a] = getattr(n, a)
        return d
    if isinstance(n, list):
        return [conv(x) for x in n]
    if isinstance(n, bool) or n is None or isinstance(n, str):
        return n
    if isinstance(n, int):
        return {"int": str(n)}
    if isinstance(n, float):
        return {"float": repr(n)}
    return {"other": repr(n)}


out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        out[path] = conv(ast.parse(f.read(), path))
print(json.dumps(out))
