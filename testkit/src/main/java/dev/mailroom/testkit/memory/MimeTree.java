package dev.mailroom.testkit.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's own MIME structure reader (RFC 2045/2046) for BODYSTRUCTURE and part sections: each entity's header
 * and body offsets, content type and parameters, and its children for multipart and message/rfc822. Nesting is
 * bounded; a multipart without its boundary is treated as a leaf.
 */
final class MimeTree {
  private static final int MAX_DEPTH = 20;

  final byte[] bytes;
  final MessageText header;
  final int start;
  final int bodyStart;
  final int end;
  final String type;
  final String subtype;
  final Map<String, String> parameters;
  final List<MimeTree> children = new ArrayList<>();

  private MimeTree(byte[] bytes, int start, int end, boolean digestChild, int depth) {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    this.header = MessageText.of(bytes, start, end);
    this.bodyStart = Math.min(header.bodyOffset(), end);
    String contentType = header.header("Content-Type").orElse(digestChild ? "message/rfc822" : "text/plain");
    List<String> parts = MessageText.splitParameters(contentType);
    String[] typeParts = parts.get(0).toLowerCase(Locale.ROOT).split("/", 2);
    boolean valid = typeParts.length == 2 && !typeParts[0].isBlank() && !typeParts[1].isBlank();
    this.type = valid ? typeParts[0].strip() : "text";
    this.subtype = valid ? typeParts[1].strip() : "plain";
    this.parameters = new LinkedHashMap<>();
    for (int i = 1; i < parts.size(); i++) {
      int eq = parts.get(i).indexOf('=');
      if (eq > 0) {
        parameters.put(parts.get(i).substring(0, eq).strip().toLowerCase(Locale.ROOT),
            MessageText.unquote(parts.get(i).substring(eq + 1).strip()));
      }
    }
    if (!valid || (type.equals("text") && !parameters.containsKey("charset"))) {
      parameters.putIfAbsent("charset", "us-ascii");
    }
    if (depth < MAX_DEPTH) {
      if (type.equals("multipart") && parameters.containsKey("boundary")) {
        splitParts(parameters.get("boundary"), subtype.equals("digest"), depth);
      } else if (type.equals("message") && subtype.equals("rfc822")) {
        children.add(new MimeTree(bytes, bodyStart, end, false, depth + 1));
      }
    }
  }

  static MimeTree parse(byte[] bytes) {
    return new MimeTree(bytes, 0, bytes.length, false, 0);
  }

  private void splitParts(String boundary, boolean digest, int depth) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
    int partStart = -1;
    int i = bodyStart;
    while (i < end) {
      int lf = MessageText.indexOf(bytes, (byte) '\n', i, end);
      int lineEnd = lf < 0 ? end : lf + 1;
      if (startsWith(i, delimiter)) {
        int after = i + delimiter.length;
        boolean close = after + 1 < end && bytes[after] == '-' && bytes[after + 1] == '-';
        if (partStart >= 0) {
          int partEnd = i;
          if (partEnd > partStart && bytes[partEnd - 1] == '\n') {
            partEnd--;
            if (partEnd > partStart && bytes[partEnd - 1] == '\r') {
              partEnd--;
            }
          }
          children.add(new MimeTree(bytes, partStart, Math.max(partStart, partEnd), digest, depth + 1));
        }
        if (close) {
          return;
        }
        partStart = lineEnd;
      }
      i = lineEnd;
    }
    if (partStart >= 0 && partStart < end) {
      children.add(new MimeTree(bytes, partStart, end, digest, depth + 1));
    }
  }

  private boolean startsWith(int at, byte[] prefix) {
    if (at + prefix.length > end) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (bytes[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  boolean isMultipart() {
    return type.equals("multipart") && !children.isEmpty();
  }

  boolean isMessage() {
    return type.equals("message") && subtype.equals("rfc822") && !children.isEmpty();
  }

  /** Part {@code path} (1-based numbers, RFC 3501 §6.4.5); a non-multipart's part 1 is itself. */
  Optional<MimeTree> part(List<Integer> path) {
    MimeTree node = this;
    for (int number : path) {
      // below the top level, a message/rfc822 part's numbers address its encapsulated message (RFC 3501 §6.4.5)
      MimeTree container = node != this && node.isMessage() ? node.children.get(0) : node;
      if (container.isMultipart()) {
        if (number < 1 || number > container.children.size()) {
          return Optional.empty();
        }
        node = container.children.get(number - 1);
      } else if (number == 1) {
        node = container;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  int bodySize() {
    return end - bodyStart;
  }

  /** The number of line ends in the body (a last line without one is not counted, as in Dovecot). */
  int bodyLines() {
    int lines = 0;
    for (int i = bodyStart; i < end; i++) {
      if (bytes[i] == '\n') {
        lines++;
      }
    }
    return lines;
  }

  byte[] slice(int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }
}
