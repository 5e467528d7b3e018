package dev.mailroom.mime.parse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** {@code head}, then {@code unit} repeated, then {@code tail}: a large input generated as it is read. */
final class RepeatingInputStream extends InputStream {
  private final byte[] head;
  private final byte[] unit;
  private final byte[] tail;
  private final long total;
  private final long unitsEnd;
  private long pos;

  RepeatingInputStream(String head, String unit, long count, String tail) {
    this.head = head.getBytes(StandardCharsets.ISO_8859_1);
    this.unit = unit.getBytes(StandardCharsets.ISO_8859_1);
    this.tail = tail.getBytes(StandardCharsets.ISO_8859_1);
    this.unitsEnd = this.head.length + this.unit.length * count;
    this.total = unitsEnd + this.tail.length;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (pos >= total) {
      return -1;
    }
    int done = 0;
    while (done < len && pos < total) {
      byte[] src;
      int at;
      int room;
      if (pos < head.length) {
        src = head;
        at = (int) pos;
        room = head.length - at;
      } else if (pos < unitsEnd) {
        src = unit;
        at = (int) ((pos - head.length) % unit.length);
        room = unit.length - at;
      } else {
        src = tail;
        at = (int) (pos - unitsEnd);
        room = tail.length - at;
      }
      int n = Math.min(room, len - done);
      System.arraycopy(src, at, b, off + done, n);
      done += n;
      pos += n;
    }
    return done;
  }
}
