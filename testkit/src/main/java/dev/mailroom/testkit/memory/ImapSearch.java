package dev.mailroom.testkit.memory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SEARCH keys (RFC 3501 §6.4.4) parsed into a predicate: flags and keywords, header and text substrings
 * (case-insensitive), sizes, internal and sent dates, sequence and UID sets, NOT, OR and parenthesised groups.
 */
final class ImapSearch {
  private static final DateTimeFormatter SEARCH_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

  /** A parsed search key. */
  interface Criterion {
    boolean test(int seq, StoredMessage message);
  }

  private ImapSearch() {
  }

  static Criterion parse(ImapArgs args, ImapSelected selected) throws ImapArgs.BadException {
    if (!args.atEnd() && args.peek().kind() == ImapReader.Kind.ATOM
        && args.peek().text().equalsIgnoreCase("CHARSET")) {
      args.next();
      String charset = args.astring().toUpperCase(Locale.ROOT);
      if (!charset.equals("UTF-8") && !charset.equals("US-ASCII")) {
        throw new ImapArgs.BadException("[BADCHARSET (UTF-8 US-ASCII)] unsupported charset");
      }
    }
    List<Criterion> all = new ArrayList<>();
    while (!args.atEnd()) {
      all.add(key(args, selected));
    }
    if (all.isEmpty()) {
      throw new ImapArgs.BadException("SEARCH needs a key");
    }
    return and(all);
  }

  private static Criterion and(List<Criterion> all) {
    return (seq, m) -> all.stream().allMatch(c -> c.test(seq, m));
  }

  private static Criterion key(ImapArgs args, ImapSelected selected) throws ImapArgs.BadException {
    if (args.peekIs(ImapReader.Kind.LPAREN)) {
      args.next();
      List<Criterion> group = new ArrayList<>();
      while (!args.peekIs(ImapReader.Kind.RPAREN)) {
        group.add(key(args, selected));
      }
      args.next();
      return and(group);
    }
    String key = args.upperAtom();
    switch (key) {
      case "ALL":
        return (seq, m) -> true;
      case "RECENT":
        return flag("\\Recent", true);
      case "OLD":
        return flag("\\Recent", false);
      case "NEW":
        return (seq, m) -> m.hasFlag("\\Recent") && !m.hasFlag("\\Seen");
      case "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "SEEN":
        return flag("\\" + key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT), true);
      case "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN":
        return flag("\\" + key.charAt(2) + key.substring(3).toLowerCase(Locale.ROOT), false);
      case "KEYWORD":
        return flag(args.atom(), true);
      case "UNKEYWORD":
        return flag(args.atom(), false);
      case "BCC", "CC", "FROM", "TO", "SUBJECT": {
        String needle = lower(args.astring());
        String field = key;
        return (seq, m) -> m.headers(field).stream().anyMatch(v -> lower(v).contains(needle));
      }
      case "HEADER": {
        String field = args.astring();
        String needle = lower(args.astring());
        return (seq, m) -> m.headers(field).stream().anyMatch(v -> lower(v).contains(needle));
      }
      case "BODY": {
        String needle = lower(args.astring());
        return (seq, m) -> lower(m.body()).contains(needle);
      }
      case "TEXT": {
        String needle = lower(args.astring());
        return (seq, m) -> lower(new String(m.bytes(), StandardCharsets.UTF_8)).contains(needle);
      }
      case "LARGER": {
        long n = number(args.atom());
        return (seq, m) -> m.size() > n;
      }
      case "SMALLER": {
        long n = number(args.atom());
        return (seq, m) -> m.size() < n;
      }
      case "BEFORE", "ON", "SINCE": {
        LocalDate date = date(args.astring());
        return (seq, m) -> compare(m.internalDate().atZone(ZoneOffset.UTC).toLocalDate(), date, key);
      }
      case "SENTBEFORE", "SENTON", "SENTSINCE": {
        LocalDate date = date(args.astring());
        String op = key.substring(4);
        return (seq, m) -> m.header("Date").map(ImapSearch::sentDate)
            .map(d -> d != null && compare(d, date, op)).orElse(false);
      }
      case "UID": {
        Set<Long> uids = new HashSet<>(selected.resolve(args.atom(), true));
        return (seq, m) -> uids.contains(m.uid());
      }
      case "NOT": {
        Criterion inner = key(args, selected);
        return (seq, m) -> !inner.test(seq, m);
      }
      case "OR": {
        Criterion a = key(args, selected);
        Criterion b = key(args, selected);
        return (seq, m) -> a.test(seq, m) || b.test(seq, m);
      }
      default:
        if (key.matches("[0-9*:,]+")) {
          Set<Long> uids = new HashSet<>(selected.resolve(key, false));
          return (seq, m) -> uids.contains(m.uid());
        }
        throw new ImapArgs.BadException("unknown SEARCH key " + key);
    }
  }

  private static Criterion flag(String flag, boolean set) {
    return (seq, m) -> m.hasFlag(flag) == set;
  }

  private static boolean compare(LocalDate value, LocalDate date, String op) {
    return switch (op) {
      case "BEFORE" -> value.isBefore(date);
      case "ON" -> value.isEqual(date);
      default -> !value.isBefore(date);
    };
  }

  private static LocalDate sentDate(String header) {
    try {
      return ZonedDateTime.parse(header.replaceAll("\\s*\\(.*\\)\\s*$", "").strip(),
          DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate date(String text) throws ImapArgs.BadException {
    try {
      return LocalDate.parse(text, SEARCH_DATE);
    } catch (DateTimeParseException e) {
      throw new ImapArgs.BadException("invalid date " + text);
    }
  }

  private static long number(String text) throws ImapArgs.BadException {
    if (!text.matches("[0-9]{1,18}")) {
      throw new ImapArgs.BadException("invalid number " + text);
    }
    return Long.parseLong(text);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
