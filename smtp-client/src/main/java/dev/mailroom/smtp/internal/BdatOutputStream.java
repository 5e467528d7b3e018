package dev.mailroom.smtp.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.smtp.SmtpReply;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Sends what is written to it as BDAT chunks (RFC 3030): each full buffer becomes {@code BDAT n} plus the bytes, and
 * {@link #close()} sends the rest as {@code BDAT n LAST}, so a message no larger than the buffer is one round trip.
 * Every non-final chunk's reply is read at once; a 4xx/5xx stops the transfer immediately with
 * {@link dev.mailroom.smtp.SmtpCommandException} and no further chunk is sent (SECURITY.md S19).
 */
final class BdatOutputStream extends OutputStream {
  private final SmtpChannel channel;
  private final byte[] buffer;
  private int count;
  private boolean lastSent;
  private SmtpReply finalReply;

  BdatOutputStream(SmtpChannel channel, int chunkSize) {
    this.channel = channel;
    this.buffer = new byte[chunkSize];
  }

  private final byte[] one = new byte[1]; // reused: write(int) may be called per byte


  @Override
  public void write(int b) throws IOException {
    one[0] = (byte) b;
      write(one, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (lastSent) {
      throw new IOException("BDAT LAST was already sent");
    }
    while (len > 0) {
      if (count == buffer.length) {
        sendChunk();
      }
      int n = Math.min(len, buffer.length - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      off += n;
      len -= n;
    }
  }

  private void sendChunk() throws MailException {
    writeChunk(false);
    SmtpReply reply = channel.read(channel.timeouts().dataBlock());
    channel.expect(reply, 250, "BDAT chunk");
    count = 0;
  }

  private void writeChunk(boolean last) throws MailException {
    channel.checkInStep();
    channel.write("BDAT " + count + (last ? " LAST" : ""));
    try (OutputStream payload = channel.transport().payloadStream(false)) {
      payload.write(buffer, 0, count);
    } catch (MailException e) {
      throw e;
    } catch (IOException e) {
      throw new MailException("writing a BDAT chunk failed", e);
    }
    if (!last) {
      channel.flush(); // its reply is read now; the LAST chunk is flushed by the caller, with what follows it
    }
  }

  /** Buffers {@code BDAT n LAST} and the chunk; the caller flushes; the reply is read by {@link #readFinalReply()}. */
  @Override
  public void close() throws IOException {
    if (!lastSent) {
      lastSent = true;
      writeChunk(true);
    }
  }

  /** Reads the reply to {@code BDAT ... LAST}, which is the transaction's outcome. */
  SmtpReply readFinalReply() throws MailException {
    if (finalReply == null) {
      finalReply = channel.read(channel.timeouts().dataTermination());
    }
    return finalReply;
  }
}
