/**
 * Mailroom testkit: scripted fake mail servers in the MockWebServer style, runtime test certificates and JUnit 5
 * support. It shares no code with the clients, so client bugs are never mirrored by the server.
 */
module dev.mailroom.testkit {
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires static org.junit.jupiter.api;

  // exports dev.mailroom.testkit and dev.mailroom.testkit.junit5 arrive with their first classes.
  exports dev.mailroom.testkit.lab;
}
