package dev.mailroom.testkit.memory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The argument of MAIL FROM or RCPT TO (RFC 5321 §4.1.2): {@code <path>} then space-separated ESMTP parameters.
 * A source route ({@code @a,@b:}) is dropped; a {@code >} inside a quoted local part does not end the path.
 *
 * @param address the mailbox without angle brackets, {@code ""} for the null reverse path
 * @param parameters keyword (upper case) to value ({@code ""} when there is none), in order
 */
record SmtpPath(String address, Map<String, String> parameters) {

  static Optional<SmtpPath> parse(String argument, String prefix) {
    if (!argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return Optional.empty();
    }
    String rest = argument.substring(prefix.length()).stripLeading();
    if (!rest.startsWith("<")) {
      return Optional.empty();
    }
    int close = -1;
    boolean quoted = false;
    for (int i = 1; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '>' && !quoted) {
        close = i;
        break;
      } else if (c == '<' && !quoted) {
        return Optional.empty();
      }
    }
    if (close < 0) {
      return Optional.empty();
    }
    String path = rest.substring(1, close);
    if (path.startsWith("@")) {
      int colon = path.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      path = path.substring(colon + 1);
    }
    if (!path.isEmpty() && (path.indexOf('@') <= 0 || path.endsWith("@") || path.contains(" ") && !path.contains("\""))) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    String tail = rest.substring(close + 1);
    if (!tail.isEmpty() && !tail.startsWith(" ")) {
      return Optional.empty();
    }
    for (String p : tail.strip().split(" +")) {
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      String key = (eq < 0 ? p : p.substring(0, eq)).toUpperCase(Locale.ROOT);
      if (!key.matches("[A-Z0-9][A-Z0-9-]*") || parameters.containsKey(key)) {
        return Optional.empty();
      }
      parameters.put(key, eq < 0 ? "" : p.substring(eq + 1));
    }
    return Optional.of(new SmtpPath(path, parameters));
  }

  boolean isAscii() {
    return address.chars().allMatch(c -> c < 0x80);
  }
}
