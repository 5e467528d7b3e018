package dev.mailroom.testkit.memory;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The server side of one connection: a bounded, strict-CRLF line reader over its own buffer, a buffered writer that
 * is flushed whenever the reader would block (so pipelined commands get their replies in one batch, as Postfix and
 * Dovecot do), and the STARTTLS upgrade. Writes take a lock because IDLE pushes come from other threads.
 */
final class LineChannel implements Closeable {
  /** A line longer than the limit: the session answers and closes. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int limit) {
      super("line longer than " + limit + " bytes");
    }
  }

  /** A line ending in LF without CR, or with a CR not followed by LF. */
  static final class BareLineEndingException extends IOException {
    private static final long serialVersionUID = 1L;

    BareLineEndingException() {
      super("bare CR or LF in a command line");
    }
  }

  private final ReentrantLock writeLock = new ReentrantLock();
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private boolean tls;

  LineChannel(Socket socket) throws IOException {
    attach(socket);
  }

  private void attach(Socket s) throws IOException {
    this.socket = s;
    this.in = s.getInputStream();
    this.out = new java.io.BufferedOutputStream(s.getOutputStream(), 16 * 1024);
  }

  /** Wraps the accepted socket in server-side TLS and runs the handshake (implicit TLS or after STARTTLS). */
  void startTls(SSLContext context) throws IOException {
    flush();
    SSLSocket ssl = (SSLSocket) context.getSocketFactory()
        .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    ssl.setUseClientMode(false);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    attach(ssl);
    position = 0;
    limit = 0;
    tls = true;
  }

  boolean isTls() {
    return tls;
  }

  Socket socket() {
    return socket;
  }

  /** Bytes received but not yet consumed: after STARTTLS these were sent in the clear and are discarded. */
  int buffered() {
    return limit - position;
  }

  /** Drops buffered input (the STARTTLS command-injection defence, CVE-2011-0411). */
  void discardBuffered() {
    position = limit;
  }

  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    flush();
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /**
   * Reads one line and strips its CRLF.
   *
   * @return the line, or null at end of stream before any byte of a line
   */
  byte[] readLine(int maxBytes, boolean strict) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    boolean sawCr = false;
    while (true) {
      if (!fill()) {
        if (line.size() == 0 && !sawCr) {
          return null;
        }
        throw new EOFException("connection closed mid-line");
      }
      int b = buffer[position++] & 0xff;
      if (b == '\n') {
        if (!sawCr && strict) {
          throw new BareLineEndingException();
        }
        return line.toByteArray();
      }
      if (sawCr) {
        if (strict) {
          throw new BareLineEndingException();
        }
        line.write('\r');
      }
      sawCr = b == '\r';
      if (!sawCr) {
        line.write(b);
      }
      if (line.size() > maxBytes) {
        throw new LineTooLongException(maxBytes);
      }
    }
  }

  /** Reads a command line as UTF-8 text (8-bit is legal with SMTPUTF8 and in IMAP quoted strings). */
  String readTextLine(int maxBytes) throws IOException {
    byte[] line = readLine(maxBytes, true);
    return line == null ? null : new String(line, StandardCharsets.UTF_8);
  }

  /**
   * Reads one line of message content with its line ending kept (CRLF, a bare LF, or none at end of stream), for
   * DATA, where bare line endings must be seen rather than normalised.
   *
   * @return the raw line, or null at end of stream
   */
  byte[] readRawLine(int maxBytes) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      if (!fill()) {
        if (line.size() == 0) {
          return null;
        }
        throw new EOFException("connection closed mid-line");
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      boolean complete = position < limit;
      if (complete) {
        position++;
      }
      line.write(buffer, start, position - start);
      if (line.size() > maxBytes) {
        throw new LineTooLongException(maxBytes);
      }
      if (complete) {
        return line.toByteArray();
      }
    }
  }

  /** Reads exactly {@code n} bytes into {@code sink}, or throws at end of stream. */
  void readExactly(long n, OutputStream sink) throws IOException {
    long remaining = n;
    while (remaining > 0) {
      if (!fill()) {
        throw new EOFException("connection closed with " + remaining + " bytes of " + n + " unread");
      }
      int chunk = (int) Math.min(remaining, limit - position);
      sink.write(buffer, position, chunk);
      position += chunk;
      remaining -= chunk;
    }
  }

  byte[] readExactly(int n) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream(n);
    readExactly(n, sink);
    return sink.toByteArray();
  }

  /** Writes one CRLF-terminated line; the text must not contain CR or LF. */
  void writeLine(String line) throws IOException {
    if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("CR or LF in a reply line");
    }
    byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
    write(bytes, 0, bytes.length);
  }

  void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  void write(byte[] bytes, int offset, int length) throws IOException {
    writeLock.lock();
    try {
      out.write(bytes, offset, length);
    } finally {
      writeLock.unlock();
    }
  }

  void flush() throws IOException {
    writeLock.lock();
    try {
      out.flush();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
