package dev.mailroom.smtp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SMTP service extensions a server advertised in its EHLO reply (RFC 5321 §4.1.1.1). Only the extensions this
 * client uses are kept; unknown keywords are ignored, and at most {@value #MAX_AUTH_MECHANISMS} AUTH mechanisms are
 * kept. After HELO (no extensions) every flag is false.
 *
 * @param serverName the first word of the first line (the server's domain), possibly empty
 * @param extended whether the capabilities came from EHLO (false after a HELO fallback)
 * @param maxSize the SIZE limit in octets, 0 when SIZE has no limit, -1 when SIZE was not advertised (RFC 1870)
 * @param authMechanisms the AUTH mechanism names, upper case (RFC 4954)
 */
public record EhloCapabilities(String serverName, boolean extended, long maxSize, Set<String> authMechanisms,
    boolean pipelining, boolean chunking, boolean eightBitMime, boolean binaryMime, boolean smtpUtf8, boolean dsn,
    boolean enhancedStatusCodes, boolean requireTls, boolean startTls) {

  /** The most AUTH mechanisms kept from one EHLO reply. */
  public static final int MAX_AUTH_MECHANISMS = 32;

  public EhloCapabilities {
    authMechanisms = Set.copyOf(authMechanisms);
  }

  /** What HELO gives: no extensions. */
  public static EhloCapabilities none(String serverName) {
    return new EhloCapabilities(serverName, false, -1, Set.of(), false, false, false, false, false, false, false,
        false, false);
  }

  /** Reads the extensions from a 250 EHLO reply. */
  public static EhloCapabilities parse(SmtpReply ehlo) {
    List<String> lines = ehlo.lines();
    String first = lines.get(0).trim();
    int space = first.indexOf(' ');
    String name = space < 0 ? first : first.substring(0, space);
    long maxSize = -1;
    Set<String> auth = new LinkedHashSet<>();
    boolean pipelining = false;
    boolean chunking = false;
    boolean eightBit = false;
    boolean binary = false;
    boolean utf8 = false;
    boolean dsn = false;
    boolean enhanced = false;
    boolean requireTls = false;
    boolean startTls = false;
    for (int i = 1; i < lines.size(); i++) {
      String[] words = lines.get(i).trim().split("[ =]+");
      String keyword = words[0].toUpperCase(Locale.ROOT);
      switch (keyword) {
        case "SIZE" -> maxSize = words.length > 1 ? parseSize(words[1]) : 0;
        case "AUTH" -> {
          for (int w = 1; w < words.length && auth.size() < MAX_AUTH_MECHANISMS; w++) {
            if (!words[w].isEmpty() && words[w].length() <= 20) {
              auth.add(words[w].toUpperCase(Locale.ROOT));
            }
          }
        }
        case "PIPELINING" -> pipelining = true;
        case "CHUNKING" -> chunking = true;
        case "8BITMIME" -> eightBit = true;
        case "BINARYMIME" -> binary = true;
        case "SMTPUTF8" -> utf8 = true;
        case "DSN" -> dsn = true;
        case "ENHANCEDSTATUSCODES" -> enhanced = true;
        case "REQUIRETLS" -> requireTls = true;
        case "STARTTLS" -> startTls = true;
        default -> { } // an extension this client does not use
      }
    }
    return new EhloCapabilities(name, true, maxSize, auth, pipelining, chunking, eightBit, binary, utf8, dsn,
        enhanced, requireTls, startTls);
  }

  private static long parseSize(String value) {
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0; // malformed: treat as "no fixed limit" and let the server decide
    }
    return Long.parseLong(value);
  }

  /** Whether SIZE was advertised with a fixed limit and {@code size} exceeds it. */
  public boolean exceedsSize(long size) {
    return maxSize > 0 && size > maxSize;
  }
}
