package dev.mailroom.mime;

import dev.mailroom.mime.internal.ByteSink;
import dev.mailroom.mime.internal.HeaderReader;
import dev.mailroom.mime.internal.InputWindow;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A readable view of a delivery status notification's machine-readable part: the body of a
 * {@code message/delivery-status} (RFC 3464 §2.1) or {@code message/global-delivery-status} (RFC 6533) entity, which
 * is a group of per-message fields (§2.2) and one group of per-recipient fields (§2.3) per recipient, the groups
 * separated by blank lines. Fields are read as header fields (folding allowed), so each group is a {@link Headers}.
 *
 * <pre>{@code
 * DeliveryStatus dsn = DeliveryStatus.of(part).orElseThrow();
 * dsn.reportingMta();                                   // Optional[dns; mx.example.org]
 * for (DeliveryStatus.Recipient r : dsn.recipients()) {
 *   r.finalRecipient();  r.action();  r.status();       // "rfc822; bob@example.org", "failed", "5.1.1"
 * }
 * }</pre>
 */
public final class DeliveryStatus {
  /** The largest body read: DSN bodies are small, so a larger one is refused. */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final int MAX_FIELD_BYTES = 64 * 1024;

  private final Headers perMessage;
  private final List<Recipient> recipients;
  private final List<MimeDefect> defects;

  private DeliveryStatus(Headers perMessage, List<Recipient> recipients, List<MimeDefect> defects) {
    this.perMessage = perMessage;
    this.recipients = List.copyOf(recipients);
    this.defects = List.copyOf(defects);
  }

  /** The per-recipient fields of one recipient (RFC 3464 §2.3). */
  public record Recipient(Headers fields) {
    public Recipient {
      Objects.requireNonNull(fields, "fields");
    }

    /** {@code Final-Recipient} (§2.3.2), e.g. {@code "rfc822; bob@example.org"}. */
    public Optional<String> finalRecipient() {
      return fields.value("Final-Recipient");
    }

    /** {@code Original-Recipient} (§2.3.1). */
    public Optional<String> originalRecipient() {
      return fields.value("Original-Recipient");
    }

    /** {@code Action} (§2.3.3) in lower case: failed, delayed, delivered, relayed or expanded. */
    public Optional<String> action() {
      return fields.value("Action").map(v -> v.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code Status} (§2.3.4), the RFC 3463 enhanced status code, e.g. {@code "5.1.1"}. */
    public Optional<String> status() {
      return fields.value("Status").map(v -> {
        String t = v.trim();
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
      });
    }

    /** {@code Remote-MTA} (§2.3.5). */
    public Optional<String> remoteMta() {
      return fields.value("Remote-MTA");
    }

    /** {@code Diagnostic-Code} (§2.3.6), e.g. {@code "smtp; 550 5.1.1 no such user"}. */
    public Optional<String> diagnosticCode() {
      return fields.value("Diagnostic-Code");
    }

    /** {@code Last-Attempt-Date} (§2.3.7). */
    public Optional<String> lastAttemptDate() {
      return fields.value("Last-Attempt-Date");
    }

    /** {@code Will-Retry-Until} (§2.3.9). */
    public Optional<String> willRetryUntil() {
      return fields.value("Will-Retry-Until");
    }
  }

  /**
   * The view of {@code entity} if it is a leaf of type {@code message/delivery-status} or
   * {@code message/global-delivery-status}; its body is decoded first.
   *
   * @throws MimeParseException if the body is larger than {@link #MAX_BYTES} or a field larger than 64 KiB
   */
  public static Optional<DeliveryStatus> of(MimeEntity entity) throws IOException {
    if (!(entity instanceof MimePart part)) {
      return Optional.empty();
    }
    String type = part.contentType().mimeType();
    if (!type.equals("message/delivery-status") && !type.equals("message/global-delivery-status")) {
      return Optional.empty();
    }
    try (InputStream in = part.openDecoded()) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw new MimeParseException("delivery status larger than " + MAX_BYTES + " bytes", MAX_BYTES);
      }
      return Optional.of(parse(body));
    }
  }

  /**
   * Reads the field groups of a decoded delivery status body. Blank lines separate groups (several count as one); a
   * line that is not a field is skipped with a {@link MimeDefect.Kind#MALFORMED_HEADER} defect.
   *
   * @throws MimeParseException if a field is larger than 64 KiB
   */
  public static DeliveryStatus parse(byte[] body) throws MimeParseException {
    InputWindow window = InputWindow.of(body.clone());
    HeaderReader reader = new HeaderReader(window, MAX_FIELD_BYTES);
    List<Headers> groups = new ArrayList<>();
    List<MimeDefect> defects = new ArrayList<>();
    List<Header> group = new ArrayList<>();
    try {
      while (true) {
        int item = reader.next();
        if (item == HeaderReader.FIELD) {
          group.add(Header.parse(reader.field()));
        } else if (item == HeaderReader.NOT_A_FIELD) {
          long offset = window.position();
          reader.skipLine(new ByteSink(0), 0);
          defects.add(new MimeDefect(MimeDefect.Kind.MALFORMED_HEADER, "a line that is not a field", offset));
        } else {
          if (!group.isEmpty()) {
            groups.add(Headers.of(group));
            group = new ArrayList<>();
          }
          if (item == HeaderReader.EOF) {
            break;
          }
        }
      }
    } catch (MimeParseException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a byte array cannot fail", e);
    }
    Headers perMessage = groups.isEmpty() ? Headers.empty() : groups.get(0);
    List<Recipient> recipients = new ArrayList<>();
    for (int i = 1; i < groups.size(); i++) {
      recipients.add(new Recipient(groups.get(i)));
    }
    if (recipients.isEmpty()) {
      defects.add(new MimeDefect(MimeDefect.Kind.MALFORMED_HEADER,
          "no per-recipient fields (RFC 3464 §2.1 requires at least one group)", -1));
    }
    return new DeliveryStatus(perMessage, recipients, defects);
  }

  /** The per-message fields (RFC 3464 §2.2). */
  public Headers perMessage() {
    return perMessage;
  }

  /** One entry per recipient group, in order (RFC 3464 §2.3). */
  public List<Recipient> recipients() {
    return recipients;
  }

  /** What was wrong with the body's syntax. */
  public List<MimeDefect> defects() {
    return defects;
  }

  /** {@code Reporting-MTA} (§2.2.2), e.g. {@code "dns; mx.example.org"}. */
  public Optional<String> reportingMta() {
    return perMessage.value("Reporting-MTA");
  }

  /** {@code Original-Envelope-Id} (§2.2.1). */
  public Optional<String> originalEnvelopeId() {
    return perMessage.value("Original-Envelope-Id");
  }

  /** {@code Arrival-Date} (§2.2.5). */
  public Optional<String> arrivalDate() {
    return perMessage.value("Arrival-Date");
  }

  @Override
  public String toString() {
    return "DeliveryStatus[" + reportingMta().orElse("?") + ", " + recipients.size() + " recipients]";
  }
}
