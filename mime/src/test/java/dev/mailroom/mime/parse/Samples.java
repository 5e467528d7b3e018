package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.crlf;
import static dev.mailroom.mime.parse.Messages.raw;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small messages, well-formed and broken, shared by the split, round-trip and fuzz-seed tests. */
final class Samples {
  private Samples() { }

  static final byte[] PLAIN = crlf("""
      From: a@example.org
      Subject: hello
       folded
      
      line one
      line two
      """);

  static final byte[] MIXED = crlf("""
      Content-Type: multipart/mixed; boundary="b1"
      
      preamble
      --b1
      Content-Type: text/plain
      
      part one
      --b1\t\s
      Content-Type: application/octet-stream
      Content-Transfer-Encoding: base64
      
      aGVsbG8gd29ybGQ=
      --b1--
      epilogue
      """);

  static final byte[] NESTED = crlf("""
      Content-Type: multipart/mixed; boundary=outer
      
      --outer
      Content-Type: multipart/alternative; boundary=inner
      
      --inner
      Content-Type: text/plain
      
      plain
      --inner
      Content-Type: text/html
      Content-Transfer-Encoding: quoted-printable
      
      <p>caf=C3=A9</p>
      --inner--
      
      --outer
      Content-Type: message/rfc822
      
      Subject: inner message
      Content-Type: multipart/mixed; boundary=deep
      
      --deep
      
      deep body
      --deep--
      --outer--
      """);

  static final byte[] DIGEST = crlf("""
      Content-Type: multipart/digest; boundary=d
      
      --d
      
      Subject: first
      
      one
      --d
      Content-Type: text/plain
      
      not a message
      --d--
      """);

  static final byte[] BARE_LF = raw("Content-Type: multipart/mixed; boundary=x\n\n--x\nA: b\n\nbody\n--x--\n");

  static final byte[] BARE_CR = raw("Content-Type: multipart/mixed; boundary=x\r\r--x\rA: b\r\rbody\r--x--\r");

  static final byte[] MISSING_CLOSE = crlf("""
      Content-Type: multipart/mixed; boundary=o
      
      --o
      Content-Type: multipart/mixed; boundary=i
      
      --i
      
      inner, never closed
      --o
      
      second outer part
      """);

  static final byte[] MALFORMED_HEADERS = raw(
      " leading continuation\r\nSubject: x\r\n\r\nbody");

  static final byte[] MBOX = crlf("""
      From alice@example.org Mon Jan  1 00:00:00 2024
      Subject: mbox
      
      body
      """);

  static final byte[] CRCRLF = raw("Subject: x\r\r\nContent-Type: text/plain\r\n\r\nbody\r\r\n");

  static final byte[] NO_BODY = raw("Subject: only headers\r\n");

  static final byte[] EMPTY = new byte[0];

  static final byte[] GARBAGE = raw("\u0000\u00ff--\r\n--\r\n:\r\n\t\r\n");

  /** Every sample by name. */
  static Map<String, byte[]> all() {
    Map<String, byte[]> all = new LinkedHashMap<>();
    all.put("plain", PLAIN);
    all.put("mixed", MIXED);
    all.put("nested", NESTED);
    all.put("digest", DIGEST);
    all.put("bareLf", BARE_LF);
    all.put("bareCr", BARE_CR);
    all.put("missingClose", MISSING_CLOSE);
    all.put("malformedHeaders", MALFORMED_HEADERS);
    all.put("mbox", MBOX);
    all.put("crcrlf", CRCRLF);
    all.put("noBody", NO_BODY);
    all.put("empty", EMPTY);
    all.put("garbage", GARBAGE);
    return all;
  }
}
