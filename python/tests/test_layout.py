"""The structures the binding mirrors (tidings/_capi.py) against tidings.h: a C program prints
the offset and size of every field and the size of every structure, and they must agree."""
from __future__ import annotations

import ctypes
import shutil
import subprocess

import pytest

from tidings import _capi

from conftest import ROOT


def test_structures_match_tidings_h(tmp_path):
    cc = shutil.which("cc")
    if cc is None:
        pytest.skip("no C compiler (cc) to read tidings.h with")
    lines, want = [], []
    for cname, cls in _capi.STRUCTS.items():
        lines.append(f'printf("{cname} %zu\\n", sizeof({cname}));')
        want.append(f"{cname} {ctypes.sizeof(cls)}")
        for field, ftype in cls._fields_:
            member = f"(({cname} *)0)->{field}"
            lines.append(f'printf("{cname}.{field} %zu %zu\\n", offsetof({cname}, {field}), '
                         f'sizeof({member}));')
            desc = getattr(cls, field)
            want.append(f"{cname}.{field} {desc.offset} {desc.size}")
    source = tmp_path / "layout.c"
    source.write_text("#include <stddef.h>\n#include <stdio.h>\n#include \"tidings.h\"\n"
                      "int main(void)\n{\n" + "\n".join(lines) + "\nreturn 0;\n}\n")
    subprocess.run([cc, "-std=c17", "-I", str(ROOT / "lib"), "-o", str(tmp_path / "layout"),
                    str(source)], check=True)
    got = subprocess.run([str(tmp_path / "layout")], capture_output=True, text=True,
                         check=True).stdout.split("\n")[:-1]
    assert got == want
