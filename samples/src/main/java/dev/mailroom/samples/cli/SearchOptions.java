package dev.mailroom.samples.cli;

import dev.mailroom.imap.search.SearchCriteria;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The IMAP search filter of {@code mailroom fetch}: a few typed options, each mapped onto one
 * {@link SearchCriteria} key and combined with AND. The text goes to the server as a quoted string or literal
 * through the SDK's encoder, never pasted into a command, so it cannot inject one (SECURITY.md I04).
 */
final class SearchOptions {
  @Option(names = "--since", paramLabel = "DATE", description = "IMAP: only messages received on or after DATE "
      + "(yyyy-mm-dd; SEARCH SINCE).")
  LocalDate since;

  @Option(names = "--before", paramLabel = "DATE", description = "IMAP: only messages received before DATE "
      + "(SEARCH BEFORE).")
  LocalDate before;

  @Option(names = "--from", paramLabel = "TEXT", description = "IMAP: only messages whose From contains TEXT.")
  String from;

  @Option(names = "--subject", paramLabel = "TEXT", description = "IMAP: only messages whose Subject contains "
      + "TEXT.")
  String subject;

  @Option(names = "--unseen", description = "IMAP: only messages without the \\Seen flag.")
  boolean unseen;

  /** The filter, or {@code ALL} when no option was given. */
  SearchCriteria criteria() {
    List<SearchCriteria> keys = new ArrayList<>();
    if (since != null) {
      keys.add(SearchCriteria.since(since));
    }
    if (before != null) {
      keys.add(SearchCriteria.before(before));
    }
    if (from != null) {
      keys.add(SearchCriteria.from(from));
    }
    if (subject != null) {
      keys.add(SearchCriteria.subject(subject));
    }
    if (unseen) {
      keys.add(SearchCriteria.unseen());
    }
    return keys.isEmpty() ? SearchCriteria.all()
        : keys.size() == 1 ? keys.get(0) : SearchCriteria.and(keys.toArray(SearchCriteria[]::new));
  }

  /** Whether any filter option was given. */
  boolean given() {
    return since != null || before != null || from != null || subject != null || unseen;
  }
}
