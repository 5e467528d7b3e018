package dev.mailroom.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * What the builder needs to know about content to pick a transfer encoding: is it ASCII, how long is its longest
 * line, does it hold NUL or bare CR/LF, and could it contain one of our boundaries ({@code "=_mr_"}, see
 * {@link dev.mailroom.mime.internal.Boundaries}). One linear pass; usable as an output stream for streamed content.
 */
final class ContentAnalysis extends OutputStream {
  private static final byte[] MARKER = {'=', '_', 'm', 'r', '_'};

  private long total;
  private long nonAscii;
  private int maxLine;
  private int line;
  private boolean nulOrBare;
  private boolean marker;
  private int markerMatched;
  private int previous = -1;

  static ContentAnalysis of(byte[] bytes) {
    ContentAnalysis analysis = new ContentAnalysis();
    analysis.write(bytes, 0, bytes.length);
    analysis.finish();
    return analysis;
  }

  static ContentAnalysis of(MimeMessage message) {
    ContentAnalysis analysis = new ContentAnalysis();
    try {
      message.writeTo(analysis);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attached message", e);
    }
    analysis.finish();
    return analysis;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xff;
      total++;
      if (c >= 0x80) {
        nonAscii++;
      }
      if (c == 0) {
        nulOrBare = true;
      }
      if (c == '\n') {
        if (previous != '\r') {
          nulOrBare = true;
        }
        maxLine = Math.max(maxLine, line);
        line = 0;
      } else if (c != '\r') {
        if (previous == '\r') {
          nulOrBare = true;
        }
        line++;
      }
      markerMatched = c == MARKER[markerMatched] ? markerMatched + 1 : (c == MARKER[0] ? 1 : 0);
      if (markerMatched == MARKER.length) {
        marker = true;
        markerMatched = 0;
      }
      previous = c;
    }
  }

  private void finish() {
    if (previous == '\r') {
      nulOrBare = true;
    }
    maxLine = Math.max(maxLine, line);
  }

  boolean ascii() {
    return nonAscii == 0;
  }

  double nonAsciiRatio() {
    return total == 0 ? 0 : (double) nonAscii / total;
  }

  int maxLineLength() {
    return maxLine;
  }

  boolean hasNulOrBareLineEnding() {
    return nulOrBare;
  }

  boolean containsBoundaryMarker() {
    return marker;
  }
}
