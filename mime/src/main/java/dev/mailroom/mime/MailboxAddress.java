package dev.mailroom.mime;

import dev.mailroom.mime.codec.EncodedWord;
import dev.mailroom.mime.codec.ParameterValue;
import dev.mailroom.mime.internal.AddressLexer;
import dev.mailroom.mime.internal.AddressParser;
import dev.mailroom.mime.internal.Ascii;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox (RFC 5322 §3.4): an optional display name and an address {@code local-part@domain}. The local part is
 * held unquoted ({@code john doe} for {@code "john doe"@example.org}); {@link #address()} quotes it again when needed.
 * Local part and domain may be UTF-8 (RFC 6532); neither may hold a control character, so no CR, LF or NUL can reach
 * a header or an SMTP command through an address (SECURITY.md M01, M02).
 *
 * <pre>{@code
 * MailboxAddress m = MailboxAddress.parse("=?UTF-8?Q?Andr=C3=A9?= <andre@b\u00fccher.example>");
 * m.displayName();      // "André"
 * m.address();          // "andre@bücher.example"
 * m.asciiDomain();      // Optional[xn--bcher-kva.example]
 * m.toHeaderValue();    // "=?UTF-8?B?QW5kcsOp?= <andre@bücher.example>"
 * }</pre>
 *
 * @param displayName the decoded display name, "" when there is none; may hold any text
 * @param localPart the local part, unquoted
 * @param domain the domain as written (a dot-atom or a domain literal {@code [192.0.2.1]})
 */
public record MailboxAddress(String displayName, String localPart, String domain) implements Address {
  /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, the angle brackets included. */
  public static final int MAX_ENVELOPE_LENGTH = 254;

  /**
   * @throws IllegalArgumentException if the local part or domain is empty, holds a control character, or the domain
   *     is neither a dot-atom nor a domain literal
   */
  public MailboxAddress {
    displayName = displayName == null ? "" : displayName;
    Objects.requireNonNull(localPart, "localPart");
    Objects.requireNonNull(domain, "domain");
    if (localPart.isEmpty() || hasControl(localPart)) {
      throw new IllegalArgumentException("invalid local part: '" + Ascii.escape(localPart, 64) + "'");
    }
    if (!isDomain(domain)) {
      throw new IllegalArgumentException("invalid domain: '" + Ascii.escape(domain, 64) + "'");
    }
  }

  /**
   * A mailbox from a bare address {@code local@domain} (quoted local parts and domain literals allowed).
   *
   * @throws IllegalArgumentException if it is not exactly one address
   */
  public static MailboxAddress of(String address) {
    return of("", address);
  }

  /**
   * A mailbox from a display name (any text; it is encoded when written) and a bare address.
   *
   * @throws IllegalArgumentException if {@code address} is not exactly one address
   */
  public static MailboxAddress of(String displayName, String address) {
    Objects.requireNonNull(address, "address");
    if (hasControl(address)) {
      throw new IllegalArgumentException("control character in address: '" + Ascii.escape(address, 80) + "'");
    }
    return AddressParser.parseAddrSpec(address, displayName == null ? "" : displayName);
  }

  /**
   * One mailbox in header syntax ({@code Name <local@domain>}, {@code local@domain (Name)}, obsolete forms included).
   *
   * @throws IllegalArgumentException if the text is not exactly one mailbox, or it had to be read with an
   *     {@code INVALID_ADDRESS} defect
   */
  public static MailboxAddress parse(String value) {
    List<MimeDefect> found = new ArrayList<>();
    AddressList list = AddressList.parse(value, found::add);
    for (MimeDefect d : found) {
      if (d.kind() == MimeDefect.Kind.INVALID_ADDRESS) {
        throw new IllegalArgumentException(d.detail());
      }
    }
    if (list.size() != 1 || !(list.addresses().get(0) instanceof MailboxAddress m)) {
      throw new IllegalArgumentException("not exactly one mailbox: '" + Ascii.escape(value, 80) + "'");
    }
    return m;
  }

  /** Whether there is a display name. */
  public boolean hasDisplayName() {
    return !displayName.isEmpty();
  }

  /** A copy with another display name. */
  public MailboxAddress withDisplayName(String name) {
    return new MailboxAddress(name, localPart, domain);
  }

  @Override
  public List<MailboxAddress> mailboxes() {
    return List.of(this);
  }

  /** {@code local@domain}, the local part as a dot-atom when it is one, else quoted (RFC 5322 §3.4.1). */
  public String address() {
    return (isDotAtom(localPart) ? localPart : ParameterValue.quote(localPart)) + "@" + domain;
  }

  /** Whether local part and domain are US-ASCII (no SMTPUTF8, RFC 6531, needed to send to it). */
  public boolean isAscii() {
    return isAscii(localPart) && isAscii(domain);
  }

  /**
   * The domain in ASCII: IDNA ToASCII ({@link IDN#toASCII}) of a UTF-8 domain, a domain literal as it is; empty when
   * the domain cannot be converted.
   */
  public Optional<String> asciiDomain() {
    if (domain.startsWith("[") || isAscii(domain)) {
      return Optional.of(domain);
    }
    try {
      return Optional.of(IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The address for an SMTP envelope (MAIL FROM, RCPT TO; RFC 5321 §4.1.2): {@link #address()} after checking it
   * fits SMTP's stricter syntax; see {@link #checkEnvelopeAddress(String)}.
   *
   * @throws IllegalArgumentException if it does not
   */
  public String envelopeAddress() {
    return checkEnvelopeAddress(address());
  }

  /**
   * Checks an address for use in an SMTP envelope (RFC 5321 §4.1.2 Mailbox): a dot-string or quoted-string local
   * part, a domain of letters, digits and hyphens (or U-labels under SMTPUTF8) or an address literal, no comments, no
   * white space outside quotes, no control characters at all (CR, LF and NUL would split or end the command, SECURITY
   * M01/M02), no angle brackets, at most {@value #MAX_ENVELOPE_LENGTH} octets.
   *
   * @return {@code address}, unchanged
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String checkEnvelopeAddress(String address) {
    Objects.requireNonNull(address, "address");
    if (hasControl(address)) {
      throw new IllegalArgumentException("control character in address: '" + Ascii.escape(address, 80) + "'");
    }
    if (address.getBytes(StandardCharsets.UTF_8).length > MAX_ENVELOPE_LENGTH) {
      throw new IllegalArgumentException("address longer than " + MAX_ENVELOPE_LENGTH + " octets");
    }
    boolean quoted = false;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == ' ' || c == '\t' || c == '(' || c == ')' || c == '<' || c == '>' || c == ',')) {
        throw new IllegalArgumentException("'" + c + "' outside quotes in address: '" + Ascii.escape(address, 80)
            + "'");
      }
    }
    MailboxAddress m = of(address);
    if (!m.domain.startsWith("[")) {
      for (String label : m.domain.split("\\.", -1)) {
        if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")
            || !label.chars().allMatch(c -> c >= 0x80 || Character.isLetterOrDigit(c) || c == '-')) {
          throw new IllegalArgumentException("not a host name: '" + Ascii.escape(m.domain, 80) + "'");
        }
      }
    }
    return address;
  }

  /**
   * {@code Name <local@domain>} in US-ASCII header text: the display name as atoms, a quoted-string, or RFC 2047
   * encoded words (non-ASCII, controls, or {@code =?} in it); just {@code local@domain} without a name. Never holds
   * CR or LF (M01).
   */
  @Override
  public String toHeaderValue() {
    return format(false);
  }

  /**
   * As {@link #toHeaderValue()} for an RFC 6532 message (sent with SMTPUTF8): non-ASCII display names are written as
   * UTF-8 atoms or quoted-strings instead of encoded words; control characters are still encoded.
   */
  public String toUtf8HeaderValue() {
    return format(true);
  }

  private String format(boolean utf8) {
    if (displayName.isEmpty()) {
      return address();
    }
    return phrase(displayName, utf8) + " <" + address() + ">";
  }

  /** A display name as a phrase: atoms as they are, else a quoted-string, else encoded words. */
  static String phrase(String name, boolean utf8) {
    if (name.isEmpty()) {
      return "";
    }
    if (EncodedWord.containsControl(name) || name.contains("=?") || (!utf8 && !isAscii(name))) {
      return EncodedWord.encode(name, StandardCharsets.UTF_8, EncodedWord.Context.PHRASE);
    }
    boolean atoms = !name.startsWith(" ") && !name.endsWith(" ") && !name.contains("  ");
    for (int i = 0; i < name.length() && atoms; i++) {
      char c = name.charAt(i);
      atoms = c == ' ' || AddressLexer.isAtext(c);
    }
    return atoms ? name : ParameterValue.quote(name);
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** RFC 5322 §3.2.3 dot-atom-text (with UTF-8 atext, RFC 6532). */
  private static boolean isDotAtom(String s) {
    if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '.' && !AddressLexer.isAtext(c)) {
        return false;
      }
    }
    return true;
  }

  /** A dot-atom, or a domain literal without controls, brackets or backslashes inside. */
  private static boolean isDomain(String d) {
    if (d.startsWith("[")) {
      if (d.length() < 2 || !d.endsWith("]") || hasControl(d)) {
        return false;
      }
      String inner = d.substring(1, d.length() - 1);
      return inner.indexOf('[') < 0 && inner.indexOf(']') < 0 && inner.indexOf('\\') < 0;
    }
    return isDotAtom(d);
  }

  @Override
  public String toString() {
    return displayName.isEmpty() ? address() : Ascii.escapeControls(displayName, 80) + " <" + address() + ">";
  }
}
