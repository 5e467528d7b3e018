package dev.mailroom.pop3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the server announced with CAPA (RFC 2449 §6, RFC 2595 §4, RFC 3206 §6, RFC 5034 §3, RFC 6856 §2-3), typed.
 * Immutable. A session re-reads it after STLS (RFC 2595 §4: nothing from before TLS is trusted) and after login
 * (RFC 2449 §5: the list may change). A server without CAPA yields {@link #none()}: only the RFC 1939 core.
 *
 * <pre>{@code
 * Pop3Capabilities caps = session.capabilities();
 * if (caps.pipelining()) System.out.println("RETR batches are pipelined");
 * caps.expire().ifPresent(e -> System.out.println("mail is kept " + (e.never() ? "for ever" : e.days() + " days")));
 * }</pre>
 */
public final class Pop3Capabilities {
  /** The most CAPA lines kept; the rest are ignored (a capability flood stays bounded). */
  public static final int MAX_LINES = 256;
  private static final Pop3Capabilities NONE = new Pop3Capabilities(false, List.of());

  /**
   * The EXPIRE capability (RFC 2449 §6.7): how long the server keeps retrieved mail.
   *
   * @param never whether mail is never expired ({@code EXPIRE NEVER})
   * @param days the minimum days mail is kept ({@code 0}: deleted at QUIT after retrieval); -1 when {@code never}
   * @param perUser whether the value may differ per user ({@code USER}; only before login)
   */
  public record Expire(boolean never, int days, boolean perUser) { }

  /**
   * The LOGIN-DELAY capability (RFC 2449 §6.5).
   *
   * @param minimum the minimum time between logins
   * @param perUser whether the value may differ per user ({@code USER}; only before login)
   */
  public record LoginDelay(Duration minimum, boolean perUser) { }

  private final boolean announced;
  private final List<String> lines;
  private boolean top;
  private boolean user;
  private boolean uidl;
  private boolean respCodes;
  private boolean authRespCode;
  private boolean pipelining;
  private boolean stls;
  private boolean utf8;
  private boolean utf8User;
  private boolean lang;
  private final Set<String> saslMechanisms = new LinkedHashSet<>();
  private Expire expire;
  private LoginDelay loginDelay;
  private String implementation;

  private Pop3Capabilities(boolean announced, List<String> lines) {
    this.announced = announced;
    this.lines = List.copyOf(lines);
  }

  /** No CAPA support: the RFC 1939 core only, nothing assumed. */
  public static Pop3Capabilities none() {
    return NONE;
  }

  /**
   * Parses the lines of a CAPA reply (without the terminating dot). Unknown capabilities are kept in
   * {@link #lines()} and otherwise ignored; malformed parameters of known ones are ignored too.
   */
  public static Pop3Capabilities parse(List<String> capaLines) {
    List<String> kept = new ArrayList<>();
    for (String line : capaLines) {
      if (kept.size() == MAX_LINES) {
        break;
      }
      kept.add(line);
    }
    Pop3Capabilities caps = new Pop3Capabilities(true, kept);
    kept.forEach(caps::apply);
    return caps;
  }

  private void apply(String line) {
    String[] words = line.trim().split(" +");
    String name = words[0].toUpperCase(Locale.ROOT);
    switch (name) {
      case "TOP" -> top = true;
      case "USER" -> user = true;
      case "UIDL" -> uidl = true;
      case "RESP-CODES" -> respCodes = true;
      case "AUTH-RESP-CODE" -> authRespCode = true;
      case "PIPELINING" -> pipelining = true;
      case "STLS" -> stls = true;
      case "LANG" -> lang = true;
      case "UTF8" -> {
        utf8 = true;
        utf8User = words.length > 1 && words[1].equalsIgnoreCase("USER");
      }
      case "SASL" -> {
        for (int i = 1; i < words.length && saslMechanisms.size() < 64; i++) {
          saslMechanisms.add(words[i].toUpperCase(Locale.ROOT));
        }
      }
      case "EXPIRE" -> expire = parseExpire(words);
      case "LOGIN-DELAY" -> loginDelay = parseLoginDelay(words);
      case "IMPLEMENTATION" -> implementation = line.trim().substring(name.length()).trim();
      default -> {
        // unknown or private capabilities are ignored (RFC 2449 §6)
      }
    }
  }

  private static Expire parseExpire(String[] words) {
    if (words.length < 2) {
      return null;
    }
    boolean perUser = words.length > 2 && words[2].equalsIgnoreCase("USER");
    if (words[1].equalsIgnoreCase("NEVER")) {
      return new Expire(true, -1, perUser);
    }
    int days = smallNumber(words[1]);
    return days < 0 ? null : new Expire(false, days, perUser);
  }

  private static LoginDelay parseLoginDelay(String[] words) {
    int seconds = words.length < 2 ? -1 : smallNumber(words[1]);
    return seconds < 0 ? null : new LoginDelay(Duration.ofSeconds(seconds),
        words.length > 2 && words[2].equalsIgnoreCase("USER"));
  }

  private static int smallNumber(String digits) {
    if (digits.isEmpty() || digits.length() > 9) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }

  /** Whether the server answered CAPA at all; false for {@link #none()}. */
  public boolean announced() {
    return announced;
  }

  /** The raw CAPA lines (at most {@link #MAX_LINES}). */
  public List<String> lines() {
    return lines;
  }

  /** TOP (RFC 2449 §6.1). */
  public boolean top() {
    return top;
  }

  /** USER, for USER/PASS (RFC 2449 §6.2). */
  public boolean user() {
    return user;
  }

  /** UIDL (RFC 2449 §6.6). */
  public boolean uidl() {
    return uidl;
  }

  /** RESP-CODES: replies may carry response codes (RFC 2449 §6.4). */
  public boolean respCodes() {
    return respCodes;
  }

  /** AUTH-RESP-CODE: login failures carry {@code [AUTH]} (RFC 3206 §6). */
  public boolean authRespCode() {
    return authRespCode;
  }

  /** PIPELINING (RFC 2449 §6.8). */
  public boolean pipelining() {
    return pipelining;
  }

  /** STLS (RFC 2595 §4). */
  public boolean stls() {
    return stls;
  }

  /** UTF8 (RFC 6856 §2). */
  public boolean utf8() {
    return utf8;
  }

  /** {@code UTF8 USER}: user names and passwords may be UTF-8 (RFC 6856 §2). */
  public boolean utf8User() {
    return utf8User;
  }

  /** LANG (RFC 6856 §3). */
  public boolean lang() {
    return lang;
  }

  /** The SASL mechanisms (RFC 5034 §3), upper case, in the server's order; empty if none. */
  public Set<String> saslMechanisms() {
    return Collections.unmodifiableSet(saslMechanisms);
  }

  /** EXPIRE (RFC 2449 §6.7), if announced with a valid value. */
  public Optional<Expire> expire() {
    return Optional.ofNullable(expire);
  }

  /** LOGIN-DELAY (RFC 2449 §6.5), if announced with a valid value. */
  public Optional<LoginDelay> loginDelay() {
    return Optional.ofNullable(loginDelay);
  }

  /** IMPLEMENTATION text (RFC 2449 §6.9), if announced. */
  public Optional<String> implementation() {
    return Optional.ofNullable(implementation);
  }

  @Override
  public String toString() {
    return announced ? "Pop3Capabilities" + lines : "Pop3Capabilities[none]";
  }
}
