package dev.mailroom.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loopback TCP proxy that counts what crosses it: bytes each way, and client flights, the number of times the client
 * starts sending after the server has sent something (or for the first time). A request/response exchange costs one
 * flight per round trip, so the flights between two {@link #reset()}s are the round trips an operation needed.
 */
final class CountingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final AtomicLong toServer = new AtomicLong();
  private final AtomicLong toClient = new AtomicLong();
  private final AtomicLong flights = new AtomicLong();
  private final ReentrantLock direction = new ReentrantLock();
  private boolean clientSpokeLast;

  private CountingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "counting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static CountingProxy start(int targetPort) throws IOException {
    return new CountingProxy(targetPort);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Starts a new count (call when both sides are quiet). */
  void reset() {
    direction.lock();
    try {
      toServer.set(0);
      toClient.set(0);
      flights.set(0);
      clientSpokeLast = false;
    } finally {
      direction.unlock();
    }
  }

  long bytesToServer() {
    return toServer.get();
  }

  long bytesToClient() {
    return toClient.get();
  }

  long clientFlights() {
    return flights.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        pipe(client.getInputStream(), server.getOutputStream(), true, client, server);
        pipe(server.getInputStream(), client.getOutputStream(), false, client, server);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pipe(InputStream in, OutputStream out, boolean fromClient, Socket a, Socket b) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          direction.lock();
          try {
            if (fromClient) {
              if (!clientSpokeLast) {
                flights.incrementAndGet();
              }
              clientSpokeLast = true;
              toServer.addAndGet(n);
            } else {
              clientSpokeLast = false;
              toClient.addAndGet(n);
            }
          } finally {
            direction.unlock();
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // one side closed
      } finally {
        try {
          a.close();
          b.close();
        } catch (IOException ignored) {
          // closing
        }
      }
    }, "counting-proxy-" + (fromClient ? "c2s" : "s2c"));
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
