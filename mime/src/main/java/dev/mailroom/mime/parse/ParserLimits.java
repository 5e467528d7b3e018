package dev.mailroom.mime.parse;

/**
 * Bounds on what the parser accepts, so that hostile input costs bounded memory and linear time (SECURITY.md M03,
 * M04, M05). Going past {@link #maxHeaderCount}, {@link #maxHeaderBytes}, {@link #maxFieldBytes} or
 * {@link #maxParts} is a {@link dev.mailroom.mime.MimeParseException} carrying the input offset; nesting deeper than
 * {@link #maxDepth} is not an error: the entity at that depth is kept as an opaque leaf with a
 * {@link dev.mailroom.mime.MimeDefect.Kind#DEPTH_LIMIT} defect.
 *
 * <pre>{@code
 * ParserLimits limits = ParserLimits.defaults().withMaxDepth(16).withMaxParts(500);
 * }</pre>
 *
 * @param maxDepth how deep entities may nest (the top-level entity is at depth 0; each multipart body part and each
 *     encapsulated message adds one); a multipart or message at this depth is kept opaque
 * @param maxHeaderCount the most header fields in one entity's header block
 * @param maxHeaderBytes the most bytes in one entity's header block (fields and blank line)
 * @param maxFieldBytes the most bytes in one header field, folding and line ending included
 * @param maxParts the most entities in the whole message besides the top-level one (body parts and encapsulated
 *     messages, at any depth)
 */
public record ParserLimits(int maxDepth, int maxHeaderCount, int maxHeaderBytes, int maxFieldBytes, int maxParts) {
  private static final ParserLimits DEFAULTS = new ParserLimits(64, 1_000, 256 * 1024, 64 * 1024, 10_000);

  public ParserLimits {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth < 0: " + maxDepth);
    }
    positive("maxHeaderCount", maxHeaderCount);
    positive("maxHeaderBytes", maxHeaderBytes);
    positive("maxFieldBytes", maxFieldBytes);
    positive("maxParts", maxParts);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " < 1: " + value);
    }
  }

  /** Depth 64, 1,000 fields and 256 KiB per header block, 64 KiB per field, 10,000 parts. */
  public static ParserLimits defaults() {
    return DEFAULTS;
  }

  public ParserLimits withMaxDepth(int maxDepth) {
    return new ParserLimits(maxDepth, maxHeaderCount, maxHeaderBytes, maxFieldBytes, maxParts);
  }

  public ParserLimits withMaxHeaderCount(int maxHeaderCount) {
    return new ParserLimits(maxDepth, maxHeaderCount, maxHeaderBytes, maxFieldBytes, maxParts);
  }

  public ParserLimits withMaxHeaderBytes(int maxHeaderBytes) {
    return new ParserLimits(maxDepth, maxHeaderCount, maxHeaderBytes, maxFieldBytes, maxParts);
  }

  public ParserLimits withMaxFieldBytes(int maxFieldBytes) {
    return new ParserLimits(maxDepth, maxHeaderCount, maxHeaderBytes, maxFieldBytes, maxParts);
  }

  public ParserLimits withMaxParts(int maxParts) {
    return new ParserLimits(maxDepth, maxHeaderCount, maxHeaderBytes, maxFieldBytes, maxParts);
  }
}
