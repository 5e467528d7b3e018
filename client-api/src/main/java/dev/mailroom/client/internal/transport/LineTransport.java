package dev.mailroom.client.internal.transport;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Limits;
import dev.mailroom.client.MailEventListener;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Security;
import dev.mailroom.client.trace.ProtocolTrace;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import okio.AsyncTimeout;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/**
 * One connection to a mail server: the socket, TLS (implicit or by STARTTLS), deadlines, bounded reads and the
 * trace. It knows nothing of SMTP, POP3 or IMAP grammar; protocol sessions drive it.
 *
 * <p>Not thread-safe for reads or writes: a session has one reader and serialises its writes. {@link #close()} may
 * be called from any thread and unblocks a blocked read or write.
 *
 * <pre>{@code
 * try (LineTransport t = LineTransport.connect(TransportOptions.of(Endpoint.startTls("localhost", 10143)))) {
 *   t.deadline(t.options().timeouts().greeting());
 *   byte[] greeting = t.readLine();
 *   t.writeLine("a STARTTLS", Sensitivity.PUBLIC);
 *   t.flush();
 *   byte[] goAhead = t.readLine();     // "a OK Begin TLS negotiation now"
 *   t.startTls();                      // fails if anything followed the go-ahead
 * }
 * }</pre>
 */
public final class LineTransport implements ProtocolInput, ProtocolOutput, Closeable {
  private final TransportOptions options;
  private final Socket plainSocket;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Socket socket; // read by the watchdog thread
  private SSLSession tlsSession;
  private BufferedSource source;
  private BufferedSink sink;
  private volatile BufferedProtocolInput input;
  private volatile BufferedProtocolOutput output;
  private volatile boolean compressed;
  /** What made the reading side close the connection (a line over the limit, a truncated literal, ...). */
  private volatile MailException brokenBy;
  private long deadlineNanos; // 0 = none

  private LineTransport(TransportOptions options, Socket plainSocket) {
    this.options = options;
    this.plainSocket = plainSocket;
  }

  /**
   * Connects to {@code options.endpoint()}, and for {@link Security#IMPLICIT_TLS} completes the TLS handshake. The
   * greeting is left for the protocol to read.
   */
  public static LineTransport connect(TransportOptions options) throws MailException {
    Endpoint endpoint = options.endpoint();
    MailEventListener listener = options.listener();
    safely(() -> listener.connectStart(endpoint));
    Socket plain;
    try {
      plain = connectSocket(endpoint, options.timeouts().connect());
    } catch (MailException e) {
      safely(() -> listener.connectFailed(endpoint, e));
      throw e;
    }
    safely(() -> listener.connectEnd(endpoint, (InetSocketAddress) plain.getRemoteSocketAddress()));
    options.trace().event("connected to " + endpoint.host() + ":" + endpoint.port() + " ("
        + plain.getInetAddress().getHostAddress() + ")");
    LineTransport transport = new LineTransport(options, plain);
    if (endpoint.security() == Security.IMPLICIT_TLS) {
      transport.handshake();
    } else {
      transport.attach(plain);
    }
    return transport;
  }

  private static Socket connectSocket(Endpoint endpoint, Duration timeout) throws MailException {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(endpoint.host());
    } catch (UnknownHostException e) {
      throw new MailException("unknown host " + endpoint.host(), e);
    }
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.connect(new InetSocketAddress(address, endpoint.port()), (int) Math.min(Integer.MAX_VALUE,
            Math.max(1, timeout.toMillis())));
        return s;
      } catch (IOException e) {
        TlsHandshake.closeQuietly(s);
        last = e;
      }
    }
    if (last instanceof SocketTimeoutException) {
      throw new MailTimeoutException("connecting to " + endpoint + " took longer than " + timeout, last);
    }
    throw new MailException("cannot connect to " + endpoint + ": " + (last == null ? "no address" : last.getMessage()),
        last);
  }

  private void attach(Socket s) throws MailException {
    try {
      this.socket = s;
      this.source = Okio.buffer(new Watchdog().source(Okio.source(s.getInputStream())));
      this.sink = Okio.buffer(new Watchdog().sink(Okio.sink(s.getOutputStream())));
      source.timeout().timeout(options.timeouts().readIdle().toNanos(), TimeUnit.NANOSECONDS);
      sink.timeout().timeout(options.timeouts().write().toNanos(), TimeUnit.NANOSECONDS);
      if (deadlineNanos != 0) {
        source.timeout().deadlineNanoTime(deadlineNanos);
      }
      this.input = new BufferedProtocolInput(source, options.limits(), options.trace(), this::broken);
      this.output = new BufferedProtocolOutput(sink, options.trace(), this::closeQuietly);
    } catch (IOException e) {
      closeQuietly();
      throw IoFailures.translate(e, "setting up the connection");
    }
  }

  private void handshake() throws MailException {
    Endpoint endpoint = options.endpoint();
    safely(() -> options.listener().secureConnectStart(endpoint));
    SSLSocket ssl;
    try {
      ssl = TlsHandshake.handshake(plainSocket, endpoint, options.tls(), options.timeouts().handshake());
    } catch (MailException e) {
      closeQuietly();
      throw e;
    }
    this.tlsSession = ssl.getSession();
    String protocol = tlsSession.getProtocol();
    String suite = tlsSession.getCipherSuite();
    options.trace().event("TLS established: " + protocol + " " + suite);
    safely(() -> options.listener().secureConnectEnd(endpoint, protocol, suite));
    attach(ssl);
  }

  /**
   * Upgrades this connection to TLS after the server's go-ahead to STARTTLS/STLS has been read. Fails with a
   * {@link MailProtocolException} and closes the connection if any byte followed the go-ahead, whether it is already
   * buffered (SECURITY.md T05) or arrives before the handshake (T06). Nothing is written between the command and the
   * handshake (T12).
   */
  public void startTls() throws MailException {
    if (isTlsActive()) {
      throw new IllegalStateException("TLS is already active");
    }
    long buffered = input.bufferedByteCount();
    int pending = 0;
    try {
      pending = plainSocket.getInputStream().available();
    } catch (IOException e) {
      closeQuietly();
      throw IoFailures.translate(e, "starting TLS");
    }
    if (buffered > 0 || pending > 0) {
      closeQuietly();
      throw new MailProtocolException("the server sent " + (buffered + pending)
          + " more bytes after the STARTTLS go-ahead (response injection, SECURITY.md T05)");
    }
    handshake();
  }

  /**
   * Switches both directions to raw DEFLATE (RFC 1951, as IMAP COMPRESS=DEFLATE wants: RFC 4978 §3) right after
   * the server's OK was read, on the reading thread and with nothing being written. Bytes the server sent after the
   * OK that are already buffered are inflated first. Every limit applies to the inflated bytes (line length, literal
   * sizes), so a small compressed stream cannot become an unbounded buffer (SECURITY.md I28); the new readers and
   * writers start with empty buffers. Each flush is a DEFLATE sync flush.
   */
  public void startCompression() throws MailException {
    if (compressed) {
      throw new IllegalStateException("compression is already active");
    }
    BufferedSource inflated = Okio.buffer(new okio.InflaterSource(source, new java.util.zip.Inflater(true)));
    BufferedSink deflated = Okio.buffer(new okio.DeflaterSink(sink,
        new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true)));
    this.input = new BufferedProtocolInput(inflated, options.limits(), options.trace(), this::broken);
    this.output = new BufferedProtocolOutput(deflated, options.trace(), this::closeQuietly);
    this.compressed = true;
    options.trace().event("DEFLATE compression started");
  }

  /** Whether {@link #startCompression()} switched the connection to DEFLATE. */
  public boolean isCompressed() {
    return compressed;
  }

  /** Whether TLS protects the connection now. */
  public boolean isTlsActive() {
    return tlsSession != null;
  }

  /** The TLS session, or null before TLS. */
  public SSLSession tlsSession() {
    return tlsSession;
  }

  /** The address actually connected to. */
  public InetAddress remoteAddress() {
    return plainSocket.getInetAddress();
  }

  /** Throws unless credentials may cross this connection now (SECURITY.md T13). */
  public void checkCredentialsAllowed() throws MailSecurityException {
    CleartextPolicy.checkCredentialsAllowed(options.endpoint(), remoteAddress(), isTlsActive());
  }

  public TransportOptions options() {
    return options;
  }

  public ProtocolTrace trace() {
    return options.trace();
  }

  /**
   * Every read from now on must finish within {@code duration}, however the server paces its bytes; when it passes,
   * the connection is closed and the read fails with {@link MailTimeoutException}.
   */
  public void deadline(Duration duration) {
    deadlineNanos = System.nanoTime() + duration.toNanos();
    if (deadlineNanos == 0) {
      deadlineNanos = 1;
    }
    source.timeout().deadlineNanoTime(deadlineNanos);
  }

  /** Starts the per-command deadline ({@link dev.mailroom.client.Timeouts#command()}). */
  public void commandDeadline() {
    deadline(options.timeouts().command());
  }

  /** Removes the deadline (the read idle timeout still applies). */
  public void clearDeadline() {
    deadlineNanos = 0;
    source.timeout().clearDeadline();
  }

  /** Whether the connection has not been closed (by the caller, a deadline or a protocol error). */
  public boolean isOpen() {
    return !closed.get() && !socket.isClosed();
  }

  // ProtocolInput

  @Override
  public byte[] readLine() throws MailException {
    return input.readLine();
  }

  @Override
  public byte[] readLine(int maxBytes) throws MailException {
    return input.readLine(maxBytes);
  }

  @Override
  public byte[] readExactly(int byteCount) throws MailException {
    return input.readExactly(byteCount);
  }

  @Override
  public InputStream readCounted(long byteCount) throws MailException {
    return input.readCounted(byteCount);
  }

  @Override
  public InputStream readDotTerminated(long maxBytes) throws MailException {
    return input.readDotTerminated(maxBytes);
  }

  @Override
  public int peekByte() throws MailException {
    return input.peekByte();
  }

  @Override
  public long bufferedByteCount() {
    return input.bufferedByteCount();
  }

  @Override
  public Limits limits() {
    return options.limits();
  }

  // ProtocolOutput

  @Override
  public void writeLine(byte[] line, Sensitivity sensitivity) throws MailException {
    try {
      output.writeLine(line, sensitivity);
    } catch (MailException e) {
      throw cause(e);
    }
  }

  @Override
  public OutputStream payloadStream(boolean flushOnClose) {
    return output.payloadStream(flushOnClose);
  }

  @Override
  public OutputStream dotStuffingStream(boolean flushOnClose) {
    return output.dotStuffingStream(flushOnClose);
  }

  @Override
  public void flush() throws MailException {
    try {
      output.flush();
    } catch (MailException e) {
      throw cause(e);
    }
  }

  /** The read side found the connection broken: recorded before the socket closes, then closed. */
  private void broken(MailException cause) {
    if (brokenBy == null) {
      brokenBy = cause;
    }
    closeQuietly();
  }

  /**
   * A write that failed because the reading side had closed the connection reports why it was closed, not
   * "socket closed" (a writer racing a reader that hit a limit sees only the symptom).
   */
  private MailException cause(MailException writeFailure) {
    MailException b = brokenBy;
    return b != null ? b : writeFailure;
  }

  /** Closes the socket; idempotent, callable from any thread, unblocks a blocked read or write. */
  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (closed.compareAndSet(false, true)) {
      Socket s = socket != null ? socket : plainSocket;
      TlsHandshake.closeQuietly(s);
      TlsHandshake.closeQuietly(plainSocket);
      options.trace().event("connection closed");
      safely(() -> options.listener().connectionClosed(options.endpoint()));
    }
  }

  /**
   * Enforces read and write timeouts and deadlines. When one passes, the TCP socket is closed first: closing only a
   * layered TLS socket does not reliably unblock a thread reading from it (it may wait to exchange close_notify with a
   * server that no longer answers), while closing the socket underneath always does.
   */
  private final class Watchdog extends AsyncTimeout {
    @Override
    protected IOException newTimeoutException(IOException cause) {
      SocketTimeoutException e = new SocketTimeoutException("timeout");
      if (cause != null) {
        e.initCause(cause);
      }
      return e;
    }

    @Override
    protected void timedOut() {
      if (closed.compareAndSet(false, true)) {
        TlsHandshake.closeQuietly(plainSocket);
        if (socket != null && socket != plainSocket) {
          TlsHandshake.closeQuietly(socket);
        }
        options.trace().event("connection closed (timeout)");
        safely(() -> options.listener().connectionClosed(options.endpoint()));
      }
    }
  }

  private static void safely(Runnable listenerCall) {
    try {
      listenerCall.run();
    } catch (RuntimeException ignored) {
      // listeners must not throw; if one does, the connection carries on
    }
  }
}
