#!/usr/bin/env python3
"""Independent reference for `mailroom parse --json`: Python's own email package walks each message.

    parse_reference.py FILE...     # one JSON line per file, in the shape ParseCommand documents:
    {"subject": S, "body": NODE}, NODE = {"contentType", "filename", then "parts" | "message" | "size" + "sha256"}

Python 3 stdlib only. Messages are read with email.message_from_bytes(data, policy=email.policy.default) (see reference()).
    parse_reference.py --compare JSONDIR FILE...
                                   # compares DIR/<name>.json (mailroom's output for FILE <name>) with the
                                   # reference: prints one MISMATCH line per difference, then a summary line;
                                   # exit status 1 when anything differs (json.loads also checks mailroom's JSON)

Where Python differs from the RFCs, the difference is normalised here, each with a comment citing the rule.
"""
import binascii
import email
import email.policy
import hashlib
import json
import os
import re
import sys


def decoded_bytes(part):
    """The body with its Content-Transfer-Encoding undone (RFC 2045 §6)."""
    if part.get_content_maintype() != "multipart" and part.get("Content-Transfer-Encoding", "").strip().lower() \
            == "quoted-printable":
        # Python's decoder (binascii.a2b_qp) keeps spaces and tabs at the end of an encoded line. RFC 2045 §6.7
        # rule 3: "when decoding a Quoted-Printable body, any trailing white space on a line must be deleted, as
        # it will necessarily have been added by intermediate transport agents." Delete it, then decode.
        raw = part.get_payload(decode=False).encode("ascii", "surrogateescape")
        return binascii.a2b_qp(re.sub(rb"[ \t]+(?=\r?\n|$)", b"", raw))
    data = part.get_payload(decode=True)
    return data if data is not None else b""


def node(part):
    ctype = part.get_content_type()
    result = {"contentType": ctype, "filename": part.get_filename()}
    if part.get_content_maintype() == "message" and part.is_multipart():
        result["message"] = message(part.get_payload(0))
    elif part.is_multipart():
        result["parts"] = [node(p) for p in part.get_payload()]
    else:
        data = decoded_bytes(part)
        result["size"] = len(data)
        result["sha256"] = hashlib.sha256(data).hexdigest()
    return result


def message(msg):
    subject = msg["subject"]
    return {"subject": None if subject is None else str(subject), "body": node(msg)}


def reference(path):
    with open(path, "rb") as f:
        data = f.read()
    # Not email.message_from_binary_file: it reads through a TextIOWrapper with universal newlines, which turns
    # every CRLF into LF, so 7bit and 8bit bodies lose a byte per line. The line break of a message is CRLF
    # (RFC 5322 §2.1, RFC 2045 §2.10) and part of a text body's content; message_from_bytes keeps it.
    return message(email.message_from_bytes(data, policy=email.policy.default))


def diff(expected, actual, where, out):
    """Every difference between two JSON trees, as 'path: python=... mailroom=...'."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in list(expected) + [k for k in actual if k not in expected]:
            diff(expected.get(key, "<missing>"), actual.get(key, "<missing>"), where + "." + key, out)
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            out.append("%s: python has %d parts, mailroom %d" % (where, len(expected), len(actual)))
        for i, (e, a) in enumerate(zip(expected, actual)):
            diff(e, a, "%s[%d]" % (where, i), out)
    elif expected != actual or type(expected) is not type(actual):
        out.append("%s: python=%s mailroom=%s" % (where, json.dumps(expected, ensure_ascii=False),
                                                 json.dumps(actual, ensure_ascii=False)))


def compare(json_dir, paths):
    mismatches = 0
    for path in paths:
        name = os.path.basename(path)
        with open(os.path.join(json_dir, name + ".json"), "rb") as f:
            actual = json.loads(f.read().decode("utf-8"))
        out = []
        diff(reference(path), actual, "$", out)
        for line in out:
            print("MISMATCH %s %s" % (name, line))
        mismatches += len(out)
    print("compared %d files, %d mismatches" % (len(paths), mismatches))
    return 1 if mismatches else 0


def main(args):
    if args and args[0] == "--compare":
        return compare(args[1], args[2:])
    for path in args:
        print(json.dumps(reference(path), ensure_ascii=False, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
