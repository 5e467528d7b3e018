package dev.mailroom.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each SMTP wait may last. The defaults are the minimums of RFC 5321 §4.5.3.2 (SECURITY.md R06): a
 * client that gives up sooner, especially on the final dot, causes duplicate deliveries when the server did accept
 * the message.
 *
 * @param greeting the 220 greeting (5 min)
 * @param mailRcpt a reply to MAIL or RCPT, and to any other command (5 min)
 * @param dataInit the 354 reply to DATA (2 min)
 * @param dataBlock sending one block of the body; a server that stops reading for this long is dead (3 min)
 * @param dataTermination the reply to the final {@code .} or to {@code BDAT ... LAST} (10 min)
 */
public record SmtpTimeouts(Duration greeting, Duration mailRcpt, Duration dataInit, Duration dataBlock,
    Duration dataTermination) {

  private static final SmtpTimeouts RFC_5321 = new SmtpTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5),
      Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(10));

  public SmtpTimeouts {
    greeting = positive(greeting, "greeting");
    mailRcpt = positive(mailRcpt, "mailRcpt");
    dataInit = positive(dataInit, "dataInit");
    dataBlock = positive(dataBlock, "dataBlock");
    dataTermination = positive(dataTermination, "dataTermination");
  }

  /** RFC 5321 §4.5.3.2: greeting 5 min, MAIL/RCPT 5 min, DATA 2 min, data block 3 min, final dot 10 min. */
  public static SmtpTimeouts defaults() {
    return RFC_5321;
  }

  /** Every wait set to {@code value}: for tests. */
  public static SmtpTimeouts all(Duration value) {
    return new SmtpTimeouts(value, value, value, value, value);
  }

  /** The longest of the five. */
  public Duration longest() {
    Duration max = greeting;
    for (Duration d : new Duration[] {mailRcpt, dataInit, dataBlock, dataTermination}) {
      if (d.compareTo(max) > 0) {
        max = d;
      }
    }
    return max;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }
}
