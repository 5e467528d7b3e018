package dev.mailroom.imap.internal;

import dev.mailroom.imap.AppendRequest;
import dev.mailroom.imap.AppendResult;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapAppendUnknownException;
import dev.mailroom.imap.ImapNotAppendedException;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.Uid;
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
    PendingCommand<AppendResult> command = new PendingCommand<>("APPEND", PendingCommand.MAY_EXPUNGE, tagged -> {
      if (tagged.code() != null && tagged.code().is("APPENDUID")) {
        String[] parts = tagged.code().data().split(" ");
        try {
          long validity = Long.parseLong(parts[0]);
          if (parts.length == 2 && parts[1].matches("[1-9][0-9]{0,9}")) {
            return new AppendResult(validity, Optional.of(Uid.of(Long.parseLong(parts[1]))));
          }
          return new AppendResult(validity, Optional.empty()); // MULTIAPPEND ranges are not expanded (I14)
        } catch (IllegalArgumentException e) {
          throw new dev.mailroom.client.MailProtocolException("malformed APPENDUID: " + tagged.code().data());
        }
      }
      return new AppendResult(0, Optional.empty());
    }, () -> {
      ImapEncoder enc = s.state.encoder("APPEND").sp().mailbox(mailbox.name());
      if (!request.flags().isEmpty()) {
        enc.sp().listStart();
        boolean first = true;
        for (Flag f : request.flags()) {
          if (!first) {
            enc.sp();
          }
          first = false;
          enc.flag(f.value());
        }
        enc.listEnd();
      }
      request.internalDate().ifPresent(d -> enc.sp().raw("\"" + DATE_TIME.format(d) + "\""));
      enc.sp().literal(request.size(), request.content().get(), false);
      return enc.build();
    });
    return s.submit(command.onLostConnection((cause, sent) -> sent
        ? new ImapAppendUnknownException(mailbox.name(), request.messageId(), cause)
        : new ImapNotAppendedException(mailbox.name(), cause)));
  }
}
