package dev.mailroom.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A scripted fake POP3 server: {@link MockMailServer} plus POP3 shorthands. Replies are written as given; the
 * multi-line helpers dot-stuff and terminate a body with the testkit's own code (RFC 1939 §3), never the client's.
 *
 * <ul>
 *   <li><b>Fail fast.</b> A command that finds nothing enqueued gets {@link #UNEXPECTED_COMMAND}
 *       ({@code -ERR unexpected command}) and is recorded as a failure.
 *   <li><b>Scripted</b> (the default): enqueue one reply per command, in order; pipelined commands are read one at a
 *       time and answered in order.
 *   <li><b>Stateful</b>: {@link #MockPop3Server(MockPop3Maildrop)} serves a real maildrop (USER/PASS, CAPA, STAT,
 *       LIST, UIDL, RETR, TOP, DELE, RSET, NOOP, QUIT with RFC 1939 UPDATE semantics) with one-shot faults: a drop
 *       mid-RETR, after a RETR, in a DELE batch or before QUIT, and {@code -ERR} to QUIT.
 *   <li><b>STLS</b>: {@link #offerStartTls(TestCertificates)}, then enqueue {@code MockReply.of("+OK go").thenStartTls()}.
 * </ul>
 *
 * <pre>{@code
 * try (MockPop3Server pop3 = new MockPop3Server()) {
 *   pop3.enqueueGreeting("ready <1.2@mock.test>");
 *   pop3.enqueue(MockPop3Server.capa("USER", "UIDL", "PIPELINING"));
 *   pop3.enqueue(MockReply.of("+OK"), MockReply.of("+OK logged in"));             // USER, PASS
 *   pop3.enqueue(MockPop3Server.multiLine("+OK 12 octets", "Subject: x\r\n\r\n.dot\r\n".getBytes(UTF_8)));
 *   pop3.enqueue(MockReply.of("+OK bye").onReplyEnd(SocketEffect.CLOSE));            // QUIT
 *   pop3.start();
 *   // ... a client that logs in, sends RETR 1 and reads "..dot" un-stuffed as ".dot"
 *   assertEquals("RETR 1", pop3.commands().get(4).line());
 * }
 * }</pre>
 *
 * <p>This class is thread-safe.
 */
public final class MockPop3Server extends MockMailServer {
  /** The fail-fast reply: {@code -ERR unexpected command}. */
  public static final MockReply UNEXPECTED_COMMAND = MockReply.of("-ERR unexpected command");

  /** A scripted server answering from a {@link QueueDispatcher} whose fail-fast reply is {@link #UNEXPECTED_COMMAND}. */
  public MockPop3Server() {
    super(new QueueDispatcher(UNEXPECTED_COMMAND));
  }

  /**
   * A stateful server over {@code maildrop}.
   *
   * @param maildrop the maildrop and its faults
   */
  public MockPop3Server(MockPop3Maildrop maildrop) {
    super(maildrop);
  }

  /**
   * A server answering from this dispatcher.
   *
   * @param dispatcher the dispatcher
   */
  public MockPop3Server(Dispatcher dispatcher) {
    super(dispatcher);
  }

  /**
   * Enqueues the greeting {@code +OK <text>}.
   *
   * @param text the greeting text, for instance {@code "ready <1.2@mock.test>"} (with an APOP timestamp)
   */
  public void enqueueGreeting(String text) {
    enqueue(MockReply.of("+OK " + text));
  }

  /**
   * A CAPA reply: {@code +OK}, one line per capability, the terminating dot.
   *
   * @param capabilities the capability lines, for instance {@code "SASL PLAIN SCRAM-SHA-256"}
   * @return the reply
   */
  public static MockReply capa(String... capabilities) {
    return multiLine("+OK capability list follows", capabilities);
  }

  /**
   * A multi-line reply of text lines: the status line, each line dot-stuffed, then {@code .}.
   *
   * @param statusLine the first line, for instance {@code "+OK 2 messages"}
   * @param lines the lines, without CRLF
   * @return the reply
   */
  public static MockReply multiLine(String statusLine, String... lines) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String line : lines) {
      body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      body.write('\r');
      body.write('\n');
    }
    return multiLine(statusLine, body.toByteArray());
  }

  /**
   * A multi-line reply carrying {@code body} (a message for RETR or TOP): the status line, the body dot-stuffed (a
   * line starting with {@code .} gets another), a CRLF if the body does not end with one, then {@code .CRLF}.
   *
   * @param statusLine the first line, for instance {@code "+OK 120 octets"}
   * @param body the body
   * @return the reply
   */
  public static MockReply multiLine(String statusLine, byte[] body) {
    return MockReply.raw(multiLineBytes(statusLine, body));
  }

  /**
   * The bytes of {@link #multiLine(String, byte[])}: for faults that cut the reply at an offset.
   *
   * @param statusLine the first line
   * @param body the body
   * @return the bytes on the wire
   */
  public static byte[] multiLineBytes(String statusLine, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / 64 + 64);
    out.writeBytes(statusLine.getBytes(StandardCharsets.UTF_8));
    out.write('\r');
    out.write('\n');
    out.writeBytes(stuff(body));
    out.writeBytes(new byte[] {'.', '\r', '\n'});
    return out.toByteArray();
  }

  /**
   * Dot-stuffs {@code body} (RFC 1939 §3) and makes it end with CRLF.
   *
   * @param body the body
   * @return the stuffed body
   */
  public static byte[] stuff(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / 64 + 2);
    boolean lineStart = true;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (lineStart && b == '.') {
        out.write('.');
      }
      out.write(b);
      lineStart = b == '\n' && i > 0 && body[i - 1] == '\r';
    }
    if (body.length > 0 && !(body.length >= 2 && body[body.length - 2] == '\r' && body[body.length - 1] == '\n')) {
      out.write('\r');
      out.write('\n');
    }
    return out.toByteArray();
  }
}
