package dev.mailroom.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;

/**
 * One accepted connection, served on its own thread: optional implicit TLS, the greeting, then read, record, dispatch,
 * reply until either side ends it. How replies and their effects are written is {@link ReplyWriter}'s job.
 */
final class ServerConnection implements Runnable {
  private final MockMailServer server;
  private final int index;
  private final Socket raw;
  private final InetSocketAddress remote;
  private Socket socket;
  private StrictReader reader;
  private OutputStream out;
  private volatile boolean tls;
  private int sequence;

  ServerConnection(MockMailServer server, int index, Socket raw) {
    this.server = server;
    this.index = index;
    this.raw = raw;
    this.remote = (InetSocketAddress) raw.getRemoteSocketAddress();
    this.socket = raw;
  }

  @Override
  public void run() {
    Thread.currentThread().setName("MockMailServer " + server.port() + " connection " + index);
    try {
      raw.setTcpNoDelay(true);
      reader = new StrictReader(raw.getInputStream());
      out = raw.getOutputStream();
      SSLContext implicit = server.implicitTlsContext();
      if (implicit != null && !startTls(implicit, true)) return;
      MockReply reply = server.dispatcher().greeting(info());
      ReplyWriter writer = new ReplyWriter(this, server);
      while (reply != null) {
        NextRead next = writer.apply(reply);
        reply = next == null ? null : readAndDispatch(next);
      }
    } catch (StrictReader.LimitExceededException e) {
      server.recordFailure("connection " + index + ": " + e.getMessage());
    } catch (IOException e) {
      // The client went away, or the server is closing: neither is a test failure.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | AssertionError e) { // a dispatcher may assert
      if (!server.isClosing()) server.recordFailure("connection " + index + ": " + e);
    } finally {
      forceClose();
      server.connectionEnded(this);
    }
  }

  /** Reads what {@code next} says, records it and returns the dispatcher's reply, or null if the client ended. */
  private MockReply readAndDispatch(NextRead next) throws IOException, InterruptedException {
    Dispatcher dispatcher = server.dispatcher();
    MockReply reply;
    if (next instanceof NextRead.Line) {
      RecordedCommand command = readCommand();
      if (command == null || command.ending() == LineEnding.NONE) return null;
      reply = server.dispatch(dispatcher, command);
    } else if (next instanceof NextRead.DotTerminated) {
      StrictReader.RawPayload p = reader.readDotTerminated(server.maxPayloadBytes());
      RecordedPayload payload = recordPayload(RecordedPayload.Framing.DOT_TERMINATED, p);
      if (!payload.complete()) return null;
      reply = dispatcher.dispatchPayload(payload);
    } else if (next instanceof NextRead.Exactly exactly) {
      StrictReader.RawPayload p = reader.readExactly(exactly.byteCount(), server.maxPayloadBytes());
      RecordedPayload payload = recordPayload(RecordedPayload.Framing.COUNTED, p);
      if (!payload.complete()) return null;
      reply = dispatcher.dispatchPayload(payload);
    } else {
      reply = dispatcher.unprompted(info());
    }
    if (reply == null) {
      server.recordFailure("connection " + index + ": " + dispatcher.getClass().getName() + " returned null");
    }
    return reply;
  }

  /** Reads and records one line; null at end of stream. */
  RecordedCommand readCommand() throws IOException {
    StrictReader.RawLine line = reader.readLine(server.maxLineBytes());
    if (line == null) return null;
    byte[] bytes = line.bytes();
    int endingLength = switch (line.ending()) {
      case CRLF -> 2;
      case BARE_LF -> 1;
      case NONE -> 0;
    };
    String text = new String(bytes, 0, bytes.length - endingLength, StandardCharsets.UTF_8);
    RecordedCommand command = new RecordedCommand(index, sequence++, bytes, text, line.ending(), tls);
    server.record(command);
    return command;
  }

  private RecordedPayload recordPayload(RecordedPayload.Framing framing, StrictReader.RawPayload p) {
    RecordedPayload payload = new RecordedPayload(index, sequence++, framing, p.raw(), p.content(), p.complete(), tls);
    server.record(payload);
    return payload;
  }

  /** Upgrades to TLS as the server; false (connection to be closed) if it failed. */
  boolean startTls(SSLContext context, boolean implicit) throws IOException {
    if (context == null) {
      server.recordFailure("connection " + index + ": a reply says thenStartTls() but the server has no "
          + "offerStartTls(...) configuration");
      return false;
    }
    if (tls) {
      server.recordFailure("connection " + index + ": thenStartTls() on a connection that is already TLS");
      return false;
    }
    TlsUpgrade.Result result = TlsUpgrade.run(context, raw, reader.drainBuffered(), index, implicit);
    server.record(result.handshake());
    if (result.socket() == null) return false;
    socket = result.socket();
    reader = new StrictReader(socket.getInputStream());
    out = socket.getOutputStream();
    tls = true;
    return true;
  }

  /** Switches to raw DEFLATE both ways (RFC 4978); bytes already read from the client are inflated first. */
  void startCompression() throws IOException {
    java.io.InputStream rest = new java.io.SequenceInputStream(
        new java.io.ByteArrayInputStream(reader.drainBuffered()), socket.getInputStream());
    reader = new StrictReader(new java.util.zip.InflaterInputStream(rest, new java.util.zip.Inflater(true)));
    out = new java.util.zip.DeflaterOutputStream(socket.getOutputStream(),
        new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true), true);
  }

  ConnectionInfo info() {
    return new ConnectionInfo(index, remote, tls);
  }

  int index() {
    return index;
  }

  OutputStream out() {
    return out;
  }

  /** Orderly close: {@code close_notify} first on TLS, then FIN. */
  void closeGracefully() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    forceClose();
  }

  /** Closes the TCP socket under any TLS layer: FIN, no {@code close_notify}. */
  void forceClose() {
    try {
      raw.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  /** RST: SO_LINGER 0, then close. */
  void reset() {
    try {
      raw.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // Closed already; close below is then a no-op.
    }
    forceClose();
  }

  /** TCP FIN on the write side only. */
  void shutdownOutput() throws IOException {
    raw.shutdownOutput();
  }
}
