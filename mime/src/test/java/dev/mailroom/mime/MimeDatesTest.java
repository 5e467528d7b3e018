package dev.mailroom.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MimeDatesTest {
  private static final OffsetDateTime JUNE_7 = OffsetDateTime.of(2021, 6, 7, 9, 13, 7, 0, ZoneOffset.ofHours(2));

  private final List<MimeDefect> defects = new ArrayList<>();

  private OffsetDateTime parse(String s) {
    return MimeDates.parse(s, defects::add).orElseThrow(() -> new AssertionError("no date from " + s + defects));
  }

  private List<Kind> kinds() {
    return defects.stream().map(MimeDefect::kind).toList();
  }

  @Test
  void rfc5322Forms() {
    assertEquals(JUNE_7, parse("Mon, 7 Jun 2021 09:13:07 +0200"));
    assertEquals(JUNE_7, parse("Mon, 07 Jun 2021 09:13:07 +0200"));
    assertEquals(JUNE_7, parse("7 Jun 2021 09:13:07 +0200"));
    assertEquals(JUNE_7, parse("Mon, 7 Jun 2021 09:13:07 +0200 (CEST)"));
    assertEquals(JUNE_7, parse("  Mon ,\r\n 7   Jun (month) 2021\t09 : 13 : 07\r\n +0200  "));
    assertEquals(JUNE_7.withSecond(0), parse("Mon, 7 Jun 2021 09:13 +0200"));
    assertEquals(List.of(), defects);
  }

  /** RFC 5322 Appendix A.1.1 and A.6.3. */
  @Test
  void rfc5322AppendixDates() {
    assertEquals(OffsetDateTime.of(1997, 11, 21, 9, 55, 6, 0, ZoneOffset.ofHours(-6)),
        parse("Fri, 21 Nov 1997 09:55:06 -0600"));
    assertEquals(OffsetDateTime.of(1969, 2, 13, 23, 32, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30)),
        parse("Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)"));
    assertEquals(OffsetDateTime.of(1997, 11, 21, 10, 1, 10, 0, ZoneOffset.ofHours(-6)),
        parse("21 Nov 97 10:01:10 -0600"));
    assertEquals(List.of(), defects);
  }

  /** RFC 5322 §4.3: obsolete years and zones. */
  @Test
  void obsoleteYearsAndZones() {
    assertEquals(2021, parse("7 Jun 21 09:13:07 +0000").getYear());
    assertEquals(2049, parse("7 Jun 49 09:13:07 +0000").getYear());
    assertEquals(1950, parse("7 Jun 50 09:13:07 +0000").getYear());
    assertEquals(2021, parse("7 Jun 121 09:13:07 +0000").getYear());
    assertEquals(ZoneOffset.UTC, parse("7 Jun 2021 09:13:07 UT").getOffset());
    assertEquals(ZoneOffset.UTC, parse("7 Jun 2021 09:13:07 GMT").getOffset());
    assertEquals(ZoneOffset.ofHours(-5), parse("7 Jun 2021 09:13:07 EST").getOffset());
    assertEquals(ZoneOffset.ofHours(-4), parse("7 Jun 2021 09:13:07 edt").getOffset());
    assertEquals(ZoneOffset.ofHours(-6), parse("7 Jun 2021 09:13:07 CST").getOffset());
    assertEquals(ZoneOffset.ofHours(-5), parse("7 Jun 2021 09:13:07 CDT").getOffset());
    assertEquals(ZoneOffset.ofHours(-7), parse("7 Jun 2021 09:13:07 MST").getOffset());
    assertEquals(ZoneOffset.ofHours(-6), parse("7 Jun 2021 09:13:07 MDT").getOffset());
    assertEquals(ZoneOffset.ofHours(-8), parse("7 Jun 2021 09:13:07 PST").getOffset());
    assertEquals(ZoneOffset.ofHours(-7), parse("7 Jun 2021 09:13:07 PDT").getOffset());
    assertEquals(ZoneOffset.UTC, parse("7 Jun 2021 09:13:07 A").getOffset());
    assertEquals(ZoneOffset.UTC, parse("7 Jun 2021 09:13:07 z").getOffset());
    assertEquals(List.of(), defects);
  }

  @Test
  void lenientShapesCarryOneDefect() {
    String[] shapes = {
        "Mon Jun  7 09:13:07 2021 +0200",
        "2021-06-07 09:13:07 +0200",
        "2021-06-07T09:13:07+02:00",
        "Mon, 7 Jun 2021 09:13:07 CEST",
        "Mon, 7 Jun 2021 09:13:07 +02:00",
        "Mon, 7 Jun 2021 09:13:07 GMT+0200",
        "07-Jun-2021 09:13:07 +0200 (IMAP)",
        "Monday, June 7, 2021 09:13:07 +0200 CEST",
    };
    for (String shape : shapes) {
      defects.clear();
      assertEquals(JUNE_7, parse(shape), shape);
      assertTrue(defects.size() <= 1, shape);
    }
    defects.clear();
    assertEquals(OffsetDateTime.of(2021, 6, 7, 9, 13, 7, 0, ZoneOffset.UTC), parse("Mon Jun  7 09:13:07 2021"));
    assertEquals(List.of(Kind.INVALID_DATE), kinds());
    defects.clear();
    assertEquals(OffsetDateTime.of(2021, 6, 7, 9, 13, 7, 500_000_000, ZoneOffset.UTC), parse("2021-06-07T09:13:07.5Z"));
    defects.clear();
    assertEquals(OffsetDateTime.of(2021, 6, 7, 0, 0, 0, 0, ZoneOffset.UTC), parse("7 Jun 2021"));
    assertEquals(List.of(Kind.INVALID_DATE), kinds());
    defects.clear();
    assertEquals(59, parse("30 Jun 2015 23:59:60 +0000").getSecond());
    assertEquals(List.of(Kind.INVALID_DATE), kinds());
  }

  @Test
  void hopelessInputsGiveEmptyAndADefect() {
    for (String s : new String[] {"", "yesterday", "Mon, 31 Feb 2021 09:13:07 +0200", "7 Foo 2021 09:13:07 +0000",
        "Jun 2021", "7 Jun 2021 25:00:00 +0000", "7 Jun 2021 09:61 +0000", "7 Jun 2021 09:13:07 +9900",
        "1 2 3 4", "7 Jun Jul 2021", "7 Jun 2021 09:13:07 +0200 +0300", "7 Jun 2021 \u00e9", "7 Jun 2021 XYZ",
        "x".repeat(10_000), "7 Jun 2021 09:13:07 EST PST", "123 Jun 2021"}) {
      defects.clear();
      assertEquals(Optional.empty(), MimeDates.parse(s, defects::add), s);
      assertEquals(List.of(Kind.INVALID_DATE), kinds(), s);
    }
    assertEquals(Optional.empty(), MimeDates.parse(null));
  }

  @Test
  void longCommentsAreBounded() {
    String s = "Mon, 7 Jun 2021 09:13:07 +0200 (" + "c".repeat(1 << 20) + ")";
    assertEquals(Optional.of(JUNE_7), MimeDates.parse(s));
  }

  @Test
  void formats() {
    assertEquals("Mon, 7 Jun 2021 09:13:07 +0200", MimeDates.format(JUNE_7));
    assertEquals("Thu, 13 Feb 1969 23:32:00 -0330",
        MimeDates.format(OffsetDateTime.of(1969, 2, 13, 23, 32, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30))));
    assertEquals("Thu, 1 Jan 1970 00:00:00 +0000", MimeDates.format(Instant.EPOCH));
    assertThrows(IllegalArgumentException.class, () -> MimeDates.format(JUNE_7.withYear(1800)));
  }

  @Test
  void roundTripsThroughFormat() {
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 1000; i++) {
      OffsetDateTime d = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE)),
          ZoneOffset.ofTotalSeconds((random.nextInt(27 * 60) - 12 * 60) * 60));
      assertEquals(d, MimeDates.parse(MimeDates.format(d), defects::add).orElseThrow());
    }
    assertEquals(List.of(), defects);
  }

  @Test
  void contentDispositionDates() {
    ContentDisposition cd = ContentDisposition.parse("attachment; filename=genome.jpeg;\r\n"
        + "  modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"; read-date=junk");
    assertEquals(Optional.of(OffsetDateTime.of(1997, 2, 12, 16, 29, 51, 0, ZoneOffset.ofHours(-5))),
        cd.modificationDate());
    assertEquals(Optional.empty(), cd.readDate());
    assertEquals(Optional.empty(), cd.creationDate());
  }
}
