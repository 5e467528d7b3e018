package dev.mailroom.samples.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One mbox file in the mboxrd flavour: each message starts with a {@code From } line, CRLF becomes LF, a line that
 * reads {@code From } after any number of {@code >} gets one more {@code >}, and a blank line ends the message.
 * Appending cannot be made idempotent by a file name, so the fetch state records the file's length after each
 * stored message and {@link #MboxStore opening} the store truncates the file back to it: a message appended after
 * the last state update (the process was killed in between) is dropped and fetched again, not kept twice. The
 * file therefore belongs to {@code mailroom fetch}: do not let anything else append to it.
 */
final class MboxStore implements MessageStore {
  private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
      Locale.US);
  private static final int MAX_LINE = 64 * 1024;
  private final FileChannel channel;

  /** Opens (creates) {@code file} and truncates it to {@code recordedLength} when one is given. */
  MboxStore(Path file, OptionalLong recordedLength) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long size = channel.size();
    if (recordedLength.isPresent() && size != recordedLength.getAsLong()) {
      if (size < recordedLength.getAsLong()) {
        channel.close();
        throw new IOException(file + " is " + size + " bytes, shorter than the " + recordedLength.getAsLong()
            + " the fetch state recorded: it was changed outside mailroom fetch");
      }
      channel.truncate(recordedLength.getAsLong()); // a message appended after the last state update
      channel.force(true);
    }
    DurableFiles.syncDirectory(parent);
  }

  @Override
  public long store(String identity, InputStream body) throws IOException {
    long start = channel.size();
    channel.position(start);
    try {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
      out.write(("From mailroom " + ASCTIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\n")
          .getBytes(StandardCharsets.US_ASCII));
      long size = copyQuoted(body, out);
      out.write('\n');
      out.flush();
      channel.force(true);
      return size;
    } catch (IOException | RuntimeException e) {
      channel.truncate(start); // never leave half a message behind
      throw e;
    }
  }

  @Override
  public OptionalLong length() {
    try {
      return OptionalLong.of(channel.size());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Copies the message line by line with mboxrd quoting and LF line ends; returns the bytes read. */
  private static long copyQuoted(InputStream body, OutputStream out) throws IOException {
    InputStream in = new BufferedInputStream(body, 64 * 1024);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean lineStart = true;
    long count = 0;
    for (int b; (b = in.read()) != -1; count++) {
      if (b == '\n') {
        writeLine(line.toByteArray(), lineStart, true, out);
        line.reset();
        lineStart = true;
      } else {
        line.write(b);
        if (line.size() >= MAX_LINE) { // a very long line: no From line can start inside it
          writeLine(line.toByteArray(), lineStart, false, out);
          line.reset();
          lineStart = false;
        }
      }
    }
    if (line.size() > 0) {
      writeLine(line.toByteArray(), lineStart, true, out);
    }
    return count;
  }

  private static void writeLine(byte[] line, boolean lineStart, boolean complete, OutputStream out)
      throws IOException {
    int length = complete && line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    if (lineStart && isFromLine(line)) {
      out.write('>');
    }
    out.write(line, 0, length);
    if (complete) {
      out.write('\n');
    }
  }

  /** {@code >*From }: the lines mboxrd quotes. */
  static boolean isFromLine(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] == '>') {
      i++;
    }
    byte[] from = {'F', 'r', 'o', 'm', ' '};
    if (line.length - i < from.length) {
      return false;
    }
    for (int j = 0; j < from.length; j++) {
      if (line[i + j] != from[j]) {
        return false;
      }
    }
    return true;
  }
}
