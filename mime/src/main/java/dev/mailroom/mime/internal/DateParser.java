package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeDefect;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A lenient reader of RFC 5322 §3.3 date-times, with the obsolete forms of §4.3 and the shapes mail software actually
 * writes. The text is cut into tokens (comments dropped), which are then recognised by what they look like rather
 * than by position: a month name, numbers for day and year, {@code h:m[:s]}, a zone. One pass, bounded work.
 *
 * <p>Forms that are valid RFC 5322 (obsolete included: two- and three-digit years, UT/GMT/US/military zones, no day
 * of week, no seconds, comments, extra white space, one-digit days) give no defect. Forms read only by leniency
 * (asctime order, ISO 8601, zone names outside RFC 5322, {@code +hh:mm}, a missing zone or time, leap second 60)
 * give one {@code INVALID_DATE} defect. Text without month, day and year gives empty and a defect.
 */
public final class DateParser {
  /** Input longer than this (after dropping comments) is not a date. */
  private static final int MAX_LENGTH = 200;

  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
      "nov", "dec"};
  private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};
  private static final String[] DAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday"};

  /** RFC 5322 §4.3 obs-zone (military zones apart), offsets in minutes. */
  private static final Map<String, Integer> RFC_ZONES = Map.of("ut", 0, "gmt", 0, "est", -300, "edt", -240,
      "cst", -360, "cdt", -300, "mst", -420, "mdt", -360, "pst", -480, "pdt", -420);

  /** Names seen in mail that RFC 5322 does not define; unambiguous ones only (not IST, not BST as Brazil). */
  private static final Map<String, Integer> OTHER_ZONES = Map.ofEntries(Map.entry("utc", 0), Map.entry("z", 0),
      Map.entry("wet", 0), Map.entry("west", 60), Map.entry("bst", 60), Map.entry("cet", 60),
      Map.entry("cest", 120), Map.entry("met", 60), Map.entry("mest", 120), Map.entry("eet", 120),
      Map.entry("eest", 180), Map.entry("msk", 180), Map.entry("hkt", 480), Map.entry("jst", 540),
      Map.entry("kst", 540), Map.entry("aest", 600), Map.entry("aedt", 660), Map.entry("nzst", 720),
      Map.entry("nzdt", 780), Map.entry("akst", -540), Map.entry("akdt", -480), Map.entry("hst", -600));

  private final String s;
  private final Consumer<MimeDefect> defects;
  private final List<Integer> numbers = new ArrayList<>();
  private final List<Integer> numberDigits = new ArrayList<>();
  private int month = -1;
  private int isoYear = -1;
  private int isoMonth = -1;
  private int isoDay = -1;
  private int hour = -1;
  private int minute;
  private int second;
  private int nanos;
  private Integer offsetMinutes;
  private boolean numericZone;
  /** Whether the month came before the day (asctime order) or the year before the day. */
  private boolean unusualOrder;
  private String lenient;

  private DateParser(String s, Consumer<MimeDefect> defects) {
    this.s = s;
    this.defects = defects;
  }

  public static Optional<OffsetDateTime> parse(String value, Consumer<MimeDefect> defects) {
    return new DateParser(value, defects).run();
  }

  private Optional<OffsetDateTime> run() {
    String text = withoutComments(s);
    if (text.length() > MAX_LENGTH) {
      return hopeless("too long for a date");
    }
    if (!tokenize(text)) {
      return hopeless("not a date");
    }
    int year;
    int day;
    int monthValue;
    if (isoYear >= 0) {
      year = isoYear;
      monthValue = isoMonth;
      day = isoDay;
      note("ISO 8601 form");
    } else {
      if (month < 0 || numbers.size() != 2) {
        return hopeless(month < 0 ? "no month" : "expected a day and a year");
      }
      int a = numbers.get(0);
      int b = numbers.get(1);
      boolean aIsYear = numberDigits.get(0) >= 3 && numberDigits.get(1) <= 2;
      day = aIsYear ? b : a;
      year = aIsYear ? a : b;
      int yearDigits = numberDigits.get(aIsYear ? 0 : 1);
      if (numberDigits.get(aIsYear ? 1 : 0) > 2) {
        return hopeless("day with more than two digits");
      }
      if (unusualOrder || aIsYear) {
        note("not in day month year order");
      }
      if (yearDigits == 2) {
        year += year < 50 ? 2000 : 1900; // RFC 5322 §4.3
      } else if (yearDigits == 3) {
        year += 1900;
      }
      monthValue = month + 1;
    }
    if (hour < 0) {
      note("no time of day");
      hour = 0;
    }
    if (second == 60) {
      note("leap second");
      second = 59;
    }
    if (offsetMinutes == null) {
      note("no zone, read as +0000");
      offsetMinutes = 0;
    }
    try {
      OffsetDateTime result = OffsetDateTime.of(LocalDateTime.of(year, monthValue, day, hour, minute, second, nanos),
          ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      if (lenient != null) {
        defects.accept(new MimeDefect(MimeDefect.Kind.INVALID_DATE, lenient + ": '" + Ascii.escape(s, 80) + "'", -1));
      }
      return Optional.of(result);
    } catch (DateTimeException e) {
      return hopeless("no such date or time");
    }
  }

  private void note(String what) {
    if (lenient == null) {
      lenient = "date read leniently (" + what + ")";
    }
  }

  private Optional<OffsetDateTime> hopeless(String why) {
    defects.accept(new MimeDefect(MimeDefect.Kind.INVALID_DATE, why + ": '" + Ascii.escape(s, 80) + "'", -1));
    return Optional.empty();
  }

  private static String withoutComments(String s) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH + 1));
    int depth = 0;
    for (int i = 0; i < s.length() && out.length() <= MAX_LENGTH; i++) {
      char c = s.charAt(i);
      if (c == '\\' && depth > 0) {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
        if (depth == 0) {
          out.append(' ');
        }
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString().trim();
  }

  /** Reads the tokens; false when something cannot be part of a date. */
  private boolean tokenize(String t) {
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',') {
        i++;
      } else if (isLetter(c)) {
        int start = i;
        while (i < n && isLetter(t.charAt(i))) {
          i++;
        }
        if (!word(t.substring(start, i).toLowerCase(Locale.ROOT))) {
          return false;
        }
      } else if (isDigit(c)) {
        int start = i;
        while (i < n && isDigit(t.charAt(i))) {
          i++;
        }
        int digits = i - start;
        if (digits > 9) {
          return false;
        }
        int value = Integer.parseInt(t.substring(start, i));
        int colon = skipSpace(t, i);
        if (colon < n && t.charAt(colon) == ':') {
          i = time(t, value, colon);
          if (i < 0) {
            return false;
          }
        } else if (digits == 4 && i + 1 < n && t.charAt(i) == '-' && isDigit(t.charAt(i + 1)) && isoYear < 0) {
          i = isoDate(t, value, i);
          if (i < 0) {
            return false;
          }
        } else {
          numbers.add(value);
          numberDigits.add(digits);
          if (numbers.size() > 2) {
            return false;
          }
        }
      } else if (c == '-' && i > 0 && isLetter(t.charAt(i - 1))) {
        i++; // "07-Jun-2021" (the IMAP date form)
      } else if ((c == '+' || c == '-') && i + 1 < n && isDigit(t.charAt(i + 1))) {
        i = offset(t, i);
        if (i < 0) {
          return false;
        }
      } else if (c == '-' && i + 1 < n && isLetter(t.charAt(i + 1))) {
        i++;
      } else if (c == '.' && hour < 0) {
        i++; // "7. Jun" and similar
      } else {
        return false;
      }
    }
    return true;
  }

  private boolean word(String w) {
    for (int m = 0; m < 12; m++) {
      if (w.equals(MONTHS[m]) || w.equals(MONTH_NAMES[m]) || (m == 8 && w.equals("sept"))) {
        if (month >= 0) {
          return false;
        }
        month = m;
        unusualOrder |= numbers.isEmpty();
        return true;
      }
    }
    for (String day : DAY_NAMES) {
      if (w.equals(day.substring(0, 3)) || w.equals(day)) {
        return true; // RFC 5322 §3.3: the day of week is informative; a wrong one does not change the date
      }
    }
    if (w.equals("t") && isoYear >= 0 && hour < 0) {
      return true;
    }
    Integer zone = RFC_ZONES.get(w);
    if (zone == null && w.length() == 1 && w.charAt(0) != 'j') {
      zone = 0; // §4.3: military zones "SHOULD all be considered equivalent to -0000"; Z is one of them
    }
    if (zone == null) {
      zone = OTHER_ZONES.get(w);
      if (zone == null) {
        return false;
      }
      note("zone name " + w.toUpperCase(Locale.ROOT) + " is not RFC 5322");
    }
    if (offsetMinutes != null && !numericZone) {
      return false; // two zone names
    }
    if (offsetMinutes == null) {
      offsetMinutes = zone; // a numeric offset wins ("+0200 CEST" without parentheses, "GMT+0200")
    }
    return true;
  }

  /** {@code h:m[:s[.fraction]]}, one or two digits each. */
  private int time(String t, int h, int i) {
    if (hour >= 0 || h > 23) {
      return -1;
    }
    int n = t.length();
    int[] parts = new int[2];
    int count = 0;
    while (i < n && t.charAt(i) == ':' && count < 2) {
      int start = skipSpace(t, i + 1); // obs-minute, obs-second: CFWS around the digits (RFC 5322 §4.3)
      i = start;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
      }
      if (i - start < 1 || i - start > 2) {
        return -1;
      }
      parts[count++] = Integer.parseInt(t.substring(start, i));
      int next = skipSpace(t, i);
      if (count < 2 && next < n && t.charAt(next) == ':') {
        i = next;
      }
    }
    if (count == 0 || parts[0] > 59 || (count == 2 && parts[1] > 60)) {
      return -1;
    }
    hour = h;
    minute = parts[0];
    second = count == 2 ? parts[1] : 0;
    if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',') && i + 1 < n && isDigit(t.charAt(i + 1))) {
      int start = ++i;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
      }
      String fraction = (t.substring(start, Math.min(i, start + 9)) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(fraction);
    }
    return i;
  }

  /** {@code yyyy-mm-dd}, then an optional {@code T}. */
  private int isoDate(String t, int year, int i) {
    int n = t.length();
    int[] parts = new int[2];
    for (int k = 0; k < 2; k++) {
      if (i >= n || t.charAt(i) != '-') {
        return -1;
      }
      int start = ++i;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
      }
      if (i - start < 1 || i - start > 2) {
        return -1;
      }
      parts[k] = Integer.parseInt(t.substring(start, i));
    }
    isoYear = year;
    isoMonth = parts[0];
    isoDay = parts[1];
    return i;
  }

  /** {@code +hhmm} (RFC 5322), or {@code +hh:mm} / {@code +hh} (lenient). */
  private int offset(String t, int i) {
    int n = t.length();
    int sign = t.charAt(i) == '-' ? -1 : 1;
    int start = ++i;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
    }
    int digits = i - start;
    int hh;
    int mm;
    if (digits == 4) {
      hh = Integer.parseInt(t.substring(start, start + 2));
      mm = Integer.parseInt(t.substring(start + 2, i));
    } else if (digits <= 2 && i + 2 < n && t.charAt(i) == ':' && isDigit(t.charAt(i + 1))
        && isDigit(t.charAt(i + 2))) {
      hh = Integer.parseInt(t.substring(start, i));
      mm = Integer.parseInt(t.substring(i + 1, i + 3));
      i += 3;
      if (isoYear < 0) {
        note("zone +hh:mm");
      }
    } else if (digits <= 2) {
      hh = Integer.parseInt(t.substring(start, i));
      mm = 0;
      note("zone of hours only");
    } else {
      return -1;
    }
    if (hh > 18 || mm > 59 || numericZone) {
      return -1;
    }
    offsetMinutes = sign * (hh * 60 + mm);
    numericZone = true;
    return i;
  }

  private static int skipSpace(String t, int i) {
    while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t' || t.charAt(i) == '\r'
        || t.charAt(i) == '\n')) {
      i++;
    }
    return i;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
