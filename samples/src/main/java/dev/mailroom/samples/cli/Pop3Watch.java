package dev.mailroom.samples.cli;

import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.Pop3Session;
import dev.mailroom.pop3.UidlEntry;
import dev.mailroom.pop3.UpdateResult;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A POP3 maildrop watched by {@code mailroom check}. A POP3 session sees the maildrop as it was at login, so each
 * poll is a new session: UIDL, then {@code TOP n 0} for each new message (RETR when the body matters), then QUIT.
 * Deleting is one more session: UIDL to find the message's current number, DELE, and QUIT to commit.
 */
final class Pop3Watch implements WatchedMailbox {
  private static final int BATCH = 50;
  private final Pop3Client client;
  private final boolean withBody;
  private final Duration pollInterval;
  private final Set<String> looked = new HashSet<>();

  /** Connects once to check the account (and, with {@code skipExisting}, to note what is already there). */
  Pop3Watch(Pop3Client client, boolean skipExisting, boolean withBody, Duration pollInterval) throws IOException {
    this.client = client;
    this.withBody = withBody;
    this.pollInterval = pollInterval;
    try (Pop3Session session = client.connect()) {
      if (skipExisting) {
        session.uidl().forEach(entry -> looked.add(entry.uid()));
      }
      session.quit();
    }
  }

  @Override
  public List<Arrival> poll() throws IOException {
    List<Arrival> arrivals = new ArrayList<>();
    try (Pop3Session session = client.connect()) {
      for (UidlEntry entry : session.uidl()) {
        if (arrivals.size() < BATCH && looked.add(entry.uid())) {
          try (InputStream in = withBody ? session.retrieve(entry.number()) : session.top(entry.number(), 0)) {
            arrivals.add(new Arrival(entry.uid(), dev.mailroom.mime.MimeMessage.parse(in)));
          }
        }
      }
      session.quit();
    }
    return arrivals;
  }

  @Override
  public void await(Duration max) throws InterruptedException {
    Thread.sleep(Math.min(max.toMillis(), pollInterval.toMillis()));
  }

  @Override
  public void delete(Arrival arrival) throws IOException {
    try (Pop3Session session = client.connect()) {
      for (UidlEntry entry : session.uidl()) {
        if (entry.uid().equals(arrival.uid())) {
          session.delete(entry.number());
        }
      }
      UpdateResult update = session.quit();
      if (!update.committed()) {
        throw new IOException("the server did not commit the deletion: " + update.problem().orElse("QUIT failed"));
      }
    }
  }

  @Override
  public String name() {
    return "INBOX";
  }

  @Override
  public void close() {
  }
}
