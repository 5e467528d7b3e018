package dev.mailroom.mime;

import dev.mailroom.mime.internal.DateParser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Dates in headers (Date, Resent-Date, Content-Disposition dates): RFC 5322 §3.3 date-times.
 *
 * <pre>{@code
 * MimeDates.parse("Mon, 7 Jun 2021 09:13:07 +0200 (CEST)", defects::add);  // 2021-06-07T09:13:07+02:00
 * MimeDates.format(OffsetDateTime.now());                                  // "Tue, 8 Jun 2021 10:00:00 +0200"
 * }</pre>
 */
public final class MimeDates {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
      "Dec"};

  private MimeDates() { }

  /**
   * Reads a date-time leniently; never throws for bad input.
   *
   * <ul>
   *   <li>RFC 5322 forms, obsolete ones included (§4.3), give no defect: with or without day of week and seconds,
   *       one-digit days, two- and three-digit years (00-49 are 2000-2049, 50-99 and three digits add 1900), the zones
   *       UT, GMT, EST/EDT, CST/CDT, MST/MDT, PST/PDT, and the military letters (read as +0000, as §4.3 says),
   *       comments and extra white space anywhere ({@code Mon, 7 Jun 2021 09:13:07 +0200 (CEST)}).</li>
   *   <li>Shapes read by leniency give one {@code INVALID_DATE} defect: asctime order ({@code Mon Jun  7 09:13:07
   *       2021}), ISO 8601 ({@code 2021-06-07 09:13:07}, {@code 2021-06-07T09:13:07.5+02:00}), common zone names that
   *       RFC 5322 lacks (UTC, CET, CEST, BST, JST...), {@code +hh:mm} and {@code +hh} offsets, no time (midnight), no
   *       zone (+0000), a leap second (read as :59).</li>
   *   <li>Anything else (no month, an impossible day, words that are not date words) gives empty and a defect.</li>
   * </ul>
   */
  public static Optional<OffsetDateTime> parse(String value, Consumer<MimeDefect> defects) {
    Objects.requireNonNull(defects, "defects");
    if (value == null) {
      return Optional.empty();
    }
    return DateParser.parse(value, defects);
  }

  /** {@link #parse(String, Consumer)} ignoring defects. */
  public static Optional<OffsetDateTime> parse(String value) {
    return parse(value, d -> { });
  }

  /** RFC 5322 §3.3 form, {@code Mon, 7 Jun 2021 09:13:07 +0200}, in the date-time's own offset. */
  public static String format(OffsetDateTime dateTime) {
    Objects.requireNonNull(dateTime, "dateTime");
    int year = dateTime.getYear();
    if (year < 1900 || year > 9999) {
      throw new IllegalArgumentException("RFC 5322 years are 1900 to 9999: " + year);
    }
    int offset = dateTime.getOffset().getTotalSeconds() / 60;
    int abs = Math.abs(offset);
    return String.format("%s, %d %s %04d %02d:%02d:%02d %c%02d%02d",
        DAYS[dateTime.getDayOfWeek().getValue() - 1], dateTime.getDayOfMonth(), MONTHS[dateTime.getMonthValue() - 1],
        year, dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond(), offset < 0 ? '-' : '+', abs / 60,
        abs % 60);
  }

  /** An instant in RFC 5322 form at +0000. */
  public static String format(Instant instant) {
    return format(instant.atOffset(ZoneOffset.UTC));
  }
}
