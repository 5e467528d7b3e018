package dev.mailroom.samples.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Fetch progress on standard error: a bar redrawn in place on a terminal ({@code System.console() != null}), else
 * a plain line at every tenth of the way (every 100 messages when the total is unknown), which suits logs and cron.
 */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean bar;
  private final boolean enabled;
  private long total = -1;
  private long done;
  private long bytes;
  private long lastDraw;
  private long nextLine;

  private Progress(PrintWriter err, boolean enabled, boolean bar) {
    this.err = err;
    this.enabled = enabled;
    this.bar = bar;
  }

  /** Progress on {@code err}: a bar when there is a console, lines otherwise, nothing when not enabled. */
  static Progress to(PrintWriter err, boolean enabled) {
    return new Progress(err, enabled, System.console() != null);
  }

  /** How many messages the run will store, when known. */
  void total(long messages) {
    total = messages;
    nextLine = step();
  }

  /** One more message stored. */
  void advance(long messageBytes) {
    done++;
    bytes += messageBytes;
    if (!enabled) {
      return;
    }
    if (bar) {
      long now = System.nanoTime();
      if (now - lastDraw > 100_000_000L || done == total) {
        lastDraw = now;
        err.print("\r" + barText());
        err.flush();
      }
    } else if (done >= nextLine) {
      nextLine = done + step();
      err.println("fetch: " + counts());
    }
  }

  /** Ends the bar's line. */
  void finish() {
    if (enabled && bar && done > 0) {
      err.println("\r" + barText());
    }
  }

  private long step() {
    return total > 0 ? Math.max(1, (total + 9) / 10) : 100;
  }

  private String barText() {
    if (total <= 0) {
      return "fetch " + counts();
    }
    int filled = (int) Math.min(WIDTH, done * WIDTH / total);
    return "fetch [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + counts();
  }

  private String counts() {
    return (total > 0 ? done + "/" + total : String.valueOf(done)) + " messages, " + size(bytes);
  }

  static String size(long bytes) {
    return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
