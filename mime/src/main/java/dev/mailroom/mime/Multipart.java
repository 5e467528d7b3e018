package dev.mailroom.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A {@code multipart/*} entity (RFC 2046 §5.1). Besides its parts it keeps the raw framing, so that writing it back
 * gives the parsed bytes exactly: the preamble, each part's delimiter line (with the CRLF before it, transport
 * padding and line ending), the close delimiter and the epilogue. The bytes written are
 * {@code headers, preamble, (delimiter[i], part[i])*, closeDelimiter, epilogue}.
 */
public final class Multipart implements MimeEntity {
  private final Headers headers;
  private final String boundary;
  private final byte[] preamble;
  private final List<MimeEntity> parts;
  private final List<byte[]> delimiters;
  private final byte[] closeDelimiter;
  private final byte[] epilogue;
  private final List<MimeDefect> defects;

  /**
   * @param delimiters one raw delimiter per part, e.g. {@code "\r\n--b\r\n"} (the first without the leading CRLF
   *     when the preamble is empty)
   * @param closeDelimiter e.g. {@code "\r\n--b--\r\n"}, or empty when the input ended without one
   */
  public Multipart(Headers headers, String boundary, byte[] preamble, List<MimeEntity> parts,
      List<byte[]> delimiters, byte[] closeDelimiter, byte[] epilogue, List<MimeDefect> defects) {
    this.headers = Objects.requireNonNull(headers, "headers");
    this.boundary = Objects.requireNonNull(boundary, "boundary");
    this.preamble = preamble.clone();
    this.parts = List.copyOf(parts);
    List<byte[]> copies = new ArrayList<>(delimiters.size());
    for (byte[] d : delimiters) {
      copies.add(d.clone());
    }
    this.delimiters = List.copyOf(copies);
    if (this.delimiters.size() != this.parts.size()) {
      throw new IllegalArgumentException(parts.size() + " parts but " + delimiters.size() + " delimiters");
    }
    this.closeDelimiter = closeDelimiter.clone();
    this.epilogue = epilogue.clone();
    this.defects = List.copyOf(defects);
  }

  @Override
  public Headers headers() {
    return headers;
  }

  /** The boundary parameter. */
  public String boundary() {
    return boundary;
  }

  /** The body parts in order. */
  public List<MimeEntity> parts() {
    return parts;
  }

  /** The raw bytes before the first delimiter (usually ignored by readers). */
  public byte[] preamble() {
    return preamble.clone();
  }

  /** The raw bytes after the close delimiter line. */
  public byte[] epilogue() {
    return epilogue.clone();
  }

  /** Whether the close delimiter was present. */
  public boolean closed() {
    return closeDelimiter.length > 0;
  }

  @Override
  public List<MimeDefect> defects() {
    return defects;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    headers.writeTo(out);
    out.write(preamble);
    for (int i = 0; i < parts.size(); i++) {
      out.write(delimiters.get(i));
      parts.get(i).writeTo(out);
    }
    out.write(closeDelimiter);
    out.write(epilogue);
  }

  @Override
  public OptionalLong byteSize() {
    long size = headers.byteSize() + preamble.length + closeDelimiter.length + epilogue.length;
    for (int i = 0; i < parts.size(); i++) {
      OptionalLong part = parts.get(i).byteSize();
      if (part.isEmpty()) {
        return OptionalLong.empty();
      }
      size += delimiters.get(i).length + part.getAsLong();
    }
    return OptionalLong.of(size);
  }

  @Override
  public String toString() {
    return "Multipart[" + contentType().mimeType() + ", " + parts.size() + " parts]";
  }
}
