package dev.mailroom.imap;

import java.util.List;

/**
 * The {@code NAMESPACE} response (RFC 2342): personal, other users' and shared namespaces.
 *
 * <pre>{@code
 * Namespaces ns = session.namespace().await();
 * String prefix = ns.personal().isEmpty() ? "" : ns.personal().get(0).prefix();
 * }</pre>
 */
public record Namespaces(List<Namespace> personal, List<Namespace> otherUsers, List<Namespace> shared) {
  public Namespaces {
    personal = List.copyOf(personal);
    otherUsers = List.copyOf(otherUsers);
    shared = List.copyOf(shared);
  }

  /** One namespace: its prefix and hierarchy delimiter (null if flat). */
  public record Namespace(String prefix, Character delimiter) {
  }
}
