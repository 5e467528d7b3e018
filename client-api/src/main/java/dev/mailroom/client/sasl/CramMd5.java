package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CRAM-MD5 (RFC 2195 §2): the server sends a challenge in the form of an RFC 822 msg-id ({@code <...>}); the client
 * answers {@code username SP hex(HMAC-MD5(password, challenge))} with lower-case hex digits. The password itself
 * never crosses the wire, but anyone who records the exchange can test guesses offline, so prefer SCRAM.
 */
final class CramMd5 implements SaslMechanism {
  static final CramMd5 INSTANCE = new CramMd5();
  private static final int MAX_CHALLENGE_BYTES = 1024;

  private CramMd5() {
  }

  @Override
  public String name() {
    return "CRAM-MD5";
  }

  @Override
  public boolean sendsInitialResponse() {
    return false;
  }

  @Override
  public boolean sendsSecretInClear() {
    return false;
  }

  @Override
  public boolean supports(Credentials credentials) {
    return credentials instanceof Credentials.Password password && password.authorizationId().isEmpty();
  }

  @Override
  public SaslExchange start(Credentials credentials, SaslContext context) throws MailAuthenticationException {
    if (!supports(credentials)) {
      throw new IllegalArgumentException("CRAM-MD5 needs password credentials without authorization id");
    }
    Credentials.Password password = (Credentials.Password) credentials;
    if (password.username().isEmpty() || password.password().isEmpty()) {
      throw new MailAuthenticationException("CRAM-MD5 needs a non-empty user name and password");
    }
    if (SaslText.indexOfControl(password.username()) >= 0) {
      throw new MailAuthenticationException("CRAM-MD5: the user name contains a control character");
    }
    return new CramMd5Exchange(password.username(), SaslText.utf8(password.password()));
  }

  @Override
  public String toString() {
    return name();
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

  private static final class CramMd5Exchange implements SaslExchange {
    private final String username;
    private final byte[] password;
    private boolean answered;
    private boolean failed;

    CramMd5Exchange(String username, byte[] password) {
      this.username = username;
      this.password = password;
    }

    @Override
    public String mechanism() {
      return "CRAM-MD5";
    }

    @Override
    public Optional<byte[]> initialResponse() {
      return Optional.empty();
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
      if (answered || failed) {
        failed = true;
        throw new MailAuthenticationException("CRAM-MD5: unexpected second challenge");
      }
      if (!isMsgId(challenge)) {
        failed = true;
        throw new MailAuthenticationException("CRAM-MD5: the challenge is not a <msg-id> of printable ASCII"
            + " (RFC 2195 §2), " + challenge.length + " bytes");
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
      return answered && !failed;
    }
  }
}
