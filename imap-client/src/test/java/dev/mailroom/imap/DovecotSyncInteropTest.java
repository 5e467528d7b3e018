package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.sync.MailboxSync;
import dev.mailroom.imap.sync.SyncCursor;
import dev.mailroom.imap.sync.SyncEvent;
import dev.mailroom.imap.sync.SyncHandler;
import dev.mailroom.imap.sync.SyncMode;
import dev.mailroom.imap.sync.SyncReport;
import dev.mailroom.testkit.lab.MailLab;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CONDSTORE/QRESYNC and the sync engine against the lab's Dovecot: a second connection adds, flags and expunges
 * between syncs and the deltas must be exactly those changes, in every {@link SyncMode}. Works in a fresh folder of
 * bob's, deleted afterwards.
 */
@Tag("interop")
class DovecotSyncInteropTest {
  private MailLab lab;
  private TlsOptions tls;
  private MailboxName box;
  private ImapSession writer;

  @BeforeEach
  void setUp() throws Exception {
    lab = MailLab.require();
    tls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
    box = MailboxName.of("mailroom-sync-" + UUID.randomUUID().toString().substring(0, 8));
    writer = connect();
    writer.create(box).await();
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      writer.unselect().await();
    } catch (ImapCommandException ignored) {
      // nothing selected
    }
    writer.delete(box).await();
    writer.close();
  }

  private ImapSession connect() throws Exception {
    return ImapClient.builder().endpoint(Endpoint.startTls(lab.host(), MailLab.IMAP)).tls(tls)
        .credentials(Credentials.password(MailLab.BOB.name(), MailLab.BOB.password())).build().connect();
  }

  private static byte[] message(int i) {
    return ("Message-ID: <sync-" + i + "@mailroom.test>\r\nSubject: sync " + i + "\r\n\r\nbody " + i + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private Uid append(int i) throws Exception {
    return writer.append(box, AppendRequest.of(message(i))).await().uid().orElseThrow();
  }

  /** The caller's replica: UID → flags and bodies, built only from events. */
  static final class Replica implements SyncHandler {
    final TreeMap<Long, Set<String>> flags = new TreeMap<>();
    final Map<Long, byte[]> bodies = new HashMap<>();
    final List<String> log = new ArrayList<>();
    private final Map<Long, byte[]> pending = new HashMap<>();
    SyncCursor cursor = SyncCursor.initial();
    int failAfterNew = -1;

    @Override
    public void body(BodyPart part, InputStream content) throws IOException {
      pending.put(part.seq(), content.readAllBytes());
    }

    @Override
    public void event(SyncEvent e) throws IOException {
      if (e instanceof SyncEvent.NewMessage n) {
        if (failAfterNew == 0) {
          throw new IOException("simulated crash");
        }
        failAfterNew--;
        long uid = n.uid().value();
        if (bodies.containsKey(uid)) {
          throw new AssertionError("UID " + uid + " delivered twice");
        }
        bodies.put(uid, pending.remove(n.message().seq()));
        flags.put(uid, names(n.message().flags().orElseThrow()));
        cursor = n.resumeFrom();
        log.add("new " + uid);
      } else if (e instanceof SyncEvent.FlagsChanged f) {
        flags.put(f.uid().value(), names(f.flags()));
        log.add("flags " + f.uid().value() + " " + names(f.flags()));
      } else if (e instanceof SyncEvent.Vanished v) {
        flags.keySet().removeIf(u -> v.uids().contains(u, 0xFFFF_FFFFL));
        bodies.keySet().removeIf(u -> v.uids().contains(u, 0xFFFF_FFFFL));
        log.add("vanished");
      } else if (e instanceof SyncEvent.FullResyncRequired) {
        flags.clear();
        bodies.clear();
        log.add("full");
      }
    }

    SyncReport run(MailboxSync sync) throws Exception {
      SyncReport r = sync.run(cursor, this);
      cursor = r.cursor();
      return r;
    }

    private static Set<String> names(Set<Flag> f) {
      Set<String> out = new TreeSet<>();
      f.forEach(x -> out.add(x.value()));
      out.remove("\\Recent");
      return out;
    }
  }

  @Test
  void deltasAreExactlyWhatTheOtherConnectionChanged() throws Exception {
    for (SyncMode mode : SyncMode.values()) {
      List<Uid> uids = refill(30);
      try (ImapSession reader = connect()) {
        MailboxSync sync = MailboxSync.builder(reader, box).atMost(mode).window(7).build();
        assertEquals(mode, sync.mode(), "Dovecot offers " + mode);
        Replica replica = new Replica();
        SyncReport first = replica.run(sync);
        assertEquals(30, first.newMessages(), mode.toString());
        for (int i = 0; i < 30; i++) {
          assertArrayEquals(message(i + 1), replica.bodies.get(uids.get(i).value()), "byte-identical");
        }
        // The other connection: two new messages, two flagged, two expunged.
        writer.select(box).await();
        Uid n1 = append(101);
        Uid n2 = append(102);
        writer.store(UidSet.of(uids.get(3).value(), uids.get(4).value()), StoreAction.ADD, Set.of(Flag.FLAGGED),
            true).await();
        UidSet gone = UidSet.of(uids.get(10).value(), uids.get(20).value());
        writer.store(gone, StoreAction.ADD, Set.of(Flag.DELETED), true).await();
        writer.expunge(gone).await();
        writer.unselect().await();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          if (i != 10 && i != 20) {
            expected.add(uids.get(i).value());
          }
        }
        expected.add(n1.value());
        expected.add(n2.value());

        replica.log.clear();
        SyncReport second = replica.run(sync);
        assertEquals(mode, second.mode());
        assertEquals(2, second.newMessages(), replica.log.toString());
        assertTrue(replica.log.containsAll(List.of("new " + n1.value(), "new " + n2.value(), "vanished")),
            replica.log.toString());
        if (mode != SyncMode.FLAGS) {
          assertEquals(2, second.flagChanges(), mode + ": only the two flagged " + replica.log);
        }
        assertEquals(expected, new ArrayList<>(replica.flags.keySet()), mode + " replica UIDs");
        assertEquals(Set.of("\\Flagged"), replica.flags.get(uids.get(3).value()));
        assertEquals(Set.of(), replica.flags.get(uids.get(5).value()));
        assertEquals(n2.value() + 1, second.cursor().uidNext());

        replica.log.clear();
        SyncReport idle = replica.run(sync);
        assertEquals(0, idle.newMessages(), replica.log.toString());
        assertEquals(expected, new ArrayList<>(replica.flags.keySet()), mode + " replica unchanged");
        if (mode == SyncMode.QRESYNC) {
          assertEquals(0, idle.flagChanges() + idle.vanishedRanges(), "QRESYNC reports nothing " + replica.log);
        } else if (mode == SyncMode.CONDSTORE) {
          // Without QRESYNC, what vanished is the UID range minus what is present: old gaps are named again.
          assertEquals(0, idle.flagChanges(), replica.log.toString());
        }
      }
    }
  }

  /** Empties the folder and appends messages 1..n; returns their UIDs in order. */
  private List<Uid> refill(int n) throws Exception {
    writer.select(box).await();
    if (writer.selected().orElseThrow().exists() > 0) {
      writer.store(UidSet.all(), StoreAction.ADD, Set.of(Flag.DELETED), true).await();
      writer.expunge().await();
    }
    writer.unselect().await();
    List<Uid> uids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      uids.add(append(i));
    }
    return uids;
  }

  @Test
  void uidValidityResetIsAFullResync() throws Exception {
    append(1);
    append(2);
    try (ImapSession reader = connect()) {
      MailboxSync sync = MailboxSync.builder(reader, box).build();
      Replica replica = new Replica();
      replica.run(sync);
      assertEquals(2, replica.bodies.size());
      reader.unselect().await();
      writer.delete(box).await();
      writer.create(box).await();
      append(3);
      replica.log.clear();
      SyncReport r = replica.run(sync);
      assertTrue(r.fullResync());
      assertEquals("full", replica.log.get(0));
      assertEquals(1, replica.bodies.size());
      assertArrayEquals(message(3), replica.bodies.values().iterator().next());
    }
  }

  @Test
  void reconnectAfterACrashMidSyncDeliversTheRestOnce() throws Exception {
    for (int i = 1; i <= 25; i++) {
      append(i);
    }
    Replica replica = new Replica();
    replica.failAfterNew = 10;
    try (ImapSession reader = connect()) {
      assertThrows(IOException.class, () -> MailboxSync.builder(reader, box).window(4).build()
          .run(replica.cursor, replica));
    }
    assertEquals(10, replica.bodies.size());
    replica.failAfterNew = -1;
    try (ImapSession reader = connect()) {
      SyncReport r = replica.run(MailboxSync.builder(reader, box).window(4).build());
      assertEquals(15, r.newMessages());
    }
    assertEquals(25, replica.bodies.size(), "none lost, none twice (Replica fails on a duplicate)");
  }

  @Test
  void conditionalStoreAndLiveVanished() throws Exception {
    Uid a = append(1);
    Uid b = append(2);
    append(3);
    List<String> heard = new CopyOnWriteArrayList<>();
    try (ImapSession reader = ImapClient.builder().endpoint(Endpoint.startTls(lab.host(), MailLab.IMAP)).tls(tls)
        .credentials(Credentials.password(MailLab.BOB.name(), MailLab.BOB.password()))
        .unsolicitedListener(new UnsolicitedListener() {
          @Override
          public void vanished(UidSet uids, boolean earlier) {
            heard.add(uids.toString());
          }
        }).build().connect()) {
      assertTrue(reader.enable("QRESYNC").await().contains("QRESYNC"));
      SelectedMailbox m = reader.select(box).await();
      long modSeq = m.highestModSeq().orElseThrow();
      reader.fetch(SeqSet.all(), FetchSpec.builder().uid().modSeq().build()).await();
      writer.select(box).await();
      writer.store(a.toSet(), StoreAction.ADD, Set.of(Flag.SEEN), true).await();
      ConditionalStoreResult r = reader.store(a.toSet().union(b.toSet()), StoreAction.ADD, Set.of(Flag.FLAGGED),
          modSeq).await();
      assertEquals(a.toSet(), r.modified().orElseThrow(), "a changed since; b was stored");
      writer.store(b.toSet(), StoreAction.ADD, Set.of(Flag.DELETED), true).await();
      writer.expunge(b.toSet()).await();
      writer.unselect().await();
      reader.noop().await();
      assertEquals(2, m.exists());
      assertEquals(List.of(b.toString()), heard);
      assertFalse(m.uid(2).orElseThrow().equals(b));
    }
  }
}
