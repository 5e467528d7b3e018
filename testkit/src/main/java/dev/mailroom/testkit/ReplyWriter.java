package dev.mailroom.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** Applies one {@link MockReply} to a connection: delay, start effect, bytes, end effect, TLS upgrade. */
final class ReplyWriter {
  private static final int FILLER_CHUNK = 8192;

  private final ServerConnection connection;
  private final MockMailServer server;

  ReplyWriter(ServerConnection connection, MockMailServer server) {
    this.connection = connection;
    this.server = server;
  }

  /** Applies the reply; returns what to read next, or null if the connection has ended. */
  NextRead apply(MockReply reply) throws IOException, InterruptedException {
    if (!reply.delay().isZero() && server.awaitClosing(reply.delay())) return null;
    byte[] bytes = reply.bytesUnsafe();
    SocketEffect start = reply.replyStartEffect().orElse(null);
    SocketEffect end = reply.replyEndEffect().orElse(null);

    if (start != null && !applyStart(start, bytes)) return null;
    byte[] written = bytes;
    if (end instanceof SocketEffect.InjectAfterGoAhead inject && inject.pause().isZero()) {
      written = Bytes.concat(bytes, inject.bytes()); // one write, one segment (SECURITY.md T05)
    }
    if (start instanceof SocketEffect.Throttle throttle) {
      if (!writeThrottled(written, throttle)) return null;
    } else {
      write(written);
    }
    if (end != null && !applyEnd(end)) return null;
    if (reply.startsTls() && !connection.startTls(server.startTlsContext(), false)) return null;
    if (reply.startsCompression()) connection.startCompression();
    return reply.nextRead();
  }

  /** The start effect; false if the connection has ended. */
  private boolean applyStart(SocketEffect effect, byte[] bytes) throws IOException {
    if (effect instanceof SocketEffect.CloseMidReply cut) {
      write(Arrays.copyOf(bytes, Math.min(cut.afterBytes(), bytes.length)));
      connection.forceClose();
      return false;
    }
    if (effect instanceof SocketEffect.ResetMidReply cut) {
      write(Arrays.copyOf(bytes, Math.min(cut.afterBytes(), bytes.length)));
      connection.reset();
      return false;
    }
    if (effect instanceof SocketEffect.Throttle) return true;
    return applyAnywhere(effect);
  }

  /** The end effect; false if the connection has ended. */
  private boolean applyEnd(SocketEffect effect) throws IOException {
    if (effect instanceof SocketEffect.InjectAfterGoAhead inject) {
      if (!inject.pause().isZero()) {
        if (server.awaitClosing(inject.pause())) return false;
        write(inject.bytes()); // a second segment (SECURITY.md T06)
      }
      return true;
    }
    return applyAnywhere(effect);
  }

  /** Effects that mean the same at reply start and reply end. */
  private boolean applyAnywhere(SocketEffect effect) throws IOException {
    if (effect instanceof SocketEffect.Close) {
      connection.closeGracefully();
      return false;
    } else if (effect instanceof SocketEffect.Reset) {
      connection.reset();
      return false;
    } else if (effect instanceof SocketEffect.Stall) {
      server.awaitClosing(null);
      return false;
    } else if (effect instanceof SocketEffect.HalfClose) {
      connection.shutdownOutput();
      // Keep recording what the client sends until it closes; nothing more is written.
      while (true) {
        RecordedCommand command = connection.readCommand();
        if (command == null || command.ending() == LineEnding.NONE) return false;
      }
    } else if (effect instanceof SocketEffect.OversizedLine oversized) {
      writeFiller(oversized.bytes());
      return true;
    } else if (effect instanceof SocketEffect.Garbage garbage) {
      write(garbage.bytes());
      return true;
    }
    throw new IllegalArgumentException("effect not allowed here: " + effect);
  }

  private boolean writeThrottled(byte[] bytes, SocketEffect.Throttle throttle) throws IOException {
    for (int offset = 0; offset < bytes.length; offset += throttle.bytes()) {
      if (offset > 0 && server.awaitClosing(throttle.every())) return false;
      int n = Math.min(throttle.bytes(), bytes.length - offset);
      OutputStream out = connection.out();
      out.write(bytes, offset, n);
      out.flush();
    }
    return true;
  }

  private void writeFiller(int count) throws IOException {
    byte[] chunk = new byte[Math.min(count, FILLER_CHUNK)];
    Arrays.fill(chunk, (byte) 'x');
    for (int remaining = count; remaining > 0; remaining -= chunk.length) {
      connection.out().write(chunk, 0, Math.min(chunk.length, remaining));
    }
    connection.out().flush();
  }

  private void write(byte[] bytes) throws IOException {
    if (bytes.length == 0) return;
    OutputStream out = connection.out();
    out.write(bytes);
    out.flush();
  }
}
