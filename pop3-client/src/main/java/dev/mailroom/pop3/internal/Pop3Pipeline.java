package dev.mailroom.pop3.internal;

import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.pop3.Pop3Reply;
import java.io.IOException;
import java.util.List;

/**
 * Sends a batch of commands with at most {@code window} of them in flight (RFC 2449 §6.8 PIPELINING; a window of 1
 * is plain one-by-one) and hands each reply, in order, to a {@link ReplyHandler}. The window is refilled whenever
 * half of it has been answered, so a long batch costs about one round trip per half window instead of one per
 * command. Replies are consumed strictly in order; a multi-line body is read by the handler before the next status
 * line is looked at, so the stream never drifts.
 *
 * <p>If the handler throws, no further command is sent; the replies still in flight are read (bodies skipped) so the
 * session stays in step, and the first failure is rethrown. If the connection is lost, the failure is rethrown at
 * once.
 */
public final class Pop3Pipeline {
  /** Handles the reply to the command at {@code index}; reads its body when the command has one and it is +OK. */
  @FunctionalInterface
  public interface ReplyHandler {
    void handle(int index, Pop3Reply reply) throws IOException;
  }

  private Pop3Pipeline() { }

  /**
   * Runs the batch.
   *
   * @param multiLine whether a {@code +OK} reply to these commands is followed by a body (RETR, TOP)
   */
  public static void run(Pop3Channel channel, List<String> commands, int window, boolean multiLine,
      long maxBodyBytes, ReplyHandler handler) throws IOException {
    if (window < 1) {
      throw new IllegalArgumentException("window < 1");
    }
    int total = commands.size();
    int sent = 0;
    int done = 0;
    Exception failure = null;
    if (total > 0) {
      channel.checkInStep();
    }
    while (done < sent || (failure == null && sent < total)) {
      if (failure == null && sent < total && sent - done <= window / 2) {
        while (sent < total && sent - done < window) {
          channel.write(commands.get(sent++), Sensitivity.PUBLIC);
        }
        channel.flush();
      }
      Pop3Reply reply = channel.readReply();
      int index = done++;
      if (failure != null) {
        skipBody(channel, reply, multiLine, maxBodyBytes);
        continue;
      }
      try {
        handler.handle(index, reply);
      } catch (IOException | RuntimeException e) {
        if (!channel.isOpen()) {
          throw e;
        }
        failure = e;
      }
      if (channel.bodyOpen()) {
        channel.close(); // a handler that leaves a body open has broken the framing; nothing can be trusted
        throw new IllegalStateException("the reply handler left a body open");
      }
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
  }

  private static void skipBody(Pop3Channel channel, Pop3Reply reply, boolean multiLine, long maxBodyBytes)
      throws IOException {
    if (multiLine && reply.ok()) {
      try (BodyStream body = channel.openBody(maxBodyBytes)) {
        body.drain();
      }
    }
  }
}
