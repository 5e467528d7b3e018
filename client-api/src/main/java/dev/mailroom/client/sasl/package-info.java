/**
 * SASL (RFC 4422) mechanisms and negotiation: {@link dev.mailroom.client.sasl.SaslMechanism} with PLAIN, LOGIN,
 * CRAM-MD5, SCRAM-SHA-1, SCRAM-SHA-256, XOAUTH2, OAUTHBEARER, EXTERNAL and ANONYMOUS;
 * {@link dev.mailroom.client.sasl.SaslPolicy} to say which are allowed and in what order;
 * {@link dev.mailroom.client.sasl.SaslPrep} for user names and passwords.
 *
 * <p>A caller normally only picks a policy; the SMTP, POP3 and IMAP clients run the exchange:
 *
 * <pre>{@code
 * // Allow only the SCRAM family (never send the password itself), strongest first.
 * SaslPolicy policy = SaslPolicy.of(SaslMechanism.scramSha256(), SaslMechanism.scramSha1());
 *
 * // Which mechanism would be used against a server that offers these (read after TLS)?
 * SaslMechanism chosen = policy.choose(List.of("PLAIN", "SCRAM-SHA-1"), Credentials.password("carol", "pässwörd"));
 * // chosen.name() is "SCRAM-SHA-1"
 * }</pre>
 */
package dev.mailroom.client.sasl;
