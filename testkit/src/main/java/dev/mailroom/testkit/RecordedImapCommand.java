package dev.mailroom.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One complete IMAP command as {@link MockImapServer} received it: the tag, and the text with every literal's
 * payload inlined after its {@code {n}} header (so {@code text()} is the command exactly as on the wire, CRLFs
 * between pieces included).
 *
 * @param connectionIndex the connection it arrived on
 * @param tag the client's tag
 * @param wire the exact bytes, literals included, without the final CRLF
 * @param literals each literal's payload
 * @param tls whether it arrived over TLS
 */
public record RecordedImapCommand(int connectionIndex, String tag, byte[] wire, List<byte[]> literals,
    boolean tls) {
  public RecordedImapCommand {
    wire = wire.clone();
    literals = List.copyOf(literals);
  }

  /** The exact bytes as text (UTF-8), literals inlined. */
  public String text() {
    return new String(wire, StandardCharsets.UTF_8);
  }

  /** The text after the tag, up to the first literal: {@code SELECT INBOX}, {@code UID FETCH 1:* (FLAGS)}. */
  public String command() {
    String t = text();
    int cr = t.indexOf('\r');
    String first = cr < 0 ? t : t.substring(0, cr);
    return first.startsWith(tag + " ") ? first.substring(tag.length() + 1) : first;
  }

  @Override
  public byte[] wire() {
    return wire.clone();
  }
}
