package dev.mailroom.testkit.memory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Builds one IMAP response line (RFC 3501 §4): strings go out quoted when they are short, 7-bit-safe text and as
 * literals otherwise, so no CR, LF or NUL from stored data can break the response syntax.
 */
final class ImapResponse {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  ImapResponse(String start) {
    raw(start);
  }

  ImapResponse raw(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
    return this;
  }

  /** A string, quoted or as a literal. */
  ImapResponse string(String s) {
    boolean quotable = s.length() < 1024 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    if (quotable) {
      return raw("\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    return literal(s.getBytes(StandardCharsets.UTF_8));
  }

  /** An astring: a bare atom when the text allows one (as Dovecot sends mailbox names), else a string. */
  ImapResponse astring(String s) {
    boolean atom = !s.isEmpty() && !s.equalsIgnoreCase("NIL")
        && s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "(){ %*\"\\".indexOf(c) < 0);
    return atom ? raw(s) : string(s);
  }

  /** A string or NIL. */
  ImapResponse nstring(String s) {
    return s == null ? raw("NIL") : string(s);
  }

  ImapResponse literal(byte[] bytes) {
    raw("{" + bytes.length + "}\r\n");
    out.write(bytes, 0, bytes.length);
    return this;
  }

  /** A parenthesised list of atoms such as flags. */
  ImapResponse atoms(Collection<String> atoms) {
    return raw("(" + String.join(" ", atoms) + ")");
  }

  void send(LineChannel channel) throws IOException {
    out.write('\r');
    out.write('\n');
    channel.write(out.toByteArray());
  }

}
