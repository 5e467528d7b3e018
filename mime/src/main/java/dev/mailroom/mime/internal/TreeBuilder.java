package dev.mailroom.mime.internal;

import dev.mailroom.mime.Header;
import dev.mailroom.mime.Headers;
import dev.mailroom.mime.MessagePart;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeEntity;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import dev.mailroom.mime.parse.MimeEvent;
import dev.mailroom.mime.parse.MimeEvent.BodyChunk;
import dev.mailroom.mime.parse.MimeEvent.BodyKind;
import dev.mailroom.mime.parse.MimeEvent.HeadersEnd;
import dev.mailroom.mime.parse.MimeParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the immutable entity tree from a {@link MimeParser}'s events, with an explicit stack (no recursion), keeping
 * every raw byte where the tree contract puts it, so that {@link MimeMessage#writeTo} gives the input back: header
 * fields and separators in {@link Headers}, bodies in a {@link BodyStore}, preamble, delimiters, close delimiter and
 * epilogue in {@link Multipart}.
 */
public final class TreeBuilder {
  private static final byte[] EMPTY = new byte[0];

  private TreeBuilder() { }

  /** An entity being built. */
  private static final class Node {
    final Node parent;
    final List<Header> fields = new ArrayList<>(16);
    List<MimeDefect> defects = List.of();
    HeadersEnd end;
    BodyStore.Sink body;
    ByteSink preamble;
    ByteSink epilogue;
    List<MimeEntity> parts;
    List<byte[]> delimiters;
    byte[] pendingDelimiter;
    byte[] close = EMPTY;
    MimeEntity inner;

    Node(Node parent) {
      this.parent = parent;
    }

    void defect(MimeDefect d) {
      if (defects.isEmpty()) {
        defects = new ArrayList<>(2);
      }
      defects.add(d);
    }
  }

  /** Reads every event of {@code parser} and returns the message; on failure, stored bodies are dropped. */
  public static MimeMessage build(MimeParser parser, BodyStore store) throws IOException {
    Node top = null;
    MimeEntity root = null;
    try {
      for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
        if (e instanceof BodyChunk chunk) {
          chunk(top, chunk);
        } else if (e instanceof MimeEvent.HeaderField field) {
          top.fields.add(field.header());
        } else if (e instanceof MimeEvent.EntityStart) {
          top = new Node(top);
        } else if (e instanceof HeadersEnd end) {
          headersEnd(top, end, store);
        } else if (e instanceof MimeEvent.Delimiter delimiter) {
          top.pendingDelimiter = delimiter.raw();
        } else if (e instanceof MimeEvent.CloseDelimiter close) {
          top.close = close.raw();
        } else if (e instanceof MimeEvent.Defect defect) {
          top.defect(defect.defect());
        } else if (e instanceof MimeEvent.EntityEnd) {
          MimeEntity entity = finish(top);
          top = top.parent;
          if (top == null) {
            root = entity;
          } else if (top.end.bodyKind() == BodyKind.MULTIPART) {
            top.parts.add(entity);
            top.delimiters.add(top.pendingDelimiter);
            top.pendingDelimiter = null;
          } else {
            top.inner = entity;
          }
        }
      }
    } catch (IOException | RuntimeException | Error failure) {
      for (Node n = top; n != null; n = n.parent) {
        if (n.body != null) {
          n.body.abort();
        }
      }
      throw failure;
    }
    if (root == null) {
      throw new IllegalStateException("the parser ended without an entity");
    }
    return new MimeMessage(root);
  }

  private static void chunk(Node top, BodyChunk chunk) throws IOException {
    switch (chunk.section()) {
      case BODY -> top.body.write(chunk.bytes(), chunk.offset());
      case PREAMBLE -> top.preamble.write(chunk.bytes());
      case EPILOGUE -> top.epilogue.write(chunk.bytes());
      default -> throw new IllegalStateException(chunk.section().toString());
    }
  }

  private static void headersEnd(Node top, HeadersEnd end, BodyStore store) throws IOException {
    top.end = end;
    switch (end.bodyKind()) {
      case LEAF -> top.body = store.open(end.offset());
      case MULTIPART -> {
        top.preamble = new ByteSink(0);
        top.epilogue = new ByteSink(0);
        top.parts = new ArrayList<>(4);
        top.delimiters = new ArrayList<>(4);
      }
      case MESSAGE -> { }
      default -> throw new IllegalStateException(end.bodyKind().toString());
    }
  }

  private static MimeEntity finish(Node n) throws IOException {
    Headers headers = Headers.of(n.fields, n.end.separator());
    switch (n.end.bodyKind()) {
      case LEAF -> {
        BodyStore.Sink body = n.body;
        n.body = null;
        return new MimePart(headers, body.finish(), n.defects);
      }
      case MULTIPART -> {
        String boundary = n.end.contentType().boundary().orElse("");
        return new Multipart(headers, boundary, n.preamble.toByteArray(), n.parts, n.delimiters, n.close,
            n.epilogue.toByteArray(), n.defects);
      }
      case MESSAGE -> {
        return new MessagePart(headers, new MimeMessage(n.inner), n.defects);
      }
      default -> throw new IllegalStateException(n.end.bodyKind().toString());
    }
  }
}
