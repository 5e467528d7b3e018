package dev.mailroom.mime.internal;

import dev.mailroom.mime.ContentType;
import dev.mailroom.mime.Header;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.codec.TransferEncoding;
import dev.mailroom.mime.parse.MimeEvent.BodyKind;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides, from an entity's header block, its effective Content-Type and transfer encoding and how its body is read.
 *
 * <ul>
 *   <li>Content-Type: the first field; a second one is a {@link Kind#DUPLICATE_HEADER} (SECURITY.md M16). Missing:
 *       {@code text/plain; charset=us-ascii} (RFC 2045 §5.2), or {@code message/rfc822} in a
 *       {@code multipart/digest} (RFC 2046 §5.1.5).
 *   <li>Content-Transfer-Encoding: 7bit when missing (RFC 2045 §6.1); unknown is {@link Kind#INVALID_TRANSFER_ENCODING}
 *       and read as binary (RFC 2045 §6.4).
 *   <li>A {@code multipart/*} or {@code message/rfc822} is read as structure only with an identity encoding (7bit,
 *       8bit, binary: RFC 2045 §6.4, RFC 2046 §5.1.1, §5.2.1); with base64, quoted-printable or an unknown encoding it is
 *       an opaque leaf with {@link Kind#INVALID_TRANSFER_ENCODING} (M15). {@code message/global} may be encoded (RFC
 *       6532 §3.7): then it is a leaf without a defect.
 *   <li>A multipart without a usable boundary (missing, empty, longer than {@value BoundaryStack#MAX_BOUNDARY_LENGTH}
 *       bytes, with CR or LF, or undecodable bytes) is an opaque leaf with {@link Kind#MISSING_BOUNDARY} (M04).
 *   <li>A multipart or message at the depth limit is an opaque leaf with {@link Kind#DEPTH_LIMIT} (M03).
 * </ul>
 */
public final class EntityClassifier {
  private static final ContentType MESSAGE_RFC822 = ContentType.of("message", "rfc822");

  private final ContentType contentType;
  private final TransferEncoding transferEncoding;
  private final BodyKind bodyKind;
  private final byte[] boundary;

  private EntityClassifier(ContentType contentType, TransferEncoding transferEncoding, BodyKind bodyKind,
      byte[] boundary) {
    this.contentType = contentType;
    this.transferEncoding = transferEncoding;
    this.bodyKind = bodyKind;
    this.boundary = boundary;
  }

  /**
   * Classifies an entity.
   *
   * @param contentTypeField the first Content-Type field, or null
   * @param contentTypeCount how many there were
   * @param encodingField the first Content-Transfer-Encoding field, or null
   * @param encodingCount how many there were
   * @param inDigest whether the entity is a body part of a {@code multipart/digest}
   * @param atDepthLimit whether the entity is at {@code ParserLimits.maxDepth}
   * @param offset the offset reported with defects
   */
  public static EntityClassifier classify(Header contentTypeField, int contentTypeCount, Header encodingField,
      int encodingCount, boolean inDigest, boolean atDepthLimit, long offset, Consumer<MimeDefect> sink) {
    Consumer<MimeDefect> defects = d -> sink.accept(d.offset() >= 0 ? d : new MimeDefect(d.kind(), d.detail(), offset));
    ContentType type;
    if (contentTypeField == null) {
      type = inDigest ? MESSAGE_RFC822 : ContentType.DEFAULT;
    } else {
      if (contentTypeCount > 1) {
        defects.accept(new MimeDefect(Kind.DUPLICATE_HEADER, "more than one Content-Type; the first applies", offset));
      }
      type = ContentType.parse(contentTypeField.value(), defects);
    }
    TransferEncoding encoding = TransferEncoding.SEVEN_BIT;
    boolean knownEncoding = true;
    if (encodingField != null) {
      if (encodingCount > 1) {
        defects.accept(new MimeDefect(Kind.DUPLICATE_HEADER,
            "more than one Content-Transfer-Encoding; the first applies", offset));
      }
      String token = encodingField.value().trim();
      Optional<TransferEncoding> parsed = TransferEncoding.parse(token);
      if (parsed.isPresent()) {
        encoding = parsed.get();
      } else {
        knownEncoding = false;
        encoding = TransferEncoding.BINARY;
      }
    }
    boolean identity = knownEncoding && (encoding == TransferEncoding.SEVEN_BIT
        || encoding == TransferEncoding.EIGHT_BIT || encoding == TransferEncoding.BINARY);
    String mimeType = type.mimeType();
    boolean multipart = type.isMultipart();
    boolean message = type.is("message", "rfc822") || type.is("message", "global");
    if (!knownEncoding) {
      defects.accept(new MimeDefect(Kind.INVALID_TRANSFER_ENCODING,
          "unknown Content-Transfer-Encoding " + Escape.quoted(token(encodingField), 40) + "; read as binary",
          offset));
    }
    if (multipart) {
      if (!identity) {
        if (knownEncoding) {
          defects.accept(new MimeDefect(Kind.INVALID_TRANSFER_ENCODING,
              mimeType + " with Content-Transfer-Encoding " + encoding + "; kept as an opaque part", offset));
        }
        return leaf(type, encoding);
      }
      byte[] boundary = boundaryBytes(type);
      if (boundary == null) {
        defects.accept(new MimeDefect(Kind.MISSING_BOUNDARY,
            mimeType + " without a usable boundary parameter; kept as an opaque part", offset));
        return leaf(type, encoding);
      }
      if (atDepthLimit) {
        defects.accept(new MimeDefect(Kind.DEPTH_LIMIT, "nesting limit reached; " + mimeType + " kept opaque", offset));
        return leaf(type, encoding);
      }
      if (boundary.length > 70 || boundary[boundary.length - 1] == ' ') {
        defects.accept(new MimeDefect(Kind.INVALID_BOUNDARY,
            "boundary longer than 70 characters or ending with a space (RFC 2046 §5.1.1); accepted", offset));
      }
      return new EntityClassifier(type, encoding, BodyKind.MULTIPART, boundary);
    }
    if (message) {
      if (!identity) {
        if (knownEncoding && type.is("message", "rfc822")) {
          defects.accept(new MimeDefect(Kind.INVALID_TRANSFER_ENCODING,
              "message/rfc822 with Content-Transfer-Encoding " + encoding + "; kept as an opaque part", offset));
        }
        return leaf(type, encoding);
      }
      if (atDepthLimit) {
        defects.accept(new MimeDefect(Kind.DEPTH_LIMIT, "nesting limit reached; " + mimeType + " kept opaque", offset));
        return leaf(type, encoding);
      }
      return new EntityClassifier(type, encoding, BodyKind.MESSAGE, null);
    }
    return leaf(type, encoding);
  }

  private static EntityClassifier leaf(ContentType type, TransferEncoding encoding) {
    return new EntityClassifier(type, encoding, BodyKind.LEAF, null);
  }

  private static byte[] token(Header field) {
    return field.value().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] boundaryBytes(ContentType type) {
    String boundary = type.boundary().orElse("");
    if (boundary.isEmpty() || boundary.indexOf('\uFFFD') >= 0 || boundary.indexOf('\r') >= 0
        || boundary.indexOf('\n') >= 0) {
      return null;
    }
    byte[] bytes = boundary.getBytes(StandardCharsets.UTF_8);
    return bytes.length > BoundaryStack.MAX_BOUNDARY_LENGTH ? null : bytes;
  }

  /** The effective Content-Type. */
  public ContentType contentType() {
    return contentType;
  }

  /** The effective transfer encoding. */
  public TransferEncoding transferEncoding() {
    return transferEncoding;
  }

  /** How the body is read. */
  public BodyKind bodyKind() {
    return bodyKind;
  }

  /** For {@link BodyKind#MULTIPART}: the boundary's bytes. */
  public byte[] boundary() {
    return boundary;
  }
}
