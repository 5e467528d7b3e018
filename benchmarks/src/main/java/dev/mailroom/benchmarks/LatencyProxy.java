package dev.mailroom.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP proxy that delays each direction by a fixed amount: every chunk read from one side is delivered to
 * the other side {@code delay} later, in order. A round trip through it therefore takes at least {@code 2 × delay}
 * more than a direct one, which is how the SMTP benchmark simulates a distant server on loopback.
 *
 * <p>Listens on 127.0.0.1, port 0 (see {@link #port()}), forwards to one fixed 127.0.0.1 target. Each connection has
 * two pipes, each a reader thread and a writer thread joined by a bounded queue ({@value #QUEUE_CHUNKS} chunks of at
 * most {@value #CHUNK_BYTES} bytes), so a slow side pushes back on the other through TCP instead of filling memory.
 * Delivery times are stamped at read time and the queue is FIFO, so order is preserved. {@link #close()} stops the
 * listener and every open connection.
 */
final class LatencyProxy implements AutoCloseable {
  static final int CHUNK_BYTES = 16 * 1024;
  static final int QUEUE_CHUNKS = 64;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final long delayNanos;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread acceptor;

  private LatencyProxy(InetSocketAddress target, Duration delay) throws IOException {
    if (!target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("loopback targets only: " + target);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay " + delay);
    }
    this.target = target;
    this.delayNanos = delay.toNanos();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "latency-proxy-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a proxy on 127.0.0.1 (ephemeral port) to {@code 127.0.0.1:targetPort}, delaying each direction. */
  static LatencyProxy start(int targetPort, Duration delayEachWay) throws IOException {
    return new LatencyProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), delayEachWay);
  }

  int port() {
    return listener.getLocalPort();
  }

  Duration delay() {
    return Duration.ofNanos(delayNanos);
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        Socket upstream = new Socket();
        upstream.connect(target, 5_000);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        Connection connection = new Connection(ids.incrementAndGet(), client, upstream);
        connections.add(connection);
        if (closed.get()) {
          connection.close();
        } else {
          connection.start();
        }
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(listener);
    for (Connection connection : connections) {
      connection.close();
    }
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing on the way out; nothing to report
    }
  }

  /** One chunk in flight; {@code data == null} marks end of stream. */
  private record Chunk(byte[] data, long deliverAtNanos) { }

  /** A proxied connection: two delayed pipes. */
  private final class Connection {
    private final Socket client;
    private final Socket upstream;
    private final Thread[] threads;
    private final AtomicInteger openDirections = new AtomicInteger(2);
    private final AtomicBoolean connectionClosed = new AtomicBoolean();

    Connection(int id, Socket client, Socket upstream) throws IOException {
      this.client = client;
      this.upstream = upstream;
      BlockingQueue<Chunk> toServer = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
      BlockingQueue<Chunk> toClient = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
      InputStream fromClient = client.getInputStream();
      InputStream fromServer = upstream.getInputStream();
      OutputStream clientOut = client.getOutputStream();
      OutputStream serverOut = upstream.getOutputStream();
      String name = "latency-proxy-" + port() + "-" + id;
      threads = new Thread[] {
          new Thread(() -> read(fromClient, toServer), name + "-c2s-read"),
          new Thread(() -> write(toServer, serverOut, upstream), name + "-c2s-write"),
          new Thread(() -> read(fromServer, toClient), name + "-s2c-read"),
          new Thread(() -> write(toClient, clientOut, client), name + "-s2c-write"),
      };
      for (Thread t : threads) {
        t.setDaemon(true);
      }
    }

    void start() {
      for (Thread t : threads) {
        t.start();
      }
    }

    private void read(InputStream in, BlockingQueue<Chunk> queue) {
      byte[] buffer = new byte[CHUNK_BYTES];
      try {
        int n;
        while ((n = in.read(buffer)) != -1) {
          queue.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
        }
        queue.put(new Chunk(null, System.nanoTime() + delayNanos));
      } catch (IOException | InterruptedException e) {
        close();
      }
    }

    private void write(BlockingQueue<Chunk> queue, OutputStream out, Socket destination) {
      try {
        while (true) {
          Chunk chunk = queue.take();
          long wait;
          while ((wait = chunk.deliverAtNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
              throw new InterruptedException();
            }
          }
          if (chunk.data == null) {
            destination.shutdownOutput();
            if (openDirections.decrementAndGet() == 0) {
              close();
            }
            return;
          }
          out.write(chunk.data);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        close();
      }
    }

    void close() {
      if (!connectionClosed.compareAndSet(false, true)) {
        return;
      }
      closeQuietly(client);
      closeQuietly(upstream);
      for (Thread t : threads) {
        if (t != Thread.currentThread()) {
          t.interrupt();
        }
      }
      connections.remove(this);
    }
  }

  /**
   * Sanity check: opens an SMTP connection through the proxy, reads the greeting, and times one {@code NOOP} round
   * trip; throws unless it took at least {@code 2 × delay}. Returns the measured round trip.
   */
  Duration checkSmtpRoundTrip() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 5_000);
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      String greeting = readReply(in);
      if (!greeting.startsWith("220")) {
        throw new IOException("unexpected greeting through proxy: " + greeting);
      }
      long start = System.nanoTime();
      out.write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = readReply(in);
      long elapsed = System.nanoTime() - start;
      if (!reply.startsWith("250")) {
        throw new IOException("unexpected NOOP reply through proxy: " + reply);
      }
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      readReply(in);
      if (elapsed < 2 * delayNanos) {
        throw new IllegalStateException("round trip through the proxy took " + elapsed / 1e6 + " ms, less than 2 × "
            + delayNanos / 1e6 + " ms");
      }
      return Duration.ofNanos(elapsed);
    }
  }

  /** Reads one (possibly multi-line) SMTP reply and returns its last line. */
  private static String readReply(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("connection closed mid-reply: " + line);
      }
      if (b == '\n') {
        String l = line.toString().strip();
        if (l.length() < 4 || l.charAt(3) != '-') {
          return l;
        }
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }
  }

  /** Self-check from the command line: {@code LatencyProxy [targetPort=10025] [delayMs=2]}. */
  public static void main(String[] args) throws Exception {
    int targetPort = args.length > 0 ? Integer.parseInt(args[0]) : 10025;
    long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 2;
    try (LatencyProxy proxy = start(targetPort, Duration.ofMillis(delayMs))) {
      for (int i = 0; i < 5; i++) {
        System.out.printf("NOOP round trip via 127.0.0.1:%d (delay %d ms each way): %.3f ms%n", proxy.port(), delayMs,
            proxy.checkSmtpRoundTrip().toNanos() / 1e6);
      }
    }
  }
}
