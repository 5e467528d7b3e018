package dev.mailroom.mime;

import dev.mailroom.mime.internal.AddressParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An address list (RFC 5322 §3.4: From, To, Cc, Bcc, Reply-To...): mailboxes and groups in order.
 *
 * <pre>{@code
 * AddressList to = AddressList.parse(headers.value("To").orElse(""), defects::add);
 * for (MailboxAddress m : to.mailboxes()) { m.address(); }   // groups flattened
 * }</pre>
 *
 * @param addresses the elements in order
 */
public record AddressList(List<Address> addresses) {
  /** The empty list. */
  public static final AddressList EMPTY = new AddressList(List.of());

  public AddressList {
    addresses = List.copyOf(addresses);
  }

  /** A list of these addresses. */
  public static AddressList of(Address... addresses) {
    return new AddressList(List.of(addresses));
  }

  /**
   * Parses an address list leniently but exactly (SECURITY.md M02): comments (nested), quoted strings, RFC 2047
   * display names, RFC 6532 UTF-8, and the obsolete forms (routes {@code <@a,@b:x@y>}, white space around dots,
   * empty elements such as trailing commas, dots in phrases). An element that cannot be read exactly is left out and
   * reported as {@code INVALID_ADDRESS}, quoting it; the others are kept. Two readings are taken with a defect: a
   * missing {@code >} at the very end of the field, and {@code Name local@domain} without angle brackets. A bare
   * {@code local@domain (Name)} takes the comment as display name. Linear in the input.
   */
  public static AddressList parse(String value, Consumer<MimeDefect> defects) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(defects, "defects");
    return new AddressList(AddressParser.parseList(value, defects));
  }

  /** {@link #parse(String, Consumer)} ignoring defects. */
  public static AddressList parse(String value) {
    return parse(value, d -> { });
  }

  /** Every mailbox, groups flattened, in order. */
  public List<MailboxAddress> mailboxes() {
    List<MailboxAddress> all = new ArrayList<>();
    for (Address a : addresses) {
      all.addAll(a.mailboxes());
    }
    return List.copyOf(all);
  }

  public boolean isEmpty() {
    return addresses.isEmpty();
  }

  public int size() {
    return addresses.size();
  }

  /** Each element as header text, to be joined by {@code ", "} (folding after a comma where needed). */
  public List<String> toHeaderValueParts() {
    return addresses.stream().map(Address::toHeaderValue).toList();
  }

  /** The list as header text on one line. */
  public String toHeaderValue() {
    return String.join(", ", toHeaderValueParts());
  }

  @Override
  public String toString() {
    return addresses.toString();
  }
}
