package dev.mailroom.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A deliberately plain JDK client for testing the fake server: no Mailroom code. */
final class TestClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private Socket socket;
  private InputStream in;
  private OutputStream out;

  private TestClient(Socket socket) throws IOException {
    use(socket);
  }

  static TestClient connect(MockMailServer server) throws IOException {
    // Untimed (blocking) connect on loopback: a timed connect polls for completion and can report a reset the
    // server sent right after accepting as a connect failure.
    Socket socket = new Socket(server.host(), server.port());
    socket.setSoTimeout((int) TIMEOUT.toMillis());
    socket.setTcpNoDelay(true);
    return new TestClient(socket);
  }

  /** Connects with implicit TLS, verifying the host name {@code localhost}. */
  static TestClient connectTls(MockMailServer server, SSLContext context) throws IOException {
    TestClient client = connect(server);
    client.startTls(context, "localhost");
    return client;
  }

  /** Layers TLS over the connection, client side, with HTTPS-style host name verification, and handshakes. */
  void startTls(SSLContext context, String hostName) throws IOException {
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, hostName, socket.getPort(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.setSoTimeout((int) TIMEOUT.toMillis());
    tls.startHandshake();
    use(tls);
  }

  private void use(Socket s) throws IOException {
    socket = s;
    in = s.getInputStream();
    out = s.getOutputStream();
  }

  Socket socket() {
    return socket;
  }

  InputStream in() {
    return in;
  }

  void setTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
  }

  void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads through the next LF; returns the line without CRLF (or LF). Fails on end of stream. */
  String readLine() throws IOException {
    String raw = readRawLine();
    if (raw.endsWith("\r\n")) return raw.substring(0, raw.length() - 2);
    return raw.substring(0, raw.length() - 1);
  }

  /** Reads through the next LF, returning every byte as text. */
  String readRawLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) throw new IOException("end of stream after " + line);
      line.write(b);
      if (b == '\n') return line.toString(StandardCharsets.UTF_8);
    }
  }

  byte[] readExactly(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length != n) throw new IOException("end of stream after " + bytes.length + " of " + n + " bytes");
    return bytes;
  }

  /** Reads until end of stream. */
  byte[] readToEnd() throws IOException {
    return in.readAllBytes();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
