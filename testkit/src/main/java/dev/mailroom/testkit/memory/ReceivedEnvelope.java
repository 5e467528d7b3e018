package dev.mailroom.testkit.memory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SMTP server recorded about the transaction that delivered a message: the envelope and every ESMTP
 * parameter as the client sent it (SIZE, BODY, SMTPUTF8, RET, ENVID, AUTH on MAIL; NOTIFY, ORCPT on RCPT), so a test
 * can assert on DSN parameters that a real MTA would only act on later.
 *
 * <pre>{@code
 * ReceivedEnvelope e = server.mailbox("bob").messages().get(0).envelope().orElseThrow();
 * assertEquals("FAILURE,DELAY", e.recipients().get(0).parameters().get("NOTIFY"));
 * }</pre>
 *
 * @param heloName the EHLO or HELO argument
 * @param mailFrom the reverse path without angle brackets ({@code ""} for the null sender)
 * @param mailParameters MAIL parameters, keys upper case; a parameter without a value maps to {@code ""}
 * @param recipients the accepted recipients in order (all of them, local or not)
 * @param authenticatedUser the user that authenticated, if any
 * @param tls whether the transaction ran over TLS
 * @param chunked whether the content came with BDAT rather than DATA
 */
public record ReceivedEnvelope(String heloName, String mailFrom, Map<String, String> mailParameters,
    List<Recipient> recipients, Optional<String> authenticatedUser, boolean tls, boolean chunked) {

  /** Copies the collections. */
  public ReceivedEnvelope {
    Objects.requireNonNull(heloName, "heloName");
    Objects.requireNonNull(mailFrom, "mailFrom");
    mailParameters = Map.copyOf(mailParameters);
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(authenticatedUser, "authenticatedUser");
  }

  /**
   * The recipient addresses in order.
   *
   * @return the forward paths without angle brackets
   */
  public List<String> recipientAddresses() {
    return recipients.stream().map(Recipient::address).toList();
  }

  /**
   * One accepted RCPT.
   *
   * @param address the forward path without angle brackets
   * @param parameters RCPT parameters, keys upper case
   */
  public record Recipient(String address, Map<String, String> parameters) {
    /** Copies the map. */
    public Recipient {
      Objects.requireNonNull(address, "address");
      parameters = Map.copyOf(parameters);
    }
  }
}
