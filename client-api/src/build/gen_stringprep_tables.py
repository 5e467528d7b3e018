#!/usr/bin/env python3
"""Regenerates the range strings in dev/mailroom/client/sasl/StringPrepTables.java.

Python's standard `stringprep` module implements the RFC 3454 appendix tables over the Unicode 3.2 database
(`unicodedata.ucd_3_2_0`); this script walks every code point and prints each table SASLprep needs (RFC 4013 §2)
as sorted, merged hex ranges. Run it with any Python 3 and paste the output over the constants.
"""
import stringprep as sp


def ranges(member):
    out, start = [], None
    for cp in range(0x110000):
        inside = member(chr(cp))
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def prohibited(ch):  # RFC 4013 §2.3
    return (sp.in_table_c12(ch) or sp.in_table_c21_c22(ch) or sp.in_table_c3(ch) or sp.in_table_c4(ch)
            or sp.in_table_c5(ch) or sp.in_table_c6(ch) or sp.in_table_c7(ch) or sp.in_table_c8(ch)
            or sp.in_table_c9(ch))


TABLES = [
    ("UNASSIGNED_A1", sp.in_table_a1),
    ("MAPPED_TO_NOTHING_B1", sp.in_table_b1),
    ("NON_ASCII_SPACE_C12", sp.in_table_c12),
    ("PROHIBITED_C", prohibited),
    ("RAND_AL_CAT_D1", sp.in_table_d1),
    ("L_CAT_D2", sp.in_table_d2),
]

for name, member in TABLES:
    items = ["%04X" % a if a == b else "%04X-%04X" % (a, b) for a, b in ranges(member)]
    lines, line = [], ""
    for item in items:
        if len(line) + len(item) + 1 > 100:
            lines.append(line)
            line = ""
        line += item + " "
    lines.append(line)
    print("  private static final String %s =" % name)
    for l in lines[:-1]:
        print('      "%s"' % l + " +")
    print('      "%s";' % lines[-1].rstrip())
    print()
