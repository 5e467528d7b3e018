package dev.mailroom.imap;

import dev.mailroom.imap.fetch.FetchItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code NOTIFY SET} asks the server to report (RFC 5465 §3, §8): groups of mailboxes, each with the events to
 * report, and whether to start with a STATUS of each. Events for mailboxes other than the selected one arrive as
 * unsolicited STATUS or LIST responses ({@link UnsolicitedListener#mailboxStatus}, {@link
 * UnsolicitedListener#mailboxListed}); for the selected one as EXISTS, EXPUNGE and FETCH.
 *
 * <pre>{@code
 * NotifySpec spec = NotifySpec.builder().status(true)
 *     .group(NotifySpec.Filter.SELECTED, NotifySpec.Event.MESSAGE_NEW, NotifySpec.Event.MESSAGE_EXPUNGE,
 *         NotifySpec.Event.FLAG_CHANGE)
 *     .mailboxes(List.of(MailboxName.of("Work"), MailboxName.of("Lists")), NotifySpec.Event.MESSAGE_NEW,
 *         NotifySpec.Event.MESSAGE_EXPUNGE)
 *     .build();
 * session.notify(spec).await();
 * }</pre>
 *
 * @param status whether the server first sends a STATUS of every non-selected mailbox named
 * @param groups the event groups
 */
public record NotifySpec(boolean status, List<Group> groups) {
  /** {@code filter-mailboxes}. */
  public enum Filter {
    SELECTED("selected"), SELECTED_DELAYED("selected-delayed"), INBOXES("inboxes"), PERSONAL("personal"),
    SUBSCRIBED("subscribed"), SUBTREE("subtree"), MAILBOXES("mailboxes");

    private final String wire;

    Filter(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** Whether the filter names mailboxes ({@code subtree}, {@code mailboxes}). */
    public boolean namesMailboxes() {
      return this == SUBTREE || this == MAILBOXES;
    }
  }

  /** {@code event} (RFC 5465 §5). */
  public enum Event {
    MESSAGE_NEW("MessageNew"), MESSAGE_EXPUNGE("MessageExpunge"), FLAG_CHANGE("FlagChange"),
    ANNOTATION_CHANGE("AnnotationChange"), MAILBOX_NAME("MailboxName"), SUBSCRIPTION_CHANGE("SubscriptionChange"),
    MAILBOX_METADATA_CHANGE("MailboxMetadataChange"), SERVER_METADATA_CHANGE("ServerMetadataChange");

    private final String wire;

    Event(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /**
   * One {@code event-group}.
   *
   * @param filter which mailboxes
   * @param mailboxes the mailboxes of {@code subtree}/{@code mailboxes}, else empty
   * @param events what to report; empty is {@code NONE}
   * @param newMessageItems FETCH items sent with each {@code MessageNew} in the selected mailbox
   */
  public record Group(Filter filter, List<MailboxName> mailboxes, Set<Event> events,
      List<FetchItem> newMessageItems) {
    public Group {
      Objects.requireNonNull(filter, "filter");
      mailboxes = List.copyOf(mailboxes);
      events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
      newMessageItems = List.copyOf(newMessageItems);
      if (filter.namesMailboxes() == mailboxes.isEmpty()) {
        throw new IllegalArgumentException(filter.wire() + (mailboxes.isEmpty() ? " needs mailboxes"
            : " takes no mailboxes"));
      }
      // RFC 5465 §5: MessageNew and MessageExpunge come together; FlagChange and AnnotationChange need both.
      boolean added = events.contains(Event.MESSAGE_NEW);
      boolean removed = events.contains(Event.MESSAGE_EXPUNGE);
      if (added != removed || (events.contains(Event.FLAG_CHANGE) || events.contains(Event.ANNOTATION_CHANGE))
          && !added) {
        throw new IllegalArgumentException("MessageNew and MessageExpunge go together, and FlagChange or "
            + "AnnotationChange need both (RFC 5465 §5)");
      }
      if (!newMessageItems.isEmpty() && (!added || filter != Filter.SELECTED && filter != Filter.SELECTED_DELAYED)) {
        throw new IllegalArgumentException("FETCH items with MessageNew only for the selected mailbox (§5.2)");
      }
    }
  }

  public NotifySpec {
    groups = List.copyOf(groups);
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("NOTIFY SET needs an event group; use NOTIFY NONE to stop");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NotifySpec}. */
  public static final class Builder {
    private boolean status;
    private final List<Group> groups = new ArrayList<>();

    private Builder() { }

    /** Start with a STATUS of each non-selected mailbox (the {@code STATUS} indicator). */
    public Builder status(boolean value) {
      status = value;
      return this;
    }

    /** A group without mailbox names ({@code selected}, {@code inboxes}, {@code personal}, {@code subscribed}). */
    public Builder group(Filter filter, Event... events) {
      groups.add(new Group(filter, List.of(), Set.of(events), List.of()));
      return this;
    }

    /** {@code (mailboxes (names) (events))}. */
    public Builder mailboxes(List<MailboxName> mailboxes, Event... events) {
      groups.add(new Group(Filter.MAILBOXES, mailboxes, Set.of(events), List.of()));
      return this;
    }

    /** {@code (subtree (names) (events))}: these mailboxes and all below them. */
    public Builder subtree(List<MailboxName> mailboxes, Event... events) {
      groups.add(new Group(Filter.SUBTREE, mailboxes, Set.of(events), List.of()));
      return this;
    }

    /** Any group. */
    public Builder group(Group group) {
      groups.add(Objects.requireNonNull(group, "group"));
      return this;
    }

    public NotifySpec build() {
      return new NotifySpec(status, groups);
    }
  }
}
