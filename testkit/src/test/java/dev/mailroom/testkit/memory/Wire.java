package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A plain-JDK scripted client for the in-memory server's transcript tests: no Mailroom client code. */
final class Wire implements AutoCloseable {
  private static final Pattern LITERAL = Pattern.compile("\\{([0-9]+)\\}$");
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  private Wire(Socket socket) throws IOException {
    socket.setSoTimeout(5000);
    use(socket);
  }

  static Wire connect(int port) throws IOException {
    return new Wire(new Socket("127.0.0.1", port));
  }

  static Wire connectTls(int port, SSLContext context) throws IOException {
    Wire wire = connect(port);
    wire.startTls(context);
    return wire;
  }

  void startTls(SSLContext context) throws IOException {
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    use(tls);
  }

  private void use(Socket s) throws IOException {
    socket = s;
    in = s.getInputStream();
    out = s.getOutputStream();
  }

  /** Sends text followed by CRLF. */
  Wire send(String line) throws IOException {
    return raw(line + "\r\n");
  }

  Wire raw(String text) throws IOException {
    return raw(text.getBytes(StandardCharsets.UTF_8));
  }

  Wire raw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one line without its CRLF; fails at end of stream. */
  String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("end of stream after '" + line + "'");
      }
      if (b == '\n') {
        String s = line.toString(StandardCharsets.UTF_8);
        assertTrue(s.endsWith("\r"), "server line without CRLF: " + s);
        return s.substring(0, s.length() - 1);
      }
      line.write(b);
    }
  }

  /** Reads a line and checks its start. */
  String expect(String prefix) throws IOException {
    String line = line();
    assertTrue(line.startsWith(prefix), "expected '" + prefix + "…' but got '" + line + "'");
    return line;
  }

  /** Reads one SMTP reply (all lines of a multi-line reply). */
  List<String> reply() throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String l = line();
      lines.add(l);
      if (l.length() < 4 || l.charAt(3) != '-') {
        return lines;
      }
    }
  }

  /** Sends an SMTP command and returns the last line of its reply. */
  String smtp(String command) throws IOException {
    send(command);
    List<String> r = reply();
    return r.get(r.size() - 1);
  }

  /** Reads a POP3 multi-line body after its status line, un-stuffed, lines joined with CRLF. */
  String dotted() throws IOException {
    StringBuilder s = new StringBuilder();
    while (true) {
      String l = line();
      if (l.equals(".")) {
        return s.toString();
      }
      s.append(l.startsWith(".") ? l.substring(1) : l).append("\r\n");
    }
  }

  /** Sends an IMAP command and reads through its tagged completion; literals are inlined in their line. */
  List<String> imap(String tag, String command) throws IOException {
    send(tag + " " + command);
    return untilTagged(tag);
  }

  List<String> untilTagged(String tag) throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String l = imapLine();
      lines.add(l);
      if (l.startsWith(tag + " ")) {
        return lines;
      }
    }
  }

  /** One IMAP response line with any literals read and inlined. */
  String imapLine() throws IOException {
    StringBuilder s = new StringBuilder(line());
    Matcher m = LITERAL.matcher(s);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      s.append("\r\n").append(new String(in.readNBytes(n), StandardCharsets.UTF_8));
      String rest = line();
      s.append(rest);
      m = LITERAL.matcher(rest);
    }
    return s.toString();
  }

  /** Reads until the server closes, returning what came. */
  String rest() throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
