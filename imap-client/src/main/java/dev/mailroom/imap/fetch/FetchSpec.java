package dev.mailroom.imap.fetch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a FETCH asks for: a set of {@link FetchItem}s, built with {@link #builder()}, and the RFC 7162 modifiers. A
 * UID FETCH always gets the UID (RFC 3501 §6.4.8); a FETCH gets it when asked.
 *
 * <pre>{@code
 * FetchSpec spec = FetchSpec.builder().flags().uid().size().body(BodySection.whole().asPeek()).build();
 * // only what changed since mod-sequence 9000, and which UIDs were expunged since (QRESYNC, UID FETCH only):
 * FetchSpec changes = FetchSpec.builder().uid().flags().modSeq().changedSince(9000).vanished().build();
 * }</pre>
 *
 * @param items the data items
 * @param changedSince the {@code CHANGEDSINCE} modifier (RFC 7162 §3.1.4.2): only messages whose mod-sequence is
 *     greater; it implies {@code MODSEQ} in every response
 * @param vanished the {@code VANISHED} modifier (RFC 7162 §3.2.6): with {@code changedSince} on a UID FETCH, the
 *     server also reports the UIDs in the set expunged since, as {@code VANISHED (EARLIER)}
 */
public record FetchSpec(List<FetchItem> items, OptionalLong changedSince, boolean vanished) {
  public FetchSpec {
    items = List.copyOf(new LinkedHashSet<>(items));
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a FETCH needs at least one item");
    }
    if (changedSince.isPresent() && changedSince.getAsLong() < 1) {
      throw new IllegalArgumentException("CHANGEDSINCE needs a mod-sequence of at least 1");
    }
    if (vanished && changedSince.isEmpty()) {
      throw new IllegalArgumentException("VANISHED needs CHANGEDSINCE (RFC 7162 §3.2.6)");
    }
  }

  /** The items without modifiers. */
  public FetchSpec(List<FetchItem> items) {
    this(items, OptionalLong.empty(), false);
  }

  /** Whether the FETCH needs CONDSTORE (MODSEQ asked or CHANGEDSINCE given). */
  public boolean usesModSeq() {
    return changedSince.isPresent() || items.contains(FetchItem.MODSEQ);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The body sections asked for. */
  public List<BodySection> sections() {
    List<BodySection> s = new ArrayList<>();
    for (FetchItem i : items) {
      if (i instanceof FetchItem.Body b) {
        s.add(b.section());
      }
    }
    return s;
  }

  /** Builds a {@link FetchSpec}. */
  public static final class Builder {
    private final Set<FetchItem> items = new LinkedHashSet<>();
    private OptionalLong changedSince = OptionalLong.empty();
    private boolean vanished;

    private Builder() { }

    /** {@code MODSEQ} (RFC 7162). */
    public Builder modSeq() {
      return item(FetchItem.MODSEQ);
    }

    /** The {@code CHANGEDSINCE modseq} modifier. */
    public Builder changedSince(long modSeq) {
      changedSince = OptionalLong.of(modSeq);
      return this;
    }

    /** The {@code VANISHED} modifier (needs QRESYNC enabled and {@link #changedSince}; UID FETCH only). */
    public Builder vanished() {
      vanished = true;
      return this;
    }

    public Builder flags() {
      return item(FetchItem.FLAGS);
    }

    public Builder uid() {
      return item(FetchItem.UID);
    }

    public Builder internalDate() {
      return item(FetchItem.INTERNALDATE);
    }

    public Builder size() {
      return item(FetchItem.RFC822_SIZE);
    }

    public Builder envelope() {
      return item(FetchItem.ENVELOPE);
    }

    public Builder bodyStructure() {
      return item(FetchItem.BODYSTRUCTURE);
    }

    public Builder body(BodySection section) {
      return item(new FetchItem.Body(section));
    }

    /** {@code BINARY.PEEK[part]} (RFC 3516): the part decoded by the server, without setting {@code \Seen}. */
    public Builder binary(String part) {
      return item(FetchItem.binary(part, true));
    }

    /** {@code BINARY.SIZE[part]} (RFC 3516). */
    public Builder binarySize(String part) {
      return item(FetchItem.binarySize(part));
    }

    /** {@code PREVIEW} (RFC 8970). */
    public Builder preview() {
      return item(FetchItem.PREVIEW);
    }

    public Builder item(FetchItem item) {
      items.add(item);
      return this;
    }

    public FetchSpec build() {
      return new FetchSpec(new ArrayList<>(items), changedSince, vanished);
    }
  }
}
