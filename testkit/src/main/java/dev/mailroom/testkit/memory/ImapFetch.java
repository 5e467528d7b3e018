package dev.mailroom.testkit.memory;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FETCH items (RFC 3501 §6.4.5, §7.4.2): parsing the request's items and writing one message's FETCH response. Body
 * sections cover {@code []}, HEADER, TEXT, MIME, HEADER.FIELDS[.NOT], part numbers and partial {@code <o.n>}.
 */
final class ImapFetch {
  private static final Pattern SECTION =
      Pattern.compile("(BODY|BODY\\.PEEK)\\[([^\\]]*)\\](?:<([0-9]{1,10})\\.([0-9]{1,10})>)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PART_PATH = Pattern.compile("^((?:[0-9]+\\.)*[0-9]+)(?:\\.|$)");
  private static final DateTimeFormatter INTERNALDATE =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * One requested item.
   *
   * @param name UID, FLAGS, INTERNALDATE, RFC822.SIZE, ENVELOPE, BODYSTRUCTURE, BODY, RFC822, RFC822.HEADER,
   *     RFC822.TEXT or SECTION
   * @param section for SECTION: the text between the brackets as requested
   * @param peek BODY.PEEK (does not set \Seen)
   * @param partialStart the partial origin, or -1
   * @param partialLength the partial length
   */
  record Item(String name, String section, boolean peek, long partialStart, long partialLength) {
    boolean setsSeen() {
      return (name.equals("SECTION") && !peek) || name.equals("RFC822") || name.equals("RFC822.TEXT");
    }
  }

  private ImapFetch() {
  }

  static List<Item> parseItems(ImapArgs args, boolean uid) throws ImapArgs.BadException {
    List<String> names = args.listOrAtom();
    List<Item> items = new ArrayList<>();
    if (uid) {
      items.add(new Item("UID", null, false, -1, 0));
    }
    for (String raw : names) {
      String upper = raw.toUpperCase(Locale.ROOT);
      switch (upper) {
        case "ALL", "FAST", "FULL" -> {
          for (String n : List.of("FLAGS", "INTERNALDATE", "RFC822.SIZE")) {
            items.add(new Item(n, null, false, -1, 0));
          }
          if (!upper.equals("FAST")) {
            items.add(new Item("ENVELOPE", null, false, -1, 0));
          }
          if (upper.equals("FULL")) {
            items.add(new Item("BODY", null, false, -1, 0));
          }
        }
        case "UID" -> {
          if (!uid) {
            items.add(new Item("UID", null, false, -1, 0));
          }
        }
        case "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE", "BODY", "RFC822",
            "RFC822.HEADER", "RFC822.TEXT" -> items.add(new Item(upper, null, false, -1, 0));
        default -> {
          Matcher m = SECTION.matcher(raw);
          if (!m.matches()) {
            throw new ImapArgs.BadException("unknown FETCH item " + raw);
          }
          long start = m.group(3) == null ? -1 : Long.parseLong(m.group(3));
          long length = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
          items.add(new Item("SECTION", m.group(2), m.group(1).length() > 4, start, length));
        }
      }
    }
    return items;
  }

  static void write(LineChannel channel, int seq, StoredMessage message, List<Item> items, boolean addFlags)
      throws IOException {
    byte[] bytes = message.bytes();
    MimeTree tree = null;
    ImapResponse r = new ImapResponse("* " + seq + " FETCH (");
    List<Item> all = new ArrayList<>(items);
    if (addFlags) {
      all.add(new Item("FLAGS", null, false, -1, 0));
    }
    boolean first = true;
    for (Item item : all) {
      if (!first) {
        r.raw(" ");
      }
      first = false;
      switch (item.name()) {
        case "UID" -> r.raw("UID " + message.uid());
        case "FLAGS" -> r.raw("FLAGS ").atoms(message.flags());
        case "INTERNALDATE" -> r.raw("INTERNALDATE \"" + INTERNALDATE.format(message.internalDate()) + "\"");
        case "RFC822.SIZE" -> r.raw("RFC822.SIZE " + bytes.length);
        case "ENVELOPE" -> {
          r.raw("ENVELOPE ");
          ImapStructure.envelope(r, MessageText.of(bytes));
        }
        case "BODYSTRUCTURE", "BODY" -> {
          tree = tree == null ? MimeTree.parse(bytes) : tree;
          r.raw(item.name() + " ");
          ImapStructure.body(r, tree, item.name().equals("BODYSTRUCTURE"));
        }
        case "RFC822" -> r.raw("RFC822 ").literal(bytes);
        case "RFC822.HEADER" -> r.raw("RFC822.HEADER ").literal(Arrays.copyOf(bytes,
            MessageText.of(bytes).bodyOffset()));
        case "RFC822.TEXT" -> {
          int body = MessageText.of(bytes).bodyOffset();
          r.raw("RFC822.TEXT ").literal(Arrays.copyOfRange(bytes, body, bytes.length));
        }
        default -> {
          tree = tree == null ? MimeTree.parse(bytes) : tree;
          byte[] data = section(tree, item.section()).orElse(new byte[0]); // a missing part is empty, as in Dovecot
          String origin = "";
          if (item.partialStart() >= 0) {
            int from = (int) Math.min(item.partialStart(), data.length);
            int to = (int) Math.min((long) from + item.partialLength(), data.length);
            data = Arrays.copyOfRange(data, from, to);
            origin = "<" + item.partialStart() + ">";
          }
          // the section is echoed upper case, field names included, as Dovecot does
          r.raw("BODY[" + item.section().toUpperCase(Locale.ROOT) + "]" + origin + " ").literal(data);
        }
      }
    }
    r.raw(")").send(channel);
  }

  /** The bytes of a section, or empty if the part does not exist. */
  static Optional<byte[]> section(MimeTree root, String section) {
    List<Integer> path = new ArrayList<>();
    String rest = section;
    Matcher m = PART_PATH.matcher(section);
    if (m.find()) {
      for (String n : m.group(1).split("\\.")) {
        path.add(Integer.parseInt(n));
      }
      rest = section.substring(m.end());
    }
    Optional<MimeTree> found = path.isEmpty() ? Optional.of(root) : root.part(path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MimeTree node = found.get();
    String keyword = rest.toUpperCase(Locale.ROOT);
    if (!path.isEmpty()) {
      if (keyword.isEmpty()) {
        return Optional.of(node.slice(node.bodyStart, node.end));
      }
      if (keyword.equals("MIME")) {
        return Optional.of(node.slice(node.start, node.bodyStart));
      }
      if (!node.isMessage()) {
        return Optional.empty();
      }
      node = node.children.get(0);
    }
    if (keyword.isEmpty()) {
      return Optional.of(node.slice(node.start, node.end));
    }
    if (keyword.equals("HEADER")) {
      return Optional.of(node.slice(node.start, node.bodyStart));
    }
    if (keyword.equals("TEXT")) {
      return Optional.of(node.slice(node.bodyStart, node.end));
    }
    if (keyword.startsWith("HEADER.FIELDS")) {
      boolean not = keyword.startsWith("HEADER.FIELDS.NOT");
      int open = rest.indexOf('(');
      int close = rest.lastIndexOf(')');
      if (open < 0 || close < open) {
        return Optional.empty();
      }
      List<String> names = Arrays.stream(rest.substring(open + 1, close).trim().split(" +"))
          .map(MessageText::unquote).toList();
      return Optional.of(node.header.selectedFields(names, not));
    }
    return Optional.empty();
  }
}
