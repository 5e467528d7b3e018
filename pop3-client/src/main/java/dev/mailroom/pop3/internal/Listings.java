package dev.mailroom.pop3.internal;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.pop3.ListEntry;
import dev.mailroom.pop3.MaildropStat;
import dev.mailroom.pop3.Pop3Reply;
import dev.mailroom.pop3.UidlEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses drop listings, scan listings and unique-id listings (RFC 1939 §5, §7) strictly: numbers are plain decimal
 * digits that must fit (no wraparound, SECURITY.md P08), message numbers are 1 or more, ascending and at most the
 * count the session knows (P07), unique-ids follow {@code 1*70(%x21-7E)} and are unique (P07). A violation is a
 * {@link MailProtocolException}; the caller closes the connection.
 */
public final class Listings {
  private Listings() { }

  /** {@code +OK nn mm} from STAT. */
  public static MaildropStat stat(Pop3Reply reply) throws MailProtocolException {
    String[] words = reply.text().split(" ", -1);
    if (words.length < 2) {
      throw fail("STAT reply is not '+OK count size'", reply.text());
    }
    return new MaildropStat(intNumber(words[0], reply.text(), false), longNumber(words[1], reply.text()));
  }

  /** {@code +OK n size} from {@code LIST n}. */
  public static ListEntry scanLine(Pop3Reply reply, int expectedNumber) throws MailProtocolException {
    ListEntry entry = scan(reply.text());
    if (entry.number() != expectedNumber) {
      throw fail("LIST " + expectedNumber + " answered for message " + entry.number(), reply.text());
    }
    return entry;
  }

  /** {@code +OK n uid} from {@code UIDL n}. */
  public static UidlEntry uidLine(Pop3Reply reply, int expectedNumber) throws MailProtocolException {
    UidlEntry entry = uid(reply.text());
    if (entry.number() != expectedNumber) {
      throw fail("UIDL " + expectedNumber + " answered for message " + entry.number(), reply.text());
    }
    return entry;
  }

  /**
   * The lines of a LIST listing.
   *
   * @param maxNumber the highest valid message number, or 0 when unknown
   */
  public static List<ListEntry> scanListing(List<byte[]> lines, int maxNumber) throws MailProtocolException {
    List<ListEntry> entries = new ArrayList<>(lines.size());
    int previous = 0;
    for (byte[] line : lines) {
      ListEntry entry = scan(text(line));
      previous = checkNumber(entry.number(), previous, maxNumber, line);
      entries.add(entry);
    }
    return entries;
  }

  /**
   * The lines of a UIDL listing.
   *
   * @param maxNumber the highest valid message number, or 0 when unknown
   */
  public static List<UidlEntry> uidListing(List<byte[]> lines, int maxNumber) throws MailProtocolException {
    List<UidlEntry> entries = new ArrayList<>(lines.size());
    Set<String> seen = new HashSet<>();
    int previous = 0;
    for (byte[] line : lines) {
      UidlEntry entry = uid(text(line));
      previous = checkNumber(entry.number(), previous, maxNumber, line);
      if (!seen.add(entry.uid())) {
        throw fail("the unique-id is used twice in one maildrop (SECURITY.md P07)", text(line));
      }
      entries.add(entry);
    }
    return entries;
  }

  private static int checkNumber(int number, int previous, int maxNumber, byte[] line)
      throws MailProtocolException {
    if (number <= previous) {
      throw fail("message numbers must ascend without repeats (SECURITY.md P07)", text(line));
    }
    if (maxNumber > 0 && number > maxNumber) {
      throw fail("message number beyond the " + maxNumber + " messages in the maildrop (SECURITY.md P07)",
          text(line));
    }
    return number;
  }

  private static ListEntry scan(String text) throws MailProtocolException {
    String[] words = text.split(" ", -1);
    if (words.length < 2) {
      throw fail("a scan listing is 'number size'", text);
    }
    return new ListEntry(intNumber(words[0], text, true), longNumber(words[1], text));
  }

  private static UidlEntry uid(String text) throws MailProtocolException {
    String[] words = text.split(" ", -1);
    if (words.length != 2) {
      throw fail("a unique-id listing is 'number unique-id' (SECURITY.md P07)", text);
    }
    int number = intNumber(words[0], text, true);
    if (!UidlEntry.validUid(words[1])) {
      throw fail("the unique-id is not 1 to 70 characters 0x21-0x7E (RFC 1939 §7, SECURITY.md P07)", text);
    }
    return new UidlEntry(number, words[1]);
  }

  private static int intNumber(String digits, String text, boolean positive) throws MailProtocolException {
    long value = longNumber(digits, text);
    if (value > Integer.MAX_VALUE || (positive && value == 0)) {
      throw fail("message number out of range (SECURITY.md P07, P08)", text);
    }
    return (int) value;
  }

  private static long longNumber(String digits, String text) throws MailProtocolException {
    if (digits.isEmpty() || digits.length() > 18) {
      throw fail("not a number, or one that does not fit (SECURITY.md P08)", text);
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw fail("not a number (SECURITY.md P08)", text);
      }
    }
    return Long.parseLong(digits);
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.UTF_8);
  }

  private static MailProtocolException fail(String what, String text) {
    return new MailProtocolException("POP3 listing grammar violated: " + what + ": '"
        + Escaping.escape(text, Escaping.MESSAGE_LIMIT) + "'");
  }
}
