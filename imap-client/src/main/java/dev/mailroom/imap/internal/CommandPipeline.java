package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.imap.internal.wire.EncodedCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends commands and tracks the ones in flight (RFC 9051 §5.5 "Multiple commands in progress").
 *
 * <p><b>Scheduling.</b> A submitting thread waits (without holding any I/O lock) until its command is compatible with
 * everything in flight: a {@link PendingCommand#BARRIER} needs an empty pipeline and blocks everything after it; a
 * {@link PendingCommand#USES_SEQ} command waits for every command that {@link PendingCommand#MAY_EXPUNGE}, so a
 * sequence number can never be read against a numbering an EXPUNGE changed in between; UID commands, STATUS, LIST and
 * friends overlap freely. A sequence set is translated at send time through the EXPUNGEs that arrived since it was
 * issued, so it still names the messages the caller meant.
 *
 * <p><b>Writing.</b> Commands are written whole under one write {@link ReentrantLock} (no monitor held across I/O, so
 * virtual threads never pin). A synchronising literal waits for the router to hand over the {@code +}; a tagged
 * NO/BAD instead ends the command and none of the literal is sent (SECURITY.md I05).
 *
 * <p><b>Failure.</b> {@link #fail} fails every command in flight or waiting, closes the transport, and makes later
 * submissions fail with the same cause (I11).
 */
public final class CommandPipeline {
  private final LineTransport transport;
  private final TagGenerator tags;
  private final Duration commandTimeout;
  private final ReentrantLock state = new ReentrantLock();
  private final Condition changed = state.newCondition();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Map<String, PendingCommand<?>> inFlight = new LinkedHashMap<>();
  /** Commands that may expunge whose outcome the caller has not looked at yet, oldest first (bounded). */
  private final java.util.ArrayDeque<PendingCommand<?>> unobserved = new java.util.ArrayDeque<>();
  private volatile PendingCommand<?> awaitingContinuation;
  private volatile MailException failure;
  private MailboxModel model;

  CommandPipeline(LineTransport transport, TagGenerator tags, Duration commandTimeout) {
    this.transport = transport;
    this.tags = tags;
    this.commandTimeout = commandTimeout;
  }

  /** Schedules, tags and writes {@code command}; returns once it is written (or failed). */
  <T> PendingCommand<T> submit(PendingCommand<T> command) {
    state.lock();
    try {
      while (failure == null && !compatible(command)) {
        changed.awaitUninterruptibly();
      }
      if (failure != null) {
        command.failConnection(failure);
        return command;
      }
      command.tag = tags.get();
      command.expungeMark = model == null ? 0 : model.expungeMark();
      inFlight.put(command.tag, command);
      if (command.is(PendingCommand.MAY_EXPUNGE)) {
        unobserved.addLast(command);
        if (unobserved.size() > 10_000) {
          unobserved.removeFirst();
        }
      }
    } finally {
      state.unlock();
    }
    write(command);
    return command;
  }

  private boolean compatible(PendingCommand<?> c) {
    if (inFlight.isEmpty()) {
      return true;
    }
    if (c.is(PendingCommand.BARRIER)) {
      return false;
    }
    for (PendingCommand<?> p : inFlight.values()) {
      if (p.is(PendingCommand.BARRIER)) {
        return false;
      }
      if (c.is(PendingCommand.USES_SEQ) && p.is(PendingCommand.MAY_EXPUNGE)) {
        return false;
      }
    }
    return true;
  }

  private <T> void write(PendingCommand<T> command) {
    writeLock.lock();
    try {
      if (failure != null) {
        complete(command);
        command.failConnection(failure);
        return;
      }
      EncodedCommand encoded;
      try {
        encoded = command.encoder.get();
      } catch (MailboxModel.AmbiguousSequenceException e) {
        complete(command);
        command.future.completeExceptionally(new MailException(command.name + ": " + e.getMessage(), e));
        return;
      }
      if (encoded == null) { // every addressed message was expunged meanwhile: nothing to send
        complete(command);
        try {
          command.future.complete(command.handler.ok(new Response.Tagged(command.tag,
              dev.mailroom.imap.ResponseStatus.OK, null, "the addressed messages were expunged")));
        } catch (MailException e) {
          command.future.completeExceptionally(e);
        }
        return;
      }
      byte[] tagBytes = (command.tag + " ").getBytes(StandardCharsets.US_ASCII);
      List<EncodedCommand.Piece> pieces = encoded.pieces();
      for (int i = 0; i < pieces.size(); i++) {
        // Until the last piece is written the command is incomplete: a tagged OK then is early (T20).
        command.writing = i < pieces.size() - 1;
        EncodedCommand.Piece piece = pieces.get(i);
        byte[] line = i == 0 ? concat(tagBytes, piece.bytes()) : piece.bytes();
        transport.writeLine(line, i == 0 ? shift(piece.sensitivity(), tagBytes.length) : piece.sensitivity());
        if (i == pieces.size() - 1) {
          break;
        }
        EncodedCommand.Literal literal = encoded.literals().get(i);
        if (literal.synchronizing() && !awaitContinuation(command)) {
          return; // NO/BAD instead of '+': send none of the literal (I05)
        }
        sendLiteral(literal);
      }
      // From here the final CRLF may reach the server: a failure now leaves the outcome unknown (I25).
      command.sent = true;
      transport.flush();
    } catch (MailException e) {
      fail(e);
    } catch (IOException e) {
      fail(new MailProtocolException("reading a literal's source failed; the connection was closed: " + e, e));
    } catch (RuntimeException e) {
      fail(new MailProtocolException("writing " + command.name + " failed: " + e, e));
      throw e;
    } finally {
      command.writing = false;
      writeLock.unlock();
    }
  }

  private static dev.mailroom.client.internal.transport.Sensitivity shift(
      dev.mailroom.client.internal.transport.Sensitivity s, int by) {
    if (s.visiblePrefixBytes() == Integer.MAX_VALUE) {
      return s;
    }
    return dev.mailroom.client.internal.transport.Sensitivity.revealing(s.visiblePrefixBytes() + by);
  }

  private void sendLiteral(EncodedCommand.Literal literal) throws IOException {
    OutputStream out = transport.payloadStream();
    long left = literal.size();
    try (InputStream in = literal.open()) {
      byte[] buf = new byte[64 * 1024];
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("the literal source ended " + left + " bytes early");
        }
        out.write(buf, 0, n);
        left -= n;
      }
      if (literal.bytes() == null && in.read() >= 0) {
        throw new IOException("the literal source holds more than the declared " + literal.size() + " bytes");
      }
    }
    out.flush();
  }

  /** Flushes and waits for {@code +}; false if the command was answered instead. */
  boolean awaitContinuation(PendingCommand<?> command) throws MailException {
    awaitingContinuation = command;
    transport.flush();
    Object next;
    try {
      next = command.continuations.poll(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      MailException m = new MailException("interrupted waiting for a continuation; the connection was closed");
      fail(m);
      throw m;
    } finally {
      awaitingContinuation = null;
    }
    if (next == null) {
      MailTimeoutException t = new MailTimeoutException("no continuation for " + command.name + " within "
          + commandTimeout);
      fail(t);
      throw t;
    }
    if (next instanceof MailException e) {
      throw e;
    }
    return next != PendingCommand.DONE;
  }

  /** Writes a line that is not a command (DONE, a SASL response) while holding the write lock. */
  void writeContinuationLine(byte[] line, dev.mailroom.client.internal.transport.Sensitivity s) throws MailException {
    writeLock.lock();
    try {
      transport.writeLine(line, s);
      transport.flush();
    } finally {
      writeLock.unlock();
    }
  }

  ReentrantLock writeLock() {
    return writeLock;
  }

  /** Router: a {@code +} arrived. */
  void continuation(String text) throws MailProtocolException {
    PendingCommand<?> c = awaitingContinuation;
    if (c == null) {
      PendingCommand<?> interactive = firstInteractive();
      if (interactive == null) {
        throw new MailProtocolException("unexpected continuation request: + " + text);
      }
      c = interactive;
    }
    c.continuations.add(text);
  }

  private PendingCommand<?> firstInteractive() {
    state.lock();
    try {
      for (PendingCommand<?> p : inFlight.values()) {
        if (p.is(PendingCommand.INTERACTIVE)) {
          return p;
        }
      }
      return null;
    } finally {
      state.unlock();
    }
  }

  /** Router: the command for {@code tag}; null if unknown or already completed (SECURITY.md I09). */
  PendingCommand<?> byTag(String tag) {
    state.lock();
    try {
      return inFlight.get(tag);
    } finally {
      state.unlock();
    }
  }

  /** Router: the command is answered; it leaves the pipeline. */
  void complete(PendingCommand<?> command) {
    state.lock();
    try {
      inFlight.remove(command.tag);
      changed.signalAll();
    } finally {
      state.unlock();
    }
    command.continuations.add(PendingCommand.DONE);
  }

  /** The commands in flight, oldest first. */
  List<PendingCommand<?>> inFlight() {
    state.lock();
    try {
      return new ArrayList<>(inFlight.values());
    } finally {
      state.unlock();
    }
  }

  /**
   * The expunge-log position a sequence set issued now refers to: the numbering the caller could have seen, so before
   * any EXPUNGE caused by a command whose handle it has not awaited yet (RFC 9051 §5.5).
   */
  long seqMark(MailboxModel m) {
    state.lock();
    try {
      long mark = m.expungeMark();
      unobserved.removeIf(p -> p.observed);
      for (PendingCommand<?> p : unobserved) {
        mark = Math.min(mark, p.expungeMark);
      }
      return mark;
    } finally {
      state.unlock();
    }
  }

  MailboxModel model() {
    state.lock();
    try {
      return model;
    } finally {
      state.unlock();
    }
  }

  void model(MailboxModel value) {
    state.lock();
    try {
      if (model != null && model != value) {
        model.valid(false);
      }
      model = value;
      unobserved.clear();
    } finally {
      state.unlock();
    }
  }

  MailException failure() {
    return failure;
  }

  /** Fails everything in flight and later, and closes the connection. Idempotent; the first cause wins. */
  void fail(MailException cause) {
    List<PendingCommand<?>> failed;
    state.lock();
    try {
      if (failure == null) {
        failure = cause;
      }
      failed = new ArrayList<>(inFlight.values());
      inFlight.clear();
      changed.signalAll();
      if (model != null) {
        model.valid(false);
      }
    } finally {
      state.unlock();
    }
    transport.close();
    for (PendingCommand<?> p : failed) {
      p.continuations.add(failure);
      p.failConnection(failure);
    }
  }

  boolean isFailed() {
    return failure != null;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
