package dev.mailroom.imap;

import java.util.Locale;
import java.util.Objects;

/**
 * A response code (RFC 3501 §7.1, RFC 9051 §7.1): the bracketed {@code [NAME data]} of a status response. The data
 * is kept as text; the session reads the codes it needs (UIDVALIDITY, APPENDUID, COPYUID, ...). A {@code REFERRAL}
 * is exposed here and never followed (SECURITY.md I02).
 *
 * <pre>{@code
 * catch (ImapCommandException e) {
 *   e.responseCode().filter(c -> c.is("REFERRAL")).ifPresent(c -> log("server refers to " + c.data()));
 * }
 * }</pre>
 *
 * @param name the code's atom, upper case
 * @param data the text after the name, empty if none
 */
public record ResponseCode(String name, String data) {
  public ResponseCode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    name = name.toUpperCase(Locale.ROOT);
  }

  /** Whether this code is {@code name} (case-insensitive). */
  public boolean is(String codeName) {
    return name.equalsIgnoreCase(codeName);
  }

  @Override
  public String toString() {
    return data.isEmpty() ? "[" + name + "]" : "[" + name + " " + data + "]";
  }
}
