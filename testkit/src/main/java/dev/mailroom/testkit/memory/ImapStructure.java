package dev.mailroom.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ENVELOPE and BODY/BODYSTRUCTURE (RFC 3501 §7.4.2) from the server's own header and MIME readers. Address lists are
 * split at commas outside quotes, comments and angle brackets; groups get RFC 3501's start and end markers. Types,
 * subtypes, encodings and parameter names are lower case, as Dovecot sends them.
 */
final class ImapStructure {
  private ImapStructure() {
  }

  static void envelope(ImapResponse r, MessageText h) {
    r.raw("(");
    r.nstring(h.header("Date").orElse(null)).raw(" ");
    r.nstring(h.header("Subject").orElse(null)).raw(" ");
    Optional<String> from = h.header("From");
    addresses(r, from);
    r.raw(" ");
    addresses(r, h.header("Sender").or(() -> from));
    r.raw(" ");
    addresses(r, h.header("Reply-To").or(() -> from));
    for (String field : List.of("To", "Cc", "Bcc")) {
      r.raw(" ");
      addresses(r, h.header(field));
    }
    r.raw(" ");
    r.nstring(h.header("In-Reply-To").orElse(null)).raw(" ");
    r.nstring(h.header("Message-ID").orElse(null)).raw(")");
  }

  private static void addresses(ImapResponse r, Optional<String> field) {
    List<String[]> list = field.map(ImapStructure::parseAddresses).orElse(List.of());
    if (list.isEmpty()) {
      r.raw("NIL");
      return;
    }
    r.raw("(");
    for (String[] a : list) {
      r.raw("(").nstring(a[0]).raw(" NIL ").nstring(a[1]).raw(" ").nstring(a[2]).raw(")");
    }
    r.raw(")");
  }

  /**
   * Each address as {display name or null, local part, domain or null}; a group becomes a start marker
   * {null, group name, null}, its members and an end marker {null, null, null} (RFC 3501 §7.4.2).
   */
  static List<String[]> parseAddresses(String value) {
    List<String[]> result = new ArrayList<>();
    for (String item : splitTopLevel(value)) {
      String a = item.strip();
      int colon = a.indexOf(':');
      boolean group = colon >= 0 && !a.startsWith("\"") && (a.indexOf('<') < 0 || colon < a.indexOf('<'));
      if (group) {
        result.add(new String[] {null, a.substring(0, colon).strip(), null});
        a = a.substring(colon + 1).strip();
      }
      boolean groupEnd = a.endsWith(";");
      if (groupEnd) {
        a = a.substring(0, a.length() - 1).strip();
      }
      if (!a.isEmpty()) {
        result.add(mailbox(a));
      }
      if (groupEnd) {
        result.add(new String[] {null, null, null});
      }
    }
    return result;
  }

  private static String[] mailbox(String a) {
    String name = null;
    String spec = a;
    int lt = a.lastIndexOf('<');
    int gt = a.lastIndexOf('>');
    if (lt >= 0 && gt > lt) {
      spec = a.substring(lt + 1, gt).strip();
      String display = a.substring(0, lt).strip();
      name = display.isEmpty() ? null : MessageText.unquote(display);
    } else {
      spec = spec.replaceAll("\\(.*\\)", "").strip();
    }
    int at = spec.lastIndexOf('@');
    return new String[] {name, at < 0 ? spec : spec.substring(0, at), at < 0 ? null : spec.substring(at + 1)};
  }

  private static List<String> splitTopLevel(String value) {
    List<String> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int angle = 0;
    int comment = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
        continue;
      }
      if (c == '"' && comment == 0) {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '(') {
          comment++;
        } else if (c == ')' && comment > 0) {
          comment--;
        } else if (c == '<') {
          angle++;
        } else if (c == '>' && angle > 0) {
          angle--;
        } else if (c == ',' && angle == 0 && comment == 0) {
          items.add(current.toString());
          current.setLength(0);
          continue;
        }
      }
      current.append(c);
    }
    items.add(current.toString());
    return items;
  }

  static void body(ImapResponse r, MimeTree node, boolean extended) {
    r.raw("(");
    if (node.isMultipart()) {
      for (MimeTree child : node.children) {
        body(r, child, extended);
      }
      r.raw(" ").string(node.subtype);
      if (extended) {
        r.raw(" ");
        parameters(r, node.parameters);
        r.raw(" ");
        disposition(r, node.header);
        r.raw(" NIL NIL");
      }
      r.raw(")");
      return;
    }
    r.string(node.type).raw(" ").string(node.subtype).raw(" ");
    parameters(r, node.parameters);
    r.raw(" ").nstring(node.header.header("Content-ID").orElse(null));
    r.raw(" ").nstring(node.header.header("Content-Description").orElse(null));
    r.raw(" ").string(node.header.header("Content-Transfer-Encoding").orElse("7bit").toLowerCase(Locale.ROOT));
    r.raw(" " + node.bodySize());
    if (node.isMessage()) {
      MimeTree inner = node.children.get(0);
      r.raw(" ");
      envelope(r, inner.header);
      r.raw(" ");
      body(r, inner, extended);
      r.raw(" " + node.bodyLines());
    } else if (node.type.equals("text")) {
      r.raw(" " + node.bodyLines());
    }
    if (extended) {
      r.raw(" NIL ");
      disposition(r, node.header);
      r.raw(" NIL NIL");
    }
    r.raw(")");
  }

  private static void parameters(ImapResponse r, Map<String, String> parameters) {
    List<Map.Entry<String, String>> shown = List.copyOf(parameters.entrySet());
    if (shown.isEmpty()) {
      r.raw("NIL");
      return;
    }
    r.raw("(");
    boolean first = true;
    for (Map.Entry<String, String> e : shown) {
      if (!first) {
        r.raw(" ");
      }
      first = false;
      r.string(e.getKey()).raw(" ").string(e.getValue());
    }
    r.raw(")");
  }

  private static void disposition(ImapResponse r, MessageText header) {
    Optional<String> value = header.header("Content-Disposition");
    if (value.isEmpty()) {
      r.raw("NIL");
      return;
    }
    List<String> parts = MessageText.splitParameters(value.get());
    r.raw("(").string(parts.get(0).toLowerCase(Locale.ROOT)).raw(" ");
    if (parts.size() == 1) {
      r.raw("NIL)");
      return;
    }
    r.raw("(");
    for (int i = 1; i < parts.size(); i++) {
      int eq = parts.get(i).indexOf('=');
      if (eq <= 0) {
        continue;
      }
      if (i > 1) {
        r.raw(" ");
      }
      r.string(parts.get(i).substring(0, eq).strip().toLowerCase(Locale.ROOT)).raw(" ")
          .string(MessageText.unquote(parts.get(i).substring(eq + 1).strip()));
    }
    r.raw("))");
  }
}
