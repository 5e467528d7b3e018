package dev.mailroom.imap;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * LIST-EXTENDED options (RFC 5258 §3): which mailboxes to select and what to return, including their STATUS
 * (LIST-STATUS, RFC 5819) and special-use attributes (RFC 6154 §5). Built with {@link #builder()}.
 *
 * <pre>{@code
 * ListOptions o = ListOptions.builder().select(ListOptions.Selection.SUBSCRIBED)
 *     .returning(ListOptions.Return.CHILDREN).status(StatusItem.MESSAGES, StatusItem.UNSEEN).build();
 * List<ListEntry> boxes = session.list("", List.of("*"), o).await();
 * }</pre>
 *
 * @param selection the selection options
 * @param returns the return options (besides STATUS)
 * @param status the STATUS items to return for each mailbox (needs LIST-STATUS), empty for none
 */
public record ListOptions(Set<Selection> selection, Set<Return> returns, List<MailboxStatus.StatusItem> status) {
  /** {@code list-select-opt}. */
  public enum Selection {
    SUBSCRIBED("SUBSCRIBED"), REMOTE("REMOTE"), RECURSIVEMATCH("RECURSIVEMATCH"),
    /** RFC 6154 §5.2: only mailboxes with a special use. */
    SPECIAL_USE("SPECIAL-USE");

    private final String wire;

    Selection(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** {@code return-option}. */
  public enum Return {
    SUBSCRIBED("SUBSCRIBED"), CHILDREN("CHILDREN"),
    /** RFC 6154 §5.1: include the special-use attributes. */
    SPECIAL_USE("SPECIAL-USE");

    private final String wire;

    Return(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  public ListOptions {
    selection = Set.copyOf(selection);
    returns = Set.copyOf(returns);
    status = List.copyOf(status);
    if (selection.contains(Selection.RECURSIVEMATCH) && selection.size() == 1) {
      throw new IllegalArgumentException("RECURSIVEMATCH needs another selection option (RFC 5258 §3.1)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ListOptions}. */
  public static final class Builder {
    private final Set<Selection> selection = EnumSet.noneOf(Selection.class);
    private final Set<Return> returns = EnumSet.noneOf(Return.class);
    private List<MailboxStatus.StatusItem> status = List.of();

    private Builder() { }

    public Builder select(Selection... options) {
      selection.addAll(List.of(options));
      return this;
    }

    public Builder returning(Return... options) {
      returns.addAll(List.of(options));
      return this;
    }

    /** {@code RETURN (STATUS (items))} (RFC 5819). */
    public Builder status(MailboxStatus.StatusItem... items) {
      status = List.of(items);
      return this;
    }

    public ListOptions build() {
      return new ListOptions(selection, returns, status);
    }
  }

  @Override
  public String toString() {
    return "ListOptions[select=" + selection + ", return=" + returns + ", status=" + status + "]";
  }
}
