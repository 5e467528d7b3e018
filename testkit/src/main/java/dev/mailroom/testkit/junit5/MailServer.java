package dev.mailroom.testkit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a started {@link dev.mailroom.testkit.memory.InMemoryMailServer}: on a non-final field of that type
 * (an instance field gets a fresh server per test, a static field one server per class) or on a test method
 * parameter (a fresh server for that invocation). The annotation registers {@link MailServerExtension} itself.
 *
 * <pre>{@code
 * class DeliveryTest {
 *   @MailServer(users = {"alice:alice-pw", "bob:bob-pw"}) InMemoryMailServer server;
 *
 *   @Test void delivers() throws Exception {
 *     // send to bob@example.test on server.smtpPort() with any client, then:
 *     StoredMessage m = server.mailbox("bob").awaitMessages(1, Duration.ofSeconds(5)).get(0);
 *     assertEquals(Optional.of("Hello"), m.subject());
 *   }
 * }
 * }</pre>
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MailServerExtension.class)
public @interface MailServer {
  /**
   * The users, each {@code "name:password"}.
   *
   * @return the users; by default alice and bob with the lab's passwords
   */
  String[] users() default {"alice:alice-pw", "bob:bob-pw"};

  /**
   * The local domains.
   *
   * @return the domains; by default {@code example.test}
   */
  String[] domains() default {"example.test"};

  /**
   * Whether TLS is on, with {@link dev.mailroom.testkit.TestCertificates#localhost()}.
   *
   * @return true for STARTTLS and the implicit-TLS ports
   */
  boolean tls() default false;

  /**
   * The SMTP SIZE limit.
   *
   * @return bytes; by default 25 MiB
   */
  long maxMessageSize() default 25L * 1024 * 1024;

  /**
   * Whether deliveries get Return-Path and Received fields.
   *
   * @return true by default
   */
  boolean traceHeaders() default true;
}
