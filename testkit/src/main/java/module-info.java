/**
 * Mailroom testkit: scripted fake mail servers in the MockWebServer style, a stateful in-memory SMTP/POP3/IMAP server
 * ({@code dev.mailroom.testkit.memory}), runtime test certificates and JUnit 5 support. It shares no code with the
 * clients, so client bugs are never mirrored by the server.
 *
 * <p>JUnit is a {@code static} requirement: the servers and certificates work without JUnit (any test framework, a
 * sample, a demo), and a module that uses {@code dev.mailroom.testkit.junit5} requires JUnit itself, so JUnit is in
 * the module graph whenever the extension runs. It is also {@code transitive} because the exported extension's
 * signatures use JUnit types (a reader of this module then reads JUnit too, when JUnit is present). Bouncy Castle
 * is a normal, non-transitive requirement: no public signature uses its types.
 */
module dev.mailroom.testkit {
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires static transitive org.junit.jupiter.api;
  requires dev.mailroom.mime;

  exports dev.mailroom.testkit;
  exports dev.mailroom.testkit.junit5;
  exports dev.mailroom.testkit.lab;
  exports dev.mailroom.testkit.memory;
}
