package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CRAM-MD5 (RFC 2195 §2): the server sends a challenge in the form of an RFC 822 msg-id ({@code <...>}); the client
 * answers {@code username SP hex(HMAC-MD5(password, challenge))} with lower-case hex digits. The password itself
 * never crosses the wire, but anyone who records the exchange can test guesses offline, so prefer SCRAM.
 */
final class CramMd5 extends PasswordOnlyMechanism {
  static final CramMd5 INSTANCE = new CramMd5();
  private static final int MAX_CHALLENGE_BYTES = 1024;

  private CramMd5() {
    super("CRAM-MD5", NO_SECRET_IN_CLEAR);
  }

  @Override
  SaslExchange exchange(String username, String password) throws MailAuthenticationException {
    if (SaslText.indexOfControl(username) >= 0) {
      throw new MailAuthenticationException("CRAM-MD5: the user name contains a control character");
    }
    return new CramMd5Exchange(name(), username, SaslText.utf8(password));
  }

  /** {@code hex(HMAC-MD5(key, text))} in lower case, as RFC 2195 §2 specifies. */
  static String digest(byte[] key, byte[] text) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return HexFormat.of().formatHex(mac.doFinal(text));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is required of every Java platform", e);
    }
  }

  private static final class CramMd5Exchange extends BaseExchange {
    private final String username;
    private final byte[] password;
    private boolean answered;

    CramMd5Exchange(String mechanism, String username, byte[] password) {
      super(mechanism, null);
      this.username = username;
      this.password = password;
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
      if (answered || failed()) {
        throw fail("unexpected second challenge");
      }
      if (!isMsgId(challenge)) {
        throw fail("the challenge is not a <msg-id> of printable ASCII (RFC 2195 §2), " + challenge.length + " bytes");
      }
      answered = true;
      return SaslText.utf8(username + " " + digest(password, challenge));
    }

    private static boolean isMsgId(byte[] challenge) {
      if (challenge.length < 3 || challenge.length > MAX_CHALLENGE_BYTES
          || challenge[0] != '<' || challenge[challenge.length - 1] != '>') {
        return false;
      }
      for (byte b : challenge) {
        if (b <= ' ' || b >= 0x7F) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean isComplete() {
      return answered && !failed();
    }
  }
}
