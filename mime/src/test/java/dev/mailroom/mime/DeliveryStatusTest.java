package dev.mailroom.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DeliveryStatus}: RFC 3464 §2.1 field groups read as header fields. */
class DeliveryStatusTest {
  private static final String REPORT = """
      From: MAILER-DAEMON@mx.example.org
      Content-Type: multipart/report; report-type=delivery-status; boundary=r
      
      --r
      Content-Type: text/plain
      
      Your message could not be delivered.
      --r
      Content-Type: message/delivery-status
      
      Reporting-MTA: dns; mx.example.org
      Arrival-Date: Mon, 1 Jan 2024 10:00:00 +0000
      
      Original-Recipient: rfc822;bob@example.org
      Final-Recipient: rfc822; bob@example.org
      Action: Failed
      Status: 5.1.1 (no such user)
      Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>:
       user unknown
      
      
      Final-Recipient: rfc822; carol@example.org
      Action: delayed
      Status: 4.4.1
      Will-Retry-Until: Tue, 2 Jan 2024 10:00:00 +0000
      --r
      Content-Type: text/rfc822-headers
      
      Subject: the original
      --r--
      """.replace("\n", "\r\n");

  @Test
  void readsPerMessageAndPerRecipientGroups() throws IOException {
    MimeMessage message = MimeMessage.parse(REPORT.getBytes(StandardCharsets.US_ASCII));
    MimeEntity part = ((Multipart) message.root()).parts().get(1);
    DeliveryStatus dsn = DeliveryStatus.of(part).orElseThrow();
    assertEquals(Optional.of("dns; mx.example.org"), dsn.reportingMta());
    assertEquals(Optional.of("Mon, 1 Jan 2024 10:00:00 +0000"), dsn.arrivalDate());
    assertEquals(2, dsn.recipients().size(), "two blank lines count as one separator");
    DeliveryStatus.Recipient bob = dsn.recipients().get(0);
    assertEquals(Optional.of("rfc822; bob@example.org"), bob.finalRecipient());
    assertEquals(Optional.of("rfc822;bob@example.org"), bob.originalRecipient());
    assertEquals(Optional.of("failed"), bob.action());
    assertEquals(Optional.of("5.1.1"), bob.status());
    assertEquals(Optional.of("smtp; 550 5.1.1 <bob@example.org>: user unknown"), bob.diagnosticCode(), "folded");
    DeliveryStatus.Recipient carol = dsn.recipients().get(1);
    assertEquals(Optional.of("delayed"), carol.action());
    assertEquals(Optional.of("Tue, 2 Jan 2024 10:00:00 +0000"), carol.willRetryUntil());
    assertEquals(List.of(), dsn.defects());
  }

  @Test
  void onlyForDeliveryStatusLeaves() throws IOException {
    MimeMessage message = MimeMessage.parse(REPORT.getBytes(StandardCharsets.US_ASCII));
    assertTrue(DeliveryStatus.of(message.root()).isEmpty());
    assertTrue(DeliveryStatus.of(((Multipart) message.root()).parts().get(0)).isEmpty());
  }

  @Test
  void linesThatAreNotFieldsAreSkippedWithADefect() throws IOException {
    DeliveryStatus dsn = DeliveryStatus.parse("Reporting-MTA: dns; x\r\nnot a field\r\n\r\nAction: failed\r\n"
        .getBytes(StandardCharsets.US_ASCII));
    assertEquals(1, dsn.perMessage().size());
    assertEquals(Optional.of("failed"), dsn.recipients().get(0).action());
    assertEquals(List.of(MimeDefect.Kind.MALFORMED_HEADER), dsn.defects().stream().map(MimeDefect::kind).toList());
  }

  @Test
  void noRecipientGroupIsADefect() throws IOException {
    DeliveryStatus dsn = DeliveryStatus.parse("Reporting-MTA: dns; x\n".getBytes(StandardCharsets.US_ASCII));
    assertEquals(0, dsn.recipients().size());
    assertEquals(1, dsn.defects().size());
  }

  @Test
  void hugeFieldsAreRefused() {
    byte[] body = ("Reporting-MTA: " + "x".repeat(70_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    assertThrows(MimeParseException.class, () -> DeliveryStatus.parse(body));
  }
}
