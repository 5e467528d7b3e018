package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which SASL mechanisms a client allows, in order of preference. Immutable.
 *
 * <p>{@link #defaults()} is strongest first: SCRAM-SHA-256, SCRAM-SHA-1, OAUTHBEARER, XOAUTH2, CRAM-MD5, PLAIN,
 * LOGIN, EXTERNAL, ANONYMOUS. Each mechanism only applies to the credentials it {@linkplain SaslMechanism#supports
 * supports}, so OAuth 2.0 credentials get OAUTHBEARER or XOAUTH2, {@link Credentials.External} gets EXTERNAL and
 * {@link Credentials.Anonymous} gets ANONYMOUS.
 *
 * <pre>{@code
 * SaslPolicy policy = SaslPolicy.of(SaslMechanism.scramSha256(), SaslMechanism.plain());
 * SaslMechanism chosen = policy.choose(List.of("PLAIN", "LOGIN", "SCRAM-SHA-256"), credentials); // SCRAM-SHA-256
 * }</pre>
 *
 * <p>The list passed to {@link #choose} must be the server's mechanism list as read after TLS was established (RFC
 * 3207 §4.2, RFC 2595 §3.1; SECURITY.md T08): a policy keeps no state and remembers nothing between calls. A
 * policy never falls back to a mechanism on its own once an exchange has failed (SECURITY.md T19).
 *
 * @param mechanisms the allowed mechanisms, most preferred first; names are unique
 */
public record SaslPolicy(List<SaslMechanism> mechanisms) {
  private static final SaslPolicy DEFAULTS = of(
      SaslMechanism.scramSha256(),
      SaslMechanism.scramSha1(),
      SaslMechanism.oauthBearer(),
      SaslMechanism.xoauth2(),
      SaslMechanism.cramMd5(),
      SaslMechanism.plain(),
      SaslMechanism.login(),
      SaslMechanism.external(),
      SaslMechanism.anonymous());

  public SaslPolicy {
    mechanisms = List.copyOf(mechanisms);
    Set<String> names = new HashSet<>();
    for (SaslMechanism mechanism : mechanisms) {
      if (!names.add(mechanism.name().toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException("mechanism listed twice: " + mechanism.name());
      }
    }
  }

  /** Every mechanism Mailroom implements, strongest first. */
  public static SaslPolicy defaults() {
    return DEFAULTS;
  }

  /** Exactly these mechanisms, in this order of preference. */
  public static SaslPolicy of(SaslMechanism... mechanisms) {
    return new SaslPolicy(Arrays.asList(mechanisms));
  }

  /** Exactly these mechanisms, in this order of preference. */
  public static SaslPolicy of(List<SaslMechanism> mechanisms) {
    return new SaslPolicy(mechanisms);
  }

  /** This policy without the mechanisms that {@linkplain SaslMechanism#sendsSecretInClear send the secret in clear}. */
  public SaslPolicy withoutCleartextSecrets() {
    return new SaslPolicy(mechanisms.stream().filter(m -> !m.sendsSecretInClear()).toList());
  }

  /** The allowed mechanisms that can use {@code credentials}, most preferred first. */
  public List<SaslMechanism> usableWith(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return mechanisms.stream().filter(m -> m.supports(credentials)).toList();
  }

  /**
   * Picks the most preferred allowed mechanism that can use {@code credentials} and that the server offered
   * (names compared case-insensitively, RFC 4422 §3.1).
   *
   * @param offeredMechanismNames the server's mechanism names, read after TLS (SECURITY.md T08)
   * @throws MailAuthenticationException if there is none; the message names what was offered and what was allowed
   */
  public SaslMechanism choose(Collection<String> offeredMechanismNames, Credentials credentials)
      throws MailAuthenticationException {
    Objects.requireNonNull(offeredMechanismNames, "offeredMechanismNames");
    List<SaslMechanism> usable = usableWith(credentials);
    Set<String> offered = new HashSet<>();
    for (String name : offeredMechanismNames) {
      if (name != null) {
        offered.add(name.trim().toUpperCase(Locale.ROOT));
      }
    }
    for (SaslMechanism mechanism : usable) {
      if (offered.contains(mechanism.name().toUpperCase(Locale.ROOT))) {
        return mechanism;
      }
    }
    throw new MailAuthenticationException("no allowed SASL mechanism in common with the server: offered "
        + describeOffered(offeredMechanismNames) + ", allowed for "
        + credentials.getClass().getSimpleName() + " credentials " + names(usable));
  }

  private static String describeOffered(Collection<String> offered) {
    List<String> shown = new ArrayList<>();
    for (String name : offered) {
      if (shown.size() == 32) {
        shown.add("...");
        break;
      }
      if (name != null) {
        shown.add(SaslText.printable(name, 64));
      }
    }
    return shown.toString();
  }

  private static List<String> names(List<SaslMechanism> mechanisms) {
    return mechanisms.stream().map(SaslMechanism::name).toList();
  }
}
