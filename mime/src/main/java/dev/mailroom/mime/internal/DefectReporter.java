package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeDefect;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Passes each kind of {@link MimeDefect} on at most once, so that a hostile input with a million bad bytes gives one
 * defect, not a million (SECURITY.md M06, M07, M10). Not thread-safe: one per decoding run.
 */
public final class DefectReporter {
  private final Consumer<MimeDefect> sink;
  private final EnumSet<MimeDefect.Kind> reported = EnumSet.noneOf(MimeDefect.Kind.class);

  public DefectReporter(Consumer<MimeDefect> sink) {
    this.sink = Objects.requireNonNull(sink, "defects");
  }

  /** Header values report at most this many defects each (a field with 10^5 bad elements gives 16, not 10^5). */
  public static final int MAX_PER_VALUE = 16;

  /**
   * A sink that passes on the first {@code max} defects, then one saying that more were dropped, then nothing: the
   * defects of one header value stay bounded whatever the input (SECURITY.md M02, M11).
   */
  public static Consumer<MimeDefect> capped(Consumer<MimeDefect> sink, int max) {
    Objects.requireNonNull(sink, "defects");
    int[] count = {0};
    return d -> {
      int n = count[0]++;
      if (n < max) {
        sink.accept(d);
      } else if (n == max) {
        sink.accept(new MimeDefect(d.kind(), "more defects in this value not reported", d.offset()));
      }
    };
  }

  /** Reports a defect of this kind unless one was already reported. */
  public void report(MimeDefect.Kind kind, String detail, long offset) {
    if (reported.add(kind)) {
      sink.accept(new MimeDefect(kind, detail, offset));
    }
  }

  /** Whether a defect of this kind was reported. */
  public boolean reported(MimeDefect.Kind kind) {
    return reported.contains(kind);
  }
}
