package dev.mailroom.client.internal.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;

/**
 * The plain socket as the TLS layer sees it. Its input checks that the first byte the server sends once TLS starts
 * opens a TLS record (handshake 0x16 or alert 0x15). Anything else is cleartext the server (or a man in the middle)
 * slipped in after the STARTTLS go-ahead, and the upgrade fails with {@link PlaintextAfterGoAhead} instead of an
 * opaque handshake error (SECURITY.md T06).
 */
final class HandshakeGuardSocket extends Socket {
  /** Thrown through the TLS layer when cleartext follows the go-ahead. */
  static final class PlaintextAfterGoAhead extends IOException {
    private static final long serialVersionUID = 1L;

    PlaintextAfterGoAhead(int firstByte) {
      super(String.format("the server sent cleartext (first byte 0x%02X) where the TLS handshake should start",
          firstByte));
    }
  }

  private final Socket delegate;
  private final InputStream guardedInput;

  HandshakeGuardSocket(Socket delegate) throws IOException {
    super((SocketImpl) null);
    this.delegate = delegate;
    this.guardedInput = new FirstByteGuard(delegate.getInputStream());
  }

  private static final class FirstByteGuard extends FilterInputStream {
    private boolean checked;

    FirstByteGuard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        check(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        check(b[off] & 0xff);
      }
      return n;
    }

    private void check(int first) throws IOException {
      if (!checked) {
        checked = true;
        if (first != 0x16 && first != 0x15) {
          throw new PlaintextAfterGoAhead(first);
        }
      }
    }
  }

  @Override
  public InputStream getInputStream() {
    return guardedInput;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return delegate.getOutputStream();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public boolean isBound() {
    return delegate.isBound();
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return delegate.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return delegate.isOutputShutdown();
  }

  @Override
  public void shutdownInput() throws IOException {
    delegate.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    delegate.shutdownOutput();
  }

  @Override
  public InetAddress getInetAddress() {
    return delegate.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public int getPort() {
    return delegate.getPort();
  }

  @Override
  public int getLocalPort() {
    return delegate.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return delegate.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return delegate.getLocalSocketAddress();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    delegate.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return delegate.getSoTimeout();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    delegate.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return delegate.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    delegate.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return delegate.getSoLinger();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    delegate.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return delegate.getKeepAlive();
  }

  @Override
  public String toString() {
    return "HandshakeGuardSocket[" + delegate + "]";
  }
}
