package dev.mailroom.imap;

import dev.mailroom.imap.internal.wire.ModifiedUtf7;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One piece of an {@code APPEND ... CATENATE (...)} (RFC 4469): literal text, or a message or part already on the
 * server, named by an IMAP URL (RFC 5092), so a forward or a draft edit need not download and re-upload it.
 *
 * <pre>{@code
 * session.append(MailboxName.of("Drafts"), Set.of(Flag.DRAFT), List.of(
 *     CatenatePart.text(newHeaderBytes),
 *     CatenatePart.message(MailboxName.INBOX, inbox.uidValidity(), uid, "TEXT"))).await();
 * }</pre>
 */
public sealed interface CatenatePart {
  /** {@code TEXT literal}. */
  record Text(byte[] bytes) implements CatenatePart {
    public Text {
      bytes = bytes.clone();
      for (byte b : bytes) {
        if (b == 0) {
          throw new IllegalArgumentException("NUL in CATENATE text (RFC 4469 §5: a literal, not literal8)");
        }
      }
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** {@code URL "imapurl"}: a relative IMAP URL of this server, such as {@code /INBOX;UIDVALIDITY=7/;UID=20}. */
  record Url(String url) implements CatenatePart {
    public Url {
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("/") || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
        throw new IllegalArgumentException("not a relative IMAP URL of printable ASCII: " + url);
      }
    }
  }

  static CatenatePart text(byte[] bytes) {
    return new Text(bytes);
  }

  /**
   * The URL of message {@code uid} (or its {@code section}, such as {@code 1.2} or {@code TEXT}; null for the whole
   * message) in {@code mailbox} with that UIDVALIDITY (RFC 5092 §6: {@code /enc-mailbox;UIDVALIDITY=n/;UID=n}).
   */
  static CatenatePart message(MailboxName mailbox, long uidValidity, Uid uid, String section) {
    StringBuilder url = new StringBuilder("/").append(encode(ModifiedUtf7.encode(mailbox.name())));
    if (uidValidity > 0) {
      url.append(";UIDVALIDITY=").append(uidValidity);
    }
    url.append("/;UID=").append(uid.value());
    if (section != null) {
      if (!section.matches("([1-9][0-9]*)(\\.[1-9][0-9]*)*(\\.(HEADER|TEXT|MIME))?|HEADER|TEXT")) {
        throw new IllegalArgumentException("invalid section for an IMAP URL: " + section);
      }
      url.append("/;SECTION=").append(section);
    }
    return new Url(url.toString());
  }

  /** RFC 5092 {@code bchar}s stay, everything else is %-encoded (as UTF-8 bytes). */
  private static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~!$'()*+,&=:@/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
