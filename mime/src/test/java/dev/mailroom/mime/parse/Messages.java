package dev.mailroom.mime.parse;

import dev.mailroom.mime.MessagePart;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeEntity;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Helpers shared by the parser tests: inputs, event snapshots, tree walks. */
final class Messages {
  private Messages() { }

  /** The ISO-8859-1 bytes of {@code s}, with every {@code \n} made CRLF. */
  static byte[] crlf(String s) {
    return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The ISO-8859-1 bytes of {@code s} as written. */
  static byte[] raw(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** All events of a parse, with body chunks copied so they outlive the window. */
  static List<MimeEvent> events(InputStream in, ParserLimits limits) throws IOException {
    return drain(MimeParser.of(in, limits));
  }

  static List<MimeEvent> events(byte[] in) throws IOException {
    return events(new ByteArrayInputStream(in), ParserLimits.defaults());
  }

  static List<MimeEvent> drain(MimeParser parser) throws IOException {
    List<MimeEvent> out = new ArrayList<>();
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      out.add(snapshot(e));
    }
    return out;
  }

  static MimeEvent snapshot(MimeEvent e) {
    if (e instanceof MimeEvent.BodyChunk c) {
      return new MimeEvent.BodyChunk(c.section(), ByteBuffer.wrap(c.toByteArray()).asReadOnlyBuffer(), c.offset());
    }
    return e;
  }

  /** Concatenates every raw byte the events carry: must be the input (without an mbox From line). */
  static byte[] reassemble(List<MimeEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (MimeEvent e : events) {
      if (e instanceof MimeEvent.HeaderField f) {
        out.writeBytes(f.header().raw());
      } else if (e instanceof MimeEvent.HeadersEnd h) {
        out.writeBytes(h.separator());
      } else if (e instanceof MimeEvent.BodyChunk c) {
        out.writeBytes(c.toByteArray());
      } else if (e instanceof MimeEvent.Delimiter d) {
        out.writeBytes(d.raw());
      } else if (e instanceof MimeEvent.CloseDelimiter d) {
        out.writeBytes(d.raw());
      }
    }
    return out.toByteArray();
  }

  /** The defect kinds of the events, in order. */
  static List<MimeDefect.Kind> defectKinds(List<MimeEvent> events) {
    List<MimeDefect.Kind> kinds = new ArrayList<>();
    for (MimeEvent e : events) {
      if (e instanceof MimeEvent.Defect d) {
        kinds.add(d.defect().kind());
      }
    }
    return kinds;
  }

  /** Events of one type. */
  static <T extends MimeEvent> List<T> only(List<MimeEvent> events, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (MimeEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  /** The leaf bodies' raw bytes from BodyChunk events (BODY section), per leaf in order. */
  static List<String> leafBodies(List<MimeEvent> events) {
    List<String> bodies = new ArrayList<>();
    StringBuilder current = null;
    for (MimeEvent e : events) {
      if (e instanceof MimeEvent.HeadersEnd h) {
        current = h.bodyKind() == MimeEvent.BodyKind.LEAF ? new StringBuilder() : null;
        if (current != null) {
          bodies.add("");
        }
      } else if (e instanceof MimeEvent.BodyChunk c && c.section() == MimeEvent.Section.BODY) {
        current.append(text(c.toByteArray()));
        bodies.set(bodies.size() - 1, current.toString());
      }
    }
    return bodies;
  }

  /** Every leaf of a message, message/rfc822 bodies recursed into (iteratively). */
  static List<MimePart> leaves(MimeMessage message) {
    List<MimePart> leaves = new ArrayList<>();
    Deque<MimeEntity> stack = new ArrayDeque<>();
    stack.push(message.root());
    while (!stack.isEmpty()) {
      MimeEntity e = stack.pop();
      if (e instanceof MimePart p) {
        leaves.add(p);
      } else if (e instanceof Multipart m) {
        List<MimeEntity> parts = m.parts();
        for (int i = parts.size() - 1; i >= 0; i--) {
          stack.push(parts.get(i));
        }
      } else if (e instanceof MessagePart mp) {
        stack.push(mp.message().root());
      }
    }
    return leaves;
  }

  /** Every defect kind anywhere in the tree. */
  static List<MimeDefect.Kind> allDefects(MimeMessage message) {
    List<MimeDefect.Kind> kinds = new ArrayList<>();
    Deque<MimeEntity> stack = new ArrayDeque<>();
    stack.push(message.root());
    while (!stack.isEmpty()) {
      MimeEntity e = stack.pop();
      e.defects().forEach(d -> kinds.add(d.kind()));
      if (e instanceof Multipart m) {
        m.parts().forEach(stack::push);
      } else if (e instanceof MessagePart mp) {
        stack.push(mp.message().root());
      }
    }
    return kinds;
  }

  static byte[] bytesOf(MimeMessage message) {
    try {
      return message.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String decoded(MimePart part) throws IOException {
    try (InputStream in = part.openDecoded()) {
      return text(in.readAllBytes());
    }
  }

  /** A stream that returns at most {@code max} bytes per read. */
  static InputStream trickle(byte[] data, int max) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, max));
      }
    };
  }

  /** A stream that delivers {@code data} in two reads split at {@code at}. */
  static InputStream splitAt(byte[] data, int at) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= data.length) {
          return -1;
        }
        int end = pos < at ? at : data.length;
        int n = Math.min(len, end - pos);
        if (n == 0) {
          n = Math.min(len, data.length - pos);
        }
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }
}
