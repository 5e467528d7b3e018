package dev.mailroom.testkit.memory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LIST and LSUB (RFC 3501 §6.3.8-9) with the SPECIAL-USE selection option and return attributes (RFC 6154), the
 * SUBSCRIBED selection and return options (RFC 5258) and the CHILDREN attributes (RFC 3348). The hierarchy delimiter is {@code /}; {@code *} matches anything and {@code %}
 * anything but the delimiter.
 */
final class ImapList {
  private ImapList() {
  }

  static void run(InMemoryMailServer server, LineChannel channel, String user, boolean lsub, ImapArgs args)
      throws IOException, ImapArgs.BadException {
    boolean specialUseOnly = false;
    boolean subscribedOnly = lsub;
    if (!lsub && args.peekIs(ImapReader.Kind.LPAREN)) {
      for (String option : args.list()) {
        String o = option.toUpperCase(Locale.ROOT);
        specialUseOnly |= o.equals("SPECIAL-USE");
        subscribedOnly |= o.equals("SUBSCRIBED");
      }
    }
    String reference = args.astring();
    String pattern = args.astring();
    boolean showSubscribed = subscribedOnly && !lsub;
    if (!args.atEnd()) {
      if (!args.upperAtom().equals("RETURN")) {
        throw new ImapArgs.BadException("expected RETURN");
      }
      showSubscribed |= args.list().stream().anyMatch("SUBSCRIBED"::equalsIgnoreCase);
    }
    args.end();
    String name = lsub ? "LSUB" : "LIST";
    if (pattern.isEmpty()) {
      new ImapResponse("* " + name + " (\\Noselect) \"/\" ").string("").send(channel);
      return;
    }
    Pattern regex = compile(reference + pattern);
    MailStore store = server.store();
    List<String> all = store.mailboxes(user);
    for (String mailbox : all) {
      if (!regex.matcher(mailbox).matches()) {
        continue;
      }
      Optional<MailStore.MailboxState> state = store.state(user, mailbox);
      if (state.isEmpty()) {
        continue;
      }
      boolean subscribed = store.isSubscribed(user, mailbox);
      if ((subscribedOnly && !subscribed) || (specialUseOnly && state.get().specialUse().isEmpty())) {
        continue;
      }
      List<String> attributes = new ArrayList<>();
      boolean children = all.stream().anyMatch(m -> m.startsWith(mailbox + MailStore.DELIMITER));
      attributes.add(children ? "\\HasChildren" : "\\HasNoChildren");
      if (subscribed && showSubscribed) { // RFC 5258 §3.4: only when asked for
        attributes.add("\\Subscribed");
      }
      state.get().specialUse().ifPresent(u -> attributes.add(u.attribute()));
      new ImapResponse("* " + name + " ").atoms(attributes).raw(" \"/\" ").astring(mailbox).send(channel);
    }
  }

  static Pattern compile(String listPattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : listPattern.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '%') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), listPattern.toUpperCase(Locale.ROOT).startsWith("INBOX")
        ? Pattern.CASE_INSENSITIVE : 0);
  }
}
