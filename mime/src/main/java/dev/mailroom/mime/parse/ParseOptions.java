package dev.mailroom.mime.parse;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link dev.mailroom.mime.MimeMessage#parse(java.io.InputStream, ParseOptions)} builds the tree: the parser's
 * {@link ParserLimits}, and where leaf bodies are kept.
 *
 * <ul>
 *   <li>From a stream: a body of at most {@link #spoolThreshold} bytes is kept in memory; a larger one is written to
 *       a temporary file in {@link #spoolDirectory} (owner-only permissions) as it is read, so only one window of it
 *       is ever in memory. {@link #inMemory()} never spools.
 *   <li>From a file ({@link dev.mailroom.mime.MimeMessage#parse(Path, ParseOptions)}): bodies are not copied at all;
 *       each is a range of the file, read when the body is opened. The threshold does not apply.
 *   <li>From a byte array: bodies are ranges of one private copy of the array.
 * </ul>
 *
 * <p><b>When spool files are deleted.</b> Messages are immutable values and not {@code AutoCloseable}, so a spool
 * file lives as long as its body: it is deleted by a {@link java.lang.ref.Cleaner} once the body (with the part, the
 * message, and any stream opened on it) is unreachable, at once when the parse fails, and by a shutdown hook for the
 * files still alive when the JVM exits normally. {@code File.deleteOnExit} is not used: its list only grows in a
 * long-running process, while the hook's set holds live files only. A JVM that crashes leaves its files behind: point
 * {@link #spoolDirectory} at a directory the system cleans (a tmpfs, a systemd {@code PrivateTmp}) when that matters.
 * Preambles, epilogues, delimiters and header fields are always in memory (the {@link dev.mailroom.mime.Multipart}
 * contract holds them as byte arrays).
 *
 * @param limits the parser's limits
 * @param spoolThreshold the largest body kept in memory, in bytes ({@link Long#MAX_VALUE}: never spool)
 * @param spoolDirectory where spool files go, or null for {@code java.io.tmpdir}
 */
public record ParseOptions(ParserLimits limits, long spoolThreshold, Path spoolDirectory) {
  /** The default spool threshold: 1 MiB. */
  public static final long DEFAULT_SPOOL_THRESHOLD = 1024 * 1024;

  private static final ParseOptions DEFAULTS =
      new ParseOptions(ParserLimits.defaults(), DEFAULT_SPOOL_THRESHOLD, null);

  public ParseOptions {
    Objects.requireNonNull(limits, "limits");
    if (spoolThreshold < 0) {
      throw new IllegalArgumentException("spoolThreshold < 0: " + spoolThreshold);
    }
  }

  /** Default limits; bodies over 1 MiB spooled to {@code java.io.tmpdir}. */
  public static ParseOptions defaults() {
    return DEFAULTS;
  }

  /** Default limits; every body in memory. */
  public static ParseOptions inMemory() {
    return DEFAULTS.withSpoolThreshold(Long.MAX_VALUE);
  }

  public ParseOptions withLimits(ParserLimits limits) {
    return new ParseOptions(limits, spoolThreshold, spoolDirectory);
  }

  public ParseOptions withSpoolThreshold(long spoolThreshold) {
    return new ParseOptions(limits, spoolThreshold, spoolDirectory);
  }

  public ParseOptions withSpoolDirectory(Path spoolDirectory) {
    return new ParseOptions(limits, spoolThreshold, spoolDirectory);
  }
}
