package dev.mailroom.imap.fetch;

import java.util.List;

/**
 * The {@code ENVELOPE} of a message (RFC 3501 §7.4.2); strings are as the server sent them (RFC 2047 encoded words
 * are not decoded here), absent fields are null or empty lists.
 *
 * <pre>{@code
 * Envelope e = message.envelope();
 * System.out.println(e.subject() + " from " + e.from().get(0).email());
 * }</pre>
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
    List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc, String inReplyTo,
    String messageId) {
  public Envelope {
    from = List.copyOf(from);
    sender = List.copyOf(sender);
    replyTo = List.copyOf(replyTo);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
  }
}
