package dev.mailroom.imap.search;

/**
 * A THREAD algorithm (RFC 5256 §3; {@code REFS} from RFC 9051's registry), offered as {@code THREAD=name}.
 *
 * <pre>{@code
 * if (session.has(ThreadAlgorithm.REFERENCES.capability())) { ... }
 * }</pre>
 */
public enum ThreadAlgorithm {
  ORDEREDSUBJECT, REFERENCES, REFS;

  /** The capability advertising it. */
  public dev.mailroom.imap.Capability capability() {
    return dev.mailroom.imap.Capability.of("THREAD=" + name());
  }
}
