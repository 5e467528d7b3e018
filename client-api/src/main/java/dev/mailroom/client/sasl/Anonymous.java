package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;

/**
 * ANONYMOUS (RFC 4505 §2): one optional message of trace information, at most 255 characters, without control
 * characters (the "trace" stringprep profile of §3 prohibits them).
 */
final class Anonymous extends BaseMechanism<Credentials.Anonymous> {
  static final Anonymous INSTANCE = new Anonymous();
  private static final int MAX_TRACE_CHARACTERS = 255;

  private Anonymous() {
    super("ANONYMOUS", CLIENT_FIRST, NO_SECRET_IN_CLEAR, Credentials.Anonymous.class, "anonymous credentials");
  }

  @Override
  SaslExchange begin(Credentials.Anonymous anonymous, SaslContext context) throws MailAuthenticationException {
    String trace = anonymous.trace();
    if (trace.codePointCount(0, trace.length()) > MAX_TRACE_CHARACTERS) {
      throw new MailAuthenticationException("ANONYMOUS: trace longer than 255 characters (RFC 4505 §2)");
    }
    if (SaslText.indexOfControl(trace) >= 0) {
      throw new MailAuthenticationException(
          "ANONYMOUS: trace contains a control character (RFC 4505 §3 prohibits C.2.1 and C.2.2)");
    }
    return new SingleMessageExchange(name(), SaslText.utf8(trace));
  }
}
