package dev.mailroom.imap.internal;

import dev.mailroom.imap.AppendRequest;
import dev.mailroom.imap.AppendResult;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapAppendUnknownException;
import dev.mailroom.imap.ImapNotAppendedException;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.Uid;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.internal.wire.ImapEncoder;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code APPEND} (RFC 3501 §6.3.11) with the message streamed as one literal: {@code {n+}} under LITERAL+ (RFC 7888),
 * otherwise synchronising, sending none of it if the server refuses (SECURITY.md I05). {@code APPENDUID} (RFC 4315)
 * gives the new UID.
 */
final class AppendCommand {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT);
  private final RealImapSession s;

  AppendCommand(RealImapSession session) {
    this.s = session;
  }

  ImapCommand<AppendResult> append(MailboxName mailbox, AppendRequest request) {
    return append(mailbox, java.util.List.of(request));
  }

  /**
   * One APPEND command for all of {@code requests}: with several, MULTIAPPEND (RFC 3502), which stores all of them
   * or none.
   */
  ImapCommand<AppendResult> append(MailboxName mailbox, java.util.List<AppendRequest> requests) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("APPEND needs a message");
    }
    if (requests.size() > 1 && !s.state.has(Capability.MULTIAPPEND)) {
      throw new IllegalStateException("several messages in one APPEND need MULTIAPPEND (RFC 3502)");
    }
    long limit = appendLimit(s.state.capabilities());
    for (AppendRequest r : requests) {
      if (limit >= 0 && r.size() > limit) { // RFC 7889 §3: refuse before sending what the server would refuse
        throw new IllegalArgumentException("a " + r.size() + "-byte message exceeds the server's APPENDLIMIT of "
            + limit + " bytes (RFC 7889)");
      }
    }
    if (requests.stream().anyMatch(AppendRequest::binary) && !s.state.has(Capability.BINARY)) {
      throw new IllegalStateException("a literal8 APPEND needs BINARY (RFC 3516)");
    }
    PendingCommand<AppendResult> command = new PendingCommand<>("APPEND", PendingCommand.MAY_EXPUNGE, tagged -> {
      if (tagged.code() != null && tagged.code().is("APPENDUID")) {
        return appendUid(tagged.code().data());
      }
      return new AppendResult(0, Optional.empty());
    }, () -> {
      ImapEncoder enc = s.state.encoder("APPEND").sp().mailbox(mailbox.name());
      for (AppendRequest request : requests) {
        message(enc, request);
      }
      return enc.build();
    });
    Optional<String> messageId = requests.get(0).messageId();
    return submit(command, mailbox, messageId);
  }

  /** Submits an APPEND whose lost connection means "not appended" before the final CRLF, "unknown" after (I25). */
  private ImapCommand<AppendResult> submit(PendingCommand<AppendResult> command, MailboxName mailbox,
      Optional<String> messageId) {
    return s.submit(command.onLostConnection((cause, sent) -> sent
        ? new ImapAppendUnknownException(mailbox.name(), messageId, cause)
        : new ImapNotAppendedException(mailbox.name(), cause)));
  }

  /** The server-wide {@code APPENDLIMIT=n} (RFC 7889 §2), or -1 when none is advertised. */
  static long appendLimit(java.util.Set<Capability> caps) {
    for (Capability c : caps) {
      if (c.name().startsWith("APPENDLIMIT=")) {
        try {
          return Long.parseLong(c.name().substring("APPENDLIMIT=".length()));
        } catch (NumberFormatException e) {
          return -1; // malformed: let the server decide
        }
      }
    }
    return -1;
  }

  /**
   * {@code APPEND mailbox [flags] CATENATE (URL "..." TEXT {n} ...)} (RFC 4469): the server builds the message from
   * the parts; {@code [BADURL ...]} or {@code [TOOBIG]} come back as an {@code ImapCommandException}.
   */
  ImapCommand<AppendResult> catenate(MailboxName mailbox, java.util.Set<Flag> flags,
      java.util.List<dev.mailroom.imap.CatenatePart> parts) {
    if (!s.state.has(Capability.CATENATE)) {
      throw new IllegalStateException("APPEND CATENATE needs the CATENATE capability (RFC 4469)");
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("CATENATE needs at least one part");
    }
    java.util.List<dev.mailroom.imap.CatenatePart> copy = java.util.List.copyOf(parts);
    PendingCommand<AppendResult> command = new PendingCommand<>("APPEND", PendingCommand.MAY_EXPUNGE, tagged ->
        tagged.code() != null && tagged.code().is("APPENDUID") ? appendUid(tagged.code().data())
            : new AppendResult(0, Optional.empty()), () -> {
              ImapEncoder enc = s.state.encoder("APPEND").sp().mailbox(mailbox.name());
              if (!flags.isEmpty()) {
                enc.sp().flagList(MessageCommands.flagValues(flags));
              }
              enc.sp().raw("CATENATE").sp().listStart();
              for (int i = 0; i < copy.size(); i++) {
                if (i > 0) {
                  enc.sp();
                }
                if (copy.get(i) instanceof dev.mailroom.imap.CatenatePart.Url u) {
                  enc.raw("URL").sp().string(u.url());
                } else if (copy.get(i) instanceof dev.mailroom.imap.CatenatePart.Text t) {
                  enc.raw("TEXT").sp().literal(t.bytes());
                }
              }
              return enc.listEnd().build();
            });
    return submit(command, mailbox, Optional.empty());
  }

  /** {@code [SP flag-list] [SP date-time] SP literal} of one message. */
  private static void message(ImapEncoder enc, AppendRequest request) {
    if (!request.flags().isEmpty()) {
      enc.sp().flagList(MessageCommands.flagValues(request.flags()));
    }
    request.internalDate().ifPresent(d -> enc.sp().raw("\"" + DATE_TIME.format(d) + "\""));
    enc.sp().literal(request.size(), request.content().get(), request.binary());
  }

  /** {@code APPENDUID uidvalidity append-uid} (RFC 4315 §4), a UID set after a MULTIAPPEND, kept as ranges (I14). */
  private static AppendResult appendUid(String data) throws dev.mailroom.client.MailProtocolException {
    String[] parts = data.split(" ");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("two fields expected");
      }
      long validity = Long.parseLong(parts[0]);
      if (validity < 1 || validity > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("UIDVALIDITY out of range");
      }
      UidSet uids = UidSet.parse(parts[1]);
      if (uids.size() < 0) {
        throw new IllegalArgumentException("'*' in APPENDUID");
      }
      Optional<Uid> one = uids.size() == 1 ? Optional.of(Uid.of(uids.ranges().get(0)[0])) : Optional.empty();
      return new AppendResult(validity, one, Optional.of(uids));
    } catch (IllegalArgumentException e) {
      throw new dev.mailroom.client.MailProtocolException("malformed APPENDUID: " + data);
    }
  }
}
