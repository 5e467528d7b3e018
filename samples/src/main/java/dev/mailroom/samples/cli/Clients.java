package dev.mailroom.samples.cli;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Timeouts;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.UnsolicitedListener;
import dev.mailroom.pop3.Pop3Client;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Builds the IMAP and POP3 clients of {@code fetch} and {@code check} from {@link ConnectionOptions}: the endpoint
 * with the protocol's default ports, trust, the redacted trace and the timeouts. The credentials are passed in, so a
 * command that opens several connections asks for the password once.
 */
final class Clients {
  private Clients() { }

  /** IMAP: ports 143 (plain, STARTTLS) and 993 (implicit TLS). */
  static ImapClient imap(ConnectionOptions c, Optional<Credentials> credentials, PrintWriter err,
      UnsolicitedListener listener) throws IOException {
    ImapClient.Builder b = ImapClient.builder().endpoint(c.endpoint(143, 143, 993)).tls(c.tls())
        .trace(c.trace(err)).unsolicitedListener(listener);
    credentials.ifPresent(b::credentials);
    c.timeout().ifPresent(t -> b.timeouts(Timeouts.defaults().newBuilder().all(t).build()));
    return b.build();
  }

  /** POP3: ports 110 (plain, STLS) and 995 (implicit TLS). */
  static Pop3Client pop3(ConnectionOptions c, Optional<Credentials> credentials, PrintWriter err)
      throws IOException {
    Pop3Client.Builder b = Pop3Client.builder().endpoint(c.endpoint(110, 110, 995)).tls(c.tls())
        .trace(c.trace(err));
    credentials.ifPresent(b::credentials);
    c.timeout().ifPresent(t -> b.timeouts(Timeouts.defaults().newBuilder().all(t).build()));
    return b.build();
  }

  /** The account as {@code user@host}, for messages and the fetch state's source. */
  static String account(ConnectionOptions c) {
    return (c.user == null ? "" : c.user + "@") + c.host;
  }
}
