package dev.mailroom.pop3;

import java.util.Objects;

/**
 * One language from {@code LANG} (RFC 6856 §3).
 *
 * @param tag the language tag, for instance {@code en} or {@code de-CH}
 * @param description the server's description (escaped), possibly empty
 */
public record Pop3Language(String tag, String description) {
  public Pop3Language {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(description, "description");
  }
}
