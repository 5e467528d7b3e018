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
