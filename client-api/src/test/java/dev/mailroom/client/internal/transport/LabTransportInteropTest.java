package dev.mailroom.client.internal.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.testkit.lab.MailLab;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The transport against the lab's Dovecot and Postfix: implicit TLS, STARTTLS/STLS and certificate checks. */
@Tag("interop")
class LabTransportInteropTest {
  private MailLab lab;
  private TlsOptions labTls;

  @BeforeEach
  void lab() throws Exception {
    lab = MailLab.require();
    labTls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
  }

  private LineTransport connect(Endpoint endpoint) throws Exception {
    return LineTransport.connect(TransportOptions.of(endpoint).withTls(labTls));
  }

  private static String line(LineTransport t) throws Exception {
    return new String(t.readLine(), US_ASCII);
  }

  /** Reads IMAP lines until the tagged completion for {@code tag}; returns all lines. */
  private static List<String> imapUntilTagged(LineTransport t, String tag) throws Exception {
    List<String> lines = new ArrayList<>();
    String l;
    do {
      l = line(t);
      lines.add(l);
    } while (!l.startsWith(tag + " "));
    return lines;
  }

  /** Reads one SMTP reply (all its lines). */
  private static List<String> smtpReply(LineTransport t) throws Exception {
    List<String> lines = new ArrayList<>();
    String l;
    do {
      l = line(t);
      lines.add(l);
    } while (l.length() > 3 && l.charAt(3) == '-');
    return lines;
  }

  @Test
  void imapsImplicitTls() throws Exception {
    try (LineTransport t = connect(Endpoint.implicitTls(lab.host(), MailLab.IMAPS))) {
      assertTrue(t.isTlsActive());
      t.commandDeadline();
      assertTrue(line(t).startsWith("* OK"));
      t.writeLine("a1 CAPABILITY", Sensitivity.PUBLIC);
      t.flush();
      List<String> reply = imapUntilTagged(t, "a1");
      assertTrue(reply.get(0).startsWith("* CAPABILITY IMAP4rev1"), reply.toString());
      assertFalse(reply.get(0).contains("STARTTLS"), "no STARTTLS once TLS is on");
      assertTrue(reply.get(reply.size() - 1).startsWith("a1 OK"));
    }
  }

  @Test
  void imapStartTls() throws Exception {
    try (LineTransport t = connect(Endpoint.startTls(lab.host(), MailLab.IMAP))) {
      t.commandDeadline();
      assertTrue(line(t).contains("STARTTLS"));
      t.writeLine("a1 STARTTLS", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(line(t).startsWith("a1 OK"));
      t.startTls();
      assertTrue(t.isTlsActive());
      t.writeLine("a2 CAPABILITY", Sensitivity.PUBLIC);
      t.flush();
      List<String> reply = imapUntilTagged(t, "a2");
      assertFalse(reply.get(0).contains("STARTTLS"), reply.toString());
    }
  }

  @Test
  void pop3sImplicitTlsAndCapa() throws Exception {
    try (LineTransport t = connect(Endpoint.implicitTls(lab.host(), MailLab.POP3S))) {
      t.commandDeadline();
      assertTrue(line(t).startsWith("+OK"));
      t.writeLine("CAPA", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(line(t).startsWith("+OK"));
      String capa;
      try (InputStream in = t.readDotTerminated(64 * 1024)) {
        capa = new String(in.readAllBytes(), US_ASCII);
      }
      assertTrue(capa.contains("UIDL\r\n"), capa);
      assertFalse(capa.contains("STLS"), capa);
      t.writeLine("QUIT", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(line(t).startsWith("+OK"));
    }
  }

  @Test
  void pop3Stls() throws Exception {
    try (LineTransport t = connect(Endpoint.startTls(lab.host(), MailLab.POP3))) {
      t.commandDeadline();
      assertTrue(line(t).startsWith("+OK"));
      t.writeLine("STLS", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(line(t).startsWith("+OK"));
      t.startTls();
      t.writeLine("CAPA", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(line(t).startsWith("+OK"));
      try (InputStream in = t.readDotTerminated(64 * 1024)) {
        assertFalse(new String(in.readAllBytes(), US_ASCII).contains("STLS"));
      }
    }
  }

  @Test
  void submissionsImplicitTls() throws Exception {
    try (LineTransport t = connect(Endpoint.implicitTls(lab.host(), MailLab.SUBMISSIONS))) {
      t.commandDeadline();
      assertTrue(smtpReply(t).get(0).startsWith("220 "));
      t.writeLine("EHLO client.example.test", Sensitivity.PUBLIC);
      t.flush();
      List<String> ehlo = smtpReply(t);
      assertTrue(ehlo.contains("250-AUTH PLAIN LOGIN CRAM-MD5 DIGEST-MD5 SCRAM-SHA-1 SCRAM-SHA-256"), ehlo.toString());
      t.writeLine("QUIT", Sensitivity.PUBLIC);
      t.flush();
      assertEquals("221", smtpReply(t).get(0).substring(0, 3));
    }
  }

  @Test
  void submissionStartTls() throws Exception {
    try (LineTransport t = connect(Endpoint.startTls(lab.host(), MailLab.SUBMISSION))) {
      t.commandDeadline();
      smtpReply(t);
      t.writeLine("EHLO client.example.test", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(smtpReply(t).contains("250-STARTTLS"));
      t.writeLine("STARTTLS", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(smtpReply(t).get(0).startsWith("220 "));
      t.startTls();
      t.writeLine("EHLO client.example.test", Sensitivity.PUBLIC);
      t.flush();
      assertFalse(smtpReply(t).contains("250-STARTTLS"), "capabilities are read again after TLS");
    }
  }

  @Test
  void implicitTlsFailsClosedWithTheJdkTrustStoreT10() {
    // the lab certificate is self-signed: the default trust store must reject it on every implicit TLS port
    for (int port : new int[] {MailLab.IMAPS, MailLab.POP3S, MailLab.SUBMISSIONS}) {
      assertThrows(MailSecurityException.class, () -> LineTransport.connect(
          TransportOptions.of(Endpoint.implicitTls(lab.host(), port))).close(), "port " + port);
    }
  }

  @Test
  void startTlsFailsClosedWithTheJdkTrustStoreT10() throws Exception {
    try (LineTransport t = LineTransport.connect(TransportOptions.of(Endpoint.startTls(lab.host(), MailLab.IMAP)))) {
      t.commandDeadline();
      line(t);
      t.writeLine("a1 STARTTLS", Sensitivity.PUBLIC);
      t.flush();
      line(t);
      assertThrows(MailSecurityException.class, t::startTls);
      assertFalse(t.isOpen());
    }
  }

  @Test
  void wrongHostNameFailsEvenWithTheRightTrustAnchorT11() throws Exception {
    // The TCP connection goes to the lab; TLS must verify the name we claim to dial, which the certificate lacks.
    for (int port : new int[] {MailLab.IMAPS, MailLab.POP3S, MailLab.SUBMISSIONS}) {
      Socket plain = new Socket();
      plain.connect(new InetSocketAddress(lab.host(), port), 5000);
      MailSecurityException e = assertThrows(MailSecurityException.class, () -> TlsHandshake.handshake(plain,
          Endpoint.implicitTls("other.example.org", port), labTls, Duration.ofSeconds(10)));
      assertTrue(plain.isClosed());
      assertTrue(e.getMessage().contains("other.example.org"), e.getMessage());
    }
  }

  @Test
  void everyNameInTheCertificateVerifies() throws Exception {
    for (String host : new String[] {"localhost", "127.0.0.1"}) {
      Socket plain = new Socket();
      plain.connect(new InetSocketAddress(lab.host(), MailLab.IMAPS), 5000);
      SSLSocket ssl = TlsHandshake.handshake(plain, Endpoint.implicitTls(host, MailLab.IMAPS), labTls,
          Duration.ofSeconds(10));
      assertTrue(ssl.getSession().isValid());
      ssl.close();
    }
  }
}
