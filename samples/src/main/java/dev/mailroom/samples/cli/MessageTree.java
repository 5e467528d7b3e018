package dev.mailroom.samples.cli;

import dev.mailroom.mime.ContentDisposition;
import dev.mailroom.mime.MessagePart;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeEntity;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MIME structure of a message as {@code mailroom parse} shows it: one {@link Node} per entity, each leaf's body
 * decoded once to count its bytes and hash them. The JSON shape is documented on {@link ParseCommand}.
 *
 * @param subject the RFC 2047 decoded Subject, or null without one
 * @param body the top-level entity
 */
record MessageTree(String subject, Node body) {

  /**
   * One MIME entity.
   *
   * @param contentType {@code type/subtype}, lower case, with the RFC 2045 §5.2 default
   * @param filename the sender's decoded file name (Content-Disposition {@code filename}, else Content-Type
   *     {@code name}), or null; never a safe path
   * @param attachment whether the sender meant a leaf as an attachment
   * @param size decoded bytes of a leaf; -1 for a multipart or message
   * @param sha256 lower-case hex SHA-256 of a leaf's decoded bytes; null for a multipart or message
   * @param parts the children of a multipart, else null
   * @param message the message inside a {@code message/*} entity, else null
   * @param defects what the parser tolerated in this entity (shown by the tree, not in the JSON)
   */
  record Node(String contentType, String filename, boolean attachment, long size, String sha256, List<Node> parts,
      MessageTree message, List<MimeDefect> defects) {

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("contentType", contentType);
      json.put("filename", filename);
      if (parts != null) {
        json.put("parts", parts.stream().map(Node::toJson).toList());
      } else if (message != null) {
        json.put("message", message.toJson());
      } else {
        json.put("size", size);
        json.put("sha256", sha256);
      }
      return json;
    }
  }

  /** Reads {@code message}'s structure, decoding every leaf body once. */
  static MessageTree of(MimeMessage message) throws IOException {
    return new MessageTree(message.subject().orElse(null), node(message.root()));
  }

  /** {@code {"subject": ..., "body": node}}. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subject", subject);
    json.put("body", body.toJson());
    return json;
  }

  private static Node node(MimeEntity entity) throws IOException {
    String type = entity.contentType().mimeType();
    String filename = filename(entity);
    if (entity instanceof Multipart multipart) {
      List<Node> parts = new ArrayList<>();
      for (MimeEntity part : multipart.parts()) {
        parts.add(node(part));
      }
      return new Node(type, filename, false, -1, null, List.copyOf(parts), null, multipart.defects());
    }
    if (entity instanceof MessagePart inner) {
      return new Node(type, filename, false, -1, null, null, of(inner.message()), inner.defects());
    }
    MimePart leaf = (MimePart) entity;
    MessageDigest sha256 = sha256();
    long size = 0;
    try (InputStream in = leaf.openDecoded()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        size += n;
      }
    }
    return new Node(type, filename, leaf.isAttachment(), size, HexFormat.of().formatHex(sha256.digest()), null,
        null, leaf.defects());
  }

  /** As {@link MimePart#filename()}, for any entity: a forwarded message or a multipart can carry a name too. */
  private static String filename(MimeEntity entity) {
    return entity.headers().value("Content-Disposition")
        .map(value -> ContentDisposition.parse(value, defect -> { }))
        .flatMap(ContentDisposition::filename)
        .or(() -> entity.contentType().parameter("name"))
        .orElse(null);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
