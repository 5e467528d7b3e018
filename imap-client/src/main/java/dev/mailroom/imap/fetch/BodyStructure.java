package dev.mailroom.imap.fetch;

import java.util.List;
import java.util.Map;

/**
 * A message's MIME structure from {@code BODYSTRUCTURE} (RFC 3501 §7.4.2), parsed with bounded nesting
 * (SECURITY.md I16). Extension data beyond what is modelled here is skipped.
 *
 * <pre>{@code
 * if (message.bodyStructure() instanceof BodyStructure.Multipart m) {
 *   System.out.println(m.subtype() + " with " + m.parts().size() + " parts");
 * }
 * }</pre>
 */
public sealed interface BodyStructure {
  /** The lower-case media type, such as {@code text/plain} or {@code multipart/mixed}. */
  String mediaType();

  /** A leaf part; {@code message} is set for {@code message/rfc822}. */
  record SinglePart(String type, String subtype, Map<String, String> parameters, String id, String description,
      String encoding, long size, long lines, Embedded message, Disposition disposition) implements BodyStructure {
    public SinglePart {
      parameters = Map.copyOf(parameters);
    }

    @Override
    public String mediaType() {
      return (type + "/" + subtype).toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A multipart: its parts in order. */
  record Multipart(List<BodyStructure> parts, String subtype, Map<String, String> parameters,
      Disposition disposition) implements BodyStructure {
    public Multipart {
      parts = List.copyOf(parts);
      parameters = Map.copyOf(parameters);
    }

    @Override
    public String mediaType() {
      return ("multipart/" + subtype).toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The envelope and structure of an embedded {@code message/rfc822}. */
  record Embedded(Envelope envelope, BodyStructure body) {
  }

  /** {@code Content-Disposition} (RFC 2183) as the extension data gives it. */
  record Disposition(String type, Map<String, String> parameters) {
    public Disposition {
      parameters = Map.copyOf(parameters);
    }
  }
}
