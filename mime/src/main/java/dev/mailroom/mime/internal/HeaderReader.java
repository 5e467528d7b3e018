package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeParseException;
import java.io.IOException;

/**
 * Reads a header block item by item from an {@link InputWindow}: a field with its folding and line ending (RFC 5322
 * §2.2, §2.2.3), the blank line that ends the block, or a line that is not a field.
 *
 * <p>Lines end with CRLF, or a bare LF or CR (SECURITY.md M13, as Python's {@code email} package reads them). A field
 * starts with a name of printable US-ASCII other than colon, optional white space (RFC 5322 §4.5.8 obs-optional),
 * then a colon; a following line that starts with a space or a tab continues it. A field is bounded by
 * {@code maxFieldBytes}: a longer one is a {@link MimeParseException} (SECURITY.md M05). Bytes are kept as they are,
 * 8-bit and NUL included (M09).
 */
public final class HeaderReader {
  /** {@link #next()}: a field was read; see {@link #field()}. */
  public static final int FIELD = 1;
  /** {@link #next()}: the blank line ending the block was read; see {@link #separator()}. */
  public static final int END = 2;
  /** {@link #next()}: the next line is not a field; nothing was consumed. */
  public static final int NOT_A_FIELD = 3;
  /** {@link #next()}: the input ended at a line start. */
  public static final int EOF = 4;

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LF = {'\n'};
  private static final byte[] CR = {'\r'};

  private final InputWindow w;
  private final int maxFieldBytes;
  private final ByteSink field = new ByteSink(256);
  private byte[] separator;
  private boolean bareEnding;
  private boolean lineEndMissing;
  private long itemOffset;

  public HeaderReader(InputWindow window, int maxFieldBytes) {
    this.w = window;
    this.maxFieldBytes = maxFieldBytes;
  }

  /** Reads the next item; the window must be at a line start. */
  public int next() throws IOException {
    bareEnding = false;
    lineEndMissing = false;
    if (!w.ensure(1)) {
      return EOF;
    }
    itemOffset = w.position();
    byte b = w.buf[w.pos];
    if (b == '\n') {
      w.pos++;
      separator = LF;
      bareEnding = true;
      return END;
    }
    if (b == '\r') {
      if (w.ensure(2) && w.buf[w.pos + 1] == '\n') {
        w.pos += 2;
        separator = CRLF;
      } else {
        w.pos++;
        separator = CR;
        bareEnding = true;
      }
      return END;
    }
    if (!isFieldStart()) {
      return NOT_A_FIELD;
    }
    readField();
    return FIELD;
  }

  /** After {@link #FIELD}: the raw field bytes (a copy). */
  public byte[] field() {
    return field.toByteArray();
  }

  /** After {@link #END}: the raw blank line. */
  public byte[] separator() {
    return separator.clone();
  }

  /** Whether the item just read had a line ending other than CRLF. */
  public boolean bareEnding() {
    return bareEnding;
  }

  /** After {@link #FIELD}: whether the input ended inside the field's last line. */
  public boolean lineEndMissing() {
    return lineEndMissing;
  }

  /** The absolute offset where the item just read started. */
  public long itemOffset() {
    return itemOffset;
  }

  /** Whether the bytes at the window position start with {@code prefix}. */
  public boolean startsWith(byte[] prefix) throws IOException {
    if (!w.ensure(prefix.length)) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (w.buf[w.pos + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Consumes one line with its line ending, keeping at most {@code keepMax} of its first bytes in {@code keep}.
   *
   * @return the number of bytes consumed
   */
  public long skipLine(ByteSink keep, int keepMax) throws IOException {
    long consumed = 0;
    while (true) {
      byte[] buf = w.buf;
      int p = w.pos;
      int i = p;
      while (i < w.limit && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      int n = i - p;
      int room = keepMax - keep.size();
      if (room > 0) {
        keep.write(buf, p, Math.min(room, n));
      }
      consumed += n;
      w.pos = i;
      if (i < w.limit) {
        boolean crlf = buf[i] == '\r' && w.ensure(2) && w.buf[w.pos + 1] == '\n';
        int ending = crlf ? 2 : 1;
        w.pos += ending;
        return consumed + ending;
      }
      if (!w.fill()) {
        return consumed;
      }
    }
  }

  private boolean isFieldStart() throws IOException {
    int rel = 0;
    int nameLength = -1;
    while (true) {
      if (w.pos + rel >= w.limit) {
        if (!w.fill()) {
          return false;
        }
        continue;
      }
      byte c = w.buf[w.pos + rel];
      if (c == ':') {
        return nameLength >= 0 || rel > 0;
      }
      if (nameLength < 0) {
        if (c == ' ' || c == '\t') {
          if (rel == 0) {
            return false;
          }
          nameLength = rel;
        } else if (c < 33 || c > 126) {
          return false;
        }
      } else if (c != ' ' && c != '\t') {
        return false;
      }
      rel++;
    }
  }

  private void readField() throws IOException {
    field.reset();
    while (true) {
      readLine();
      if (lineEndMissing || !w.ensure(1)) {
        return;
      }
      byte next = w.buf[w.pos];
      if (next != ' ' && next != '\t') {
        return;
      }
    }
  }

  private void readLine() throws IOException {
    while (true) {
      byte[] buf = w.buf;
      int p = w.pos;
      int limit = w.limit;
      int i = p;
      while (i < limit) {
        byte c = buf[i];
        if (c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      field.write(buf, p, i - p);
      w.pos = i;
      checkSize();
      if (i < limit) {
        if (buf[i] == '\n') {
          field.write('\n');
          w.pos++;
          bareEnding = true;
        } else if (w.ensure(2) && w.buf[w.pos + 1] == '\n') {
          field.write('\r');
          field.write('\n');
          w.pos += 2;
        } else {
          field.write('\r');
          w.pos++;
          bareEnding = true;
        }
        checkSize();
        return;
      }
      if (!w.fill()) {
        lineEndMissing = true;
        return;
      }
    }
  }

  private void checkSize() throws MimeParseException {
    if (field.size() > maxFieldBytes) {
      throw new MimeParseException("header field longer than " + maxFieldBytes + " bytes", itemOffset);
    }
  }
}
