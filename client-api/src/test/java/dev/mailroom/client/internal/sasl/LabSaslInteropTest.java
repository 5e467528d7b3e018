package dev.mailroom.client.internal.sasl;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.client.internal.transport.TransportOptions;
import dev.mailroom.client.sasl.SaslContext;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.testkit.lab.MailLab;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SASL against the lab: SCRAM-SHA-256 (server signature verified) and PLAIN on Dovecot IMAP and Postfix submission,
 * with the non-ASCII password of carol, over implicit TLS and STARTTLS; and the trace of each login holds no secret.
 */
@Tag("interop")
class LabSaslInteropTest {
  private MailLab lab;
  private TlsOptions labTls;
  private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void lab() throws Exception {
    lab = MailLab.require();
    labTls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
  }

  private LineTransport connect(Endpoint endpoint) throws Exception {
    LineTransport t = LineTransport.connect(TransportOptions.of(endpoint).withTls(labTls)
        .withTrace(ProtocolTrace.printing(trace::add)));
    t.commandDeadline();
    return t;
  }

  private static String line(LineTransport t) throws Exception {
    return new String(t.readLine(), US_ASCII);
  }

  /** IMAP: greeting (with capabilities), optional STARTTLS; returns the AUTH= mechanisms after TLS. */
  private List<String> imapReady(LineTransport t) throws Exception {
    line(t);
    if (!t.isTlsActive()) {
      t.writeLine("s1 STARTTLS", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(line(t).startsWith("s1 OK"));
      t.startTls();
    }
    t.writeLine("c1 CAPABILITY", Sensitivity.PUBLIC);
    t.flush();
    List<String> mechanisms = new ArrayList<>();
    String l;
    while (!(l = line(t)).startsWith("c1 ")) {
      for (String word : l.split(" ")) {
        if (word.startsWith("AUTH=")) {
          mechanisms.add(word.substring(5));
        }
      }
    }
    return mechanisms;
  }

  /** SMTP: greeting, EHLO, optional STARTTLS and EHLO again; returns the AUTH mechanisms after TLS. */
  private List<String> smtpReady(LineTransport t) throws Exception {
    smtpReply(t);
    List<String> ehlo = ehlo(t);
    if (!t.isTlsActive()) {
      t.writeLine("STARTTLS", Sensitivity.PUBLIC);
      t.flush();
      assertTrue(smtpReply(t).get(0).startsWith("220"));
      t.startTls();
      ehlo = ehlo(t);
    }
    for (String l : ehlo) {
      if (l.substring(4).startsWith("AUTH ")) {
        return Arrays.asList(l.substring(9).split(" "));
      }
    }
    throw new AssertionError("no AUTH in " + ehlo);
  }

  private static List<String> ehlo(LineTransport t) throws Exception {
    t.writeLine("EHLO client.example.test", Sensitivity.PUBLIC);
    t.flush();
    return smtpReply(t);
  }

  private static List<String> smtpReply(LineTransport t) throws Exception {
    List<String> lines = new ArrayList<>();
    String l;
    do {
      l = line(t);
      lines.add(l);
    } while (l.length() > 3 && l.charAt(3) == '-');
    return lines;
  }

  private SaslMechanism authenticate(LineSaslWire wire, List<String> offered, SaslMechanism mechanism,
      MailLab.User user, Endpoint endpoint) throws Exception {
    return new SaslAuthenticator(SaslPolicy.of(mechanism)).authenticate(wire, offered,
        Credentials.password(user.name(), user.password()), SaslContext.of(endpoint.host(), endpoint.port(), true));
  }

  private void assertTraceHoldsNoSecret(LineSaslWire wire, MailLab.User user) {
    assertFalse(wire.sentSecrets.isEmpty());
    String password64 = Base64.getEncoder().encodeToString(user.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    synchronized (trace) {
      assertTrue(trace.stream().anyMatch(l -> l.contains("<redacted>")), trace.toString());
      for (String l : trace) {
        assertFalse(l.contains(user.password()), "password in trace: " + l);
        assertFalse(l.contains(password64), "encoded password in trace: " + l);
        for (String secret : wire.sentSecrets) {
          if (secret.length() > 1) {
            assertFalse(l.contains(secret), "a SASL response in the trace: " + l);
          }
        }
      }
    }
  }

  @Test
  void imapsScramSha256() throws Exception {
    Endpoint endpoint = Endpoint.implicitTls(lab.host(), MailLab.IMAPS);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = imapReady(t);
      LineSaslWire wire = new LineSaslWire.Imap(t, "a1");
      assertEquals("SCRAM-SHA-256", authenticate(wire, offered, SaslMechanism.scramSha256(), MailLab.ALICE, endpoint).name());
      assertTraceHoldsNoSecret(wire, MailLab.ALICE);
      trace.forEach(System.out::println); // kept in target/surefire-reports as evidence of what the trace shows
    }
  }

  @Test
  void imapStartTlsScramSha256WithANonAsciiPassword() throws Exception {
    Endpoint endpoint = Endpoint.startTls(lab.host(), MailLab.IMAP);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = imapReady(t);
      LineSaslWire wire = new LineSaslWire.Imap(t, "a1");
      authenticate(wire, offered, SaslMechanism.scramSha256(), MailLab.CAROL, endpoint);
      assertTraceHoldsNoSecret(wire, MailLab.CAROL);
    }
  }

  @Test
  void imapsPlainWithANonAsciiPassword() throws Exception {
    Endpoint endpoint = Endpoint.implicitTls(lab.host(), MailLab.IMAPS);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = imapReady(t);
      LineSaslWire wire = new LineSaslWire.Imap(t, "a1");
      assertEquals("PLAIN", authenticate(wire, offered, SaslMechanism.plain(), MailLab.CAROL, endpoint).name());
      assertTraceHoldsNoSecret(wire, MailLab.CAROL);
    }
  }

  @Test
  void imapsScramRejectsATamperedServerSignature() throws Exception {
    // Dovecot's real server-final, with one character of v= changed on the way in: the client must refuse it.
    Endpoint endpoint = Endpoint.implicitTls(lab.host(), MailLab.IMAPS);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = imapReady(t);
      LineSaslWire wire = new LineSaslWire.Imap(t, "a1");
      wire.challengeFilter = LabSaslInteropTest::tamperServerFinal;
      assertThrows(MailAuthenticationException.class,
          () -> authenticate(wire, offered, SaslMechanism.scramSha256(), MailLab.ALICE, endpoint));
      assertTrue(trace.stream().anyMatch(l -> l.equals("C: *")), "the exchange was cancelled: " + trace);
    }
  }

  @Test
  void submissionStartTlsScramSha256() throws Exception {
    Endpoint endpoint = Endpoint.startTls(lab.host(), MailLab.SUBMISSION);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = smtpReady(t);
      LineSaslWire wire = new LineSaslWire.Smtp(t);
      assertEquals("SCRAM-SHA-256",
          authenticate(wire, offered, SaslMechanism.scramSha256(), MailLab.BOB, endpoint).name());
      assertTraceHoldsNoSecret(wire, MailLab.BOB);
    }
  }

  @Test
  void submissionsScramSha256WithANonAsciiPassword() throws Exception {
    Endpoint endpoint = Endpoint.implicitTls(lab.host(), MailLab.SUBMISSIONS);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = smtpReady(t);
      LineSaslWire wire = new LineSaslWire.Smtp(t);
      authenticate(wire, offered, SaslMechanism.scramSha256(), MailLab.CAROL, endpoint);
      assertTraceHoldsNoSecret(wire, MailLab.CAROL);
    }
  }

  @Test
  void submissionsPlain() throws Exception {
    Endpoint endpoint = Endpoint.implicitTls(lab.host(), MailLab.SUBMISSIONS);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = smtpReady(t);
      LineSaslWire wire = new LineSaslWire.Smtp(t);
      assertEquals("PLAIN", authenticate(wire, offered, SaslMechanism.plain(), MailLab.BOB, endpoint).name());
      assertTraceHoldsNoSecret(wire, MailLab.BOB);
    }
  }

  @Test
  void submissionScramRejectsATamperedServerSignature() throws Exception {
    Endpoint endpoint = Endpoint.implicitTls(lab.host(), MailLab.SUBMISSIONS);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = smtpReady(t);
      LineSaslWire wire = new LineSaslWire.Smtp(t);
      wire.challengeFilter = LabSaslInteropTest::tamperServerFinal;
      assertThrows(MailAuthenticationException.class,
          () -> authenticate(wire, offered, SaslMechanism.scramSha256(), MailLab.BOB, endpoint));
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailure() throws Exception {
    Endpoint endpoint = Endpoint.implicitTls(lab.host(), MailLab.SUBMISSIONS);
    try (LineTransport t = connect(endpoint)) {
      List<String> offered = smtpReady(t);
      MailLab.User wrong = new MailLab.User("bob", "not-bobs-password", "bob@example.test");
      assertThrows(MailAuthenticationException.class, () -> authenticate(new LineSaslWire.Smtp(t), offered,
          SaslMechanism.scramSha256(), wrong, endpoint));
    }
  }

  /** Changes one base64 character of the verifier in a SCRAM server-final ("v=..."), leaving others alone. */
  private static String tamperServerFinal(String base64) {
    String decoded = new String(Base64.getDecoder().decode(base64), US_ASCII);
    if (!decoded.startsWith("v=")) {
      return base64;
    }
    char c = decoded.charAt(2);
    String changed = "v=" + (c == 'A' ? 'B' : 'A') + decoded.substring(3);
    return Base64.getEncoder().encodeToString(changed.getBytes(US_ASCII));
  }
}
