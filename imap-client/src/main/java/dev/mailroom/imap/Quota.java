package dev.mailroom.imap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One quota root and its resources (RFC 9208 §5.1 {@code * QUOTA}): usage and limit per resource, such as
 * {@code STORAGE} in units of 1024 octets or {@code MESSAGE} in messages.
 *
 * <pre>{@code
 * for (Quota q : session.quotaRoot(MailboxName.INBOX).await().quotas()) {
 *   q.resource("STORAGE").ifPresent(r -> System.out.println(r.usage() + " of " + r.limit() + " KiB"));
 * }
 * }</pre>
 *
 * @param root the quota root's name ({@code ""} is common)
 * @param resources its resources in the server's order
 */
public record Quota(String root, List<Resource> resources) {
  public Quota {
    Objects.requireNonNull(root, "root");
    resources = List.copyOf(resources);
  }

  /** The named resource (case-insensitive), if the server reported it. */
  public Optional<Resource> resource(String name) {
    return resources.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * A resource's usage and limit (RFC 9208 §5.1 {@code quota-resource}).
   *
   * @param name such as {@code STORAGE}, {@code MESSAGE}, {@code MAILBOX}, {@code ANNOTATION-STORAGE}
   * @param usage what is used
   * @param limit the limit
   */
  public record Resource(String name, long usage, long limit) {
    public Resource {
      Objects.requireNonNull(name, "name");
    }
  }
}
