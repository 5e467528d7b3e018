package dev.mailroom.imap.fetch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a FETCH asks for: a set of {@link FetchItem}s, built with {@link #builder()}. A UID FETCH always gets the UID
 * (RFC 3501 §6.4.8); a FETCH gets it when asked.
 *
 * <pre>{@code
 * FetchSpec spec = FetchSpec.builder().flags().uid().size().body(BodySection.whole().asPeek()).build();
 * }</pre>
 */
public record FetchSpec(List<FetchItem> items) {
  public FetchSpec {
    items = List.copyOf(new LinkedHashSet<>(items));
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a FETCH needs at least one item");
    }
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

    private Builder() { }

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

    public Builder item(FetchItem item) {
      items.add(item);
      return this;
    }

    public FetchSpec build() {
      return new FetchSpec(new ArrayList<>(items));
    }
  }
}
