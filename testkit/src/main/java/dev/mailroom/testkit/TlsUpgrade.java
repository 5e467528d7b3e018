package dev.mailroom.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/**
 * The server side of a TLS handshake on an accepted socket. Before handing the socket to the JDK's TLS engine it reads
 * up to the first byte of a TLS handshake record ({@code 0x16}), so that anything the client sent before its
 * ClientHello is recorded rather than lost or misread as TLS.
 */
final class TlsUpgrade {
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final int HANDSHAKE_RECORD = 0x16;

  /** What happened: the TLS socket on success, and the record either way. */
  record Result(SSLSocket socket, RecordedHandshake handshake) {
  }

  private TlsUpgrade() {
  }

  /**
   * Runs the handshake.
   *
   * @param raw the accepted TCP socket
   * @param buffered bytes already read from {@code raw} but not consumed
   */
  static Result run(SSLContext context, Socket raw, byte[] buffered, int connectionIndex, boolean implicit) {
    ByteArrayOutputStream before = new ByteArrayOutputStream();
    List<String> serverNames = new CopyOnWriteArrayList<>();
    byte[] consumed;
    try {
      consumed = readUpToHandshakeRecord(raw.getInputStream(), buffered, before);
    } catch (IOException e) {
      return failed(connectionIndex, implicit, before, serverNames, "connection failed before ClientHello: " + e);
    }
    if (consumed == null) {
      return failed(connectionIndex, implicit, before, serverNames, "client closed before ClientHello");
    }
    SSLSocket ssl = null;
    try {
      ssl = (SSLSocket) context.getSocketFactory().createSocket(raw, new ByteArrayInputStream(consumed), true);
      ssl.setUseClientMode(false);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setProtocols(PROTOCOLS);
      parameters.setSNIMatchers(List.of(new RecordingSniMatcher(serverNames)));
      ssl.setSSLParameters(parameters);
      ssl.startHandshake();
      RecordedHandshake handshake = new RecordedHandshake(connectionIndex, implicit, before.toByteArray(), true,
          ssl.getSession().getProtocol(), ssl.getSession().getCipherSuite(), serverNames, "");
      return new Result(ssl, handshake);
    } catch (IOException | RuntimeException e) {
      return failed(connectionIndex, implicit, before, serverNames, e.toString());
    }
  }

  /**
   * Moves everything before the first {@code 0x16} into {@code before}; returns the rest of what was read (starting at
   * the {@code 0x16}), or null if the stream ended first.
   */
  private static byte[] readUpToHandshakeRecord(InputStream in, byte[] buffered, ByteArrayOutputStream before)
      throws IOException {
    byte[] chunk = buffered;
    byte[] readBuffer = new byte[8192];
    while (true) {
      int start = indexOf(chunk, HANDSHAKE_RECORD);
      if (start >= 0) {
        before.write(chunk, 0, start);
        return Arrays.copyOfRange(chunk, start, chunk.length);
      }
      before.writeBytes(chunk);
      int n = in.read(readBuffer);
      if (n < 0) return null;
      chunk = Arrays.copyOf(readBuffer, n);
    }
  }

  private static int indexOf(byte[] bytes, int b) {
    for (int i = 0; i < bytes.length; i++) {
      if ((bytes[i] & 0xff) == b) return i;
    }
    return -1;
  }

  private static Result failed(int connectionIndex, boolean implicit, ByteArrayOutputStream before,
      List<String> serverNames, String failure) {
    return new Result(null, new RecordedHandshake(connectionIndex, implicit, before.toByteArray(), false, "", "",
        serverNames, failure));
  }

  /** Accepts any SNI host name and records it. */
  private static final class RecordingSniMatcher extends SNIMatcher {
    private final List<String> names;

    RecordingSniMatcher(List<String> names) {
      super(StandardConstants.SNI_HOST_NAME);
      this.names = names;
    }

    @Override
    public boolean matches(SNIServerName serverName) {
      names.add(serverName instanceof SNIHostName host ? host.getAsciiName() : serverName.toString());
      return true;
    }
  }
}
