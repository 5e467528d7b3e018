package dev.mailroom.imap;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Security;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.TestCertificates;
import java.time.Duration;

/** Shared helpers for the scripted IMAP tests against {@link MockImapServer}. */
final class Imap {
  static final TestCertificates CERTS = TestCertificates.localhost();
  static final TlsOptions TRUST = TlsOptions.builder().trustStore(CERTS.trustStore()).build();
  static final Duration QUICK = Duration.ofSeconds(5);
  static final String CAPS = "IMAP4rev1 LITERAL+ IDLE MOVE UIDPLUS UNSELECT NAMESPACE ID ENABLE";

  private Imap() { }

  static ImapClient.Builder client(MockImapServer server, Security security) {
    return ImapClient.builder()
        .endpoint(new Endpoint("localhost", server.port(), security, false))
        .tls(TRUST)
        .timeouts(Timeouts.defaults().newBuilder().all(QUICK).build());
  }

  static ImapClient.Builder plain(MockImapServer server) {
    return client(server, Security.PLAIN).credentials(Credentials.password("alice", "pw"));
  }

  /** Greeting with {@code caps}, LOGIN accepted, CAPABILITY after login. */
  static void login(MockImapServer server, String caps) {
    server.enqueueGreeting(caps);
    server.enqueue(MockImapResponse.ok("LOGIN completed"),
        MockImapResponse.ok("CAPABILITY completed", "* CAPABILITY " + caps));
  }

  /** Connects with LOGIN and drains the handshake commands from the recording. */
  static ImapSession connect(MockImapServer server, String caps) throws Exception {
    login(server, caps);
    ImapSession s = plain(server).build().connect();
    server.takeImapCommand(); // LOGIN
    server.takeImapCommand(); // CAPABILITY
    return s;
  }

  /** Answers a SELECT of a mailbox with {@code exists} messages. */
  static MockImapResponse selected(long exists, long uidValidity) {
    return MockImapResponse.ok("[READ-WRITE] SELECT completed",
        "* " + exists + " EXISTS", "* 0 RECENT", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "* OK [UIDVALIDITY " + uidValidity + "] UIDs valid", "* OK [UIDNEXT " + (exists + 1) + "] next");
  }
}
