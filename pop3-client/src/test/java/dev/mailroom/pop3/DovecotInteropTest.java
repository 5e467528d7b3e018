package dev.mailroom.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.testkit.lab.MailLab;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The POP3 client against the lab's Dovecot: STLS on 10110, implicit TLS on 10995; USER/PASS, APOP, AUTH PLAIN with
 * carol's non-ASCII password, SCRAM-SHA-256; CAPA, STAT, LIST, UIDL, TOP, RETR byte-identical to what seed.py
 * appended; DELE+RSET keeps mail, DELE+QUIT removes it; pipelined and one-by-one runs agree. Works only on messages it
 * seeded into bob (seed {@value #SEED}), found by UIDL and Message-ID, and removes them at the end.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DovecotInteropTest {
  static final int SEED = 6;
  private static final int COUNT = 5;

  private MailLab lab;
  private TlsOptions labTls;
  private List<byte[]> expected;
  /** X-Lab-Seq (1-based) to UIDL unique-id, for the messages this class seeded. */
  private final Map<Integer, String> mine = new LinkedHashMap<>();

  @BeforeAll
  void seed() throws Exception {
    lab = MailLab.require();
    labTls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
    Set<String> before = new HashSet<>();
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      session.uidl().forEach(e -> before.add(e.uid()));
    }
    lab.seed(MailLab.BOB, COUNT, SEED, false, false);
    expected = SeededMessages.generate(COUNT, SEED);
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      for (UidlEntry entry : session.uidl()) {
        if (before.contains(entry.uid())) {
          continue;
        }
        String id;
        try (InputStream head = session.top(entry.number(), 0)) {
          id = SeededMessages.messageIdOf(SeededMessages.readAll(head));
        }
        for (int i = 1; i <= COUNT; i++) {
          if (id.equals(SeededMessages.messageId(SEED, i))) {
            mine.put(i, entry.uid());
          }
        }
      }
    }
    assertEquals(COUNT, mine.size(), "found the seeded messages by UIDL and Message-ID: " + mine);
  }

  @AfterAll
  void cleanUp() throws Exception {
    if (lab == null || mine.isEmpty()) {
      return;
    }
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      List<Integer> numbers = numbersOf(session, mine.values());
      session.deleteAll(numbers);
      assertTrue(session.quit().committed());
    }
  }

  private Pop3Client.Builder bob(Endpoint endpoint) {
    return Pop3Client.builder().endpoint(endpoint).tls(labTls)
        .credentials(Credentials.password(MailLab.BOB.name(), MailLab.BOB.password()));
  }

  private static List<Integer> numbersOf(Pop3Session session, java.util.Collection<String> uids) throws Exception {
    List<Integer> numbers = new ArrayList<>();
    for (UidlEntry entry : session.uidl()) {
      if (uids.contains(entry.uid())) {
        numbers.add(entry.number());
      }
    }
    return numbers;
  }

  /** RETRs this class's messages in X-Lab-Seq order and returns their bytes. */
  private List<byte[]> retrieveMine(Pop3Session session) throws Exception {
    Map<String, Integer> numberByUid = new LinkedHashMap<>();
    session.uidl().forEach(e -> numberByUid.put(e.uid(), e.number()));
    List<Integer> numbers = mine.values().stream().map(numberByUid::get).toList();
    List<byte[]> bodies = new ArrayList<>();
    session.retrieveAll(numbers, (n, body) -> bodies.add(body.readAllBytes()));
    return bodies;
  }

  @Test
  @Order(1)
  void stlsUserPassCapaStatListUidlTopRetrByteIdentical() throws Exception {
    try (Pop3Session session = bob(Endpoint.startTls(lab.host(), MailLab.POP3))
        .authMethod(Pop3AuthMethod.USER_PASS).build().connect()) {
      assertTrue(session.isTls());
      Pop3Capabilities caps = session.capabilities();
      assertTrue(caps.top() && caps.uidl() && caps.pipelining() && caps.respCodes(), caps.toString());
      assertFalse(caps.stls(), "STLS is not offered again after TLS");
      MaildropStat stat = session.stat();
      List<ListEntry> list = session.list();
      assertEquals(stat.messageCount(), list.size());
      assertEquals(stat.sizeOctets(), list.stream().mapToLong(ListEntry::sizeOctets).sum());
      List<byte[]> bodies = retrieveMine(session);
      for (int i = 0; i < COUNT; i++) {
        assertArrayEquals(expected.get(i), bodies.get(i), "message " + (i + 1) + " byte-identical");
      }
      int first = numbersOf(session, List.of(mine.get(1))).get(0);
      assertEquals(expected.get(0).length, session.list(first).sizeOctets());
      assertEquals(mine.get(1), session.uidl(first).uid());
      MimeMessage head = session.topMessage(first, 0);
      assertEquals(SeededMessages.messageId(SEED, 1), head.messageId().orElseThrow());
      try (InputStream one = session.retrieve(first)) {
        assertArrayEquals(expected.get(0), one.readAllBytes());
      }
      assertTrue(session.quit().committed());
    }
  }

  @Test
  @Order(2)
  void apopOnImplicitTls() throws Exception {
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S))
        .authMethod(Pop3AuthMethod.APOP).build().connect()) {
      assertTrue(session.greeting().text().contains("<"));
      session.noop();
      assertTrue(session.stat().messageCount() >= COUNT);
    }
  }

  @Test
  @Order(3)
  void authPlainWithCarolsNonAsciiPassword() throws Exception {
    try (Pop3Session session = Pop3Client.builder().endpoint(Endpoint.implicitTls(lab.host(), MailLab.POP3S))
        .tls(labTls).credentials(Credentials.password(MailLab.CAROL.name(), MailLab.CAROL.password()))
        .saslPolicy(SaslPolicy.of(SaslMechanism.plain())).build().connect()) {
      session.stat();
      assertTrue(session.isTls());
    }
  }

  @Test
  @Order(4)
  void scramSha256OverStls() throws Exception {
    List<String> mechanisms = new ArrayList<>();
    try (Pop3Session session = bob(Endpoint.startTls(lab.host(), MailLab.POP3))
        .saslPolicy(SaslPolicy.of(SaslMechanism.scramSha256()))
        .listener(new dev.mailroom.client.MailEventListener() {
          @Override
          public void authenticated(Endpoint endpoint, String mechanism) {
            mechanisms.add(mechanism);
          }
        }).build().connect()) {
      session.noop();
    }
    assertEquals(List.of("SCRAM-SHA-256"), mechanisms);
  }

  @Test
  @Order(5)
  void pipelinedAndOneByOneRunsAgree() throws Exception {
    List<byte[]> pipelined;
    List<UidlEntry> uidlPipelined;
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      assertTrue(session.pipelined());
      uidlPipelined = session.uidl();
      pipelined = retrieveMine(session);
    }
    List<byte[]> plain;
    List<UidlEntry> uidlPlain;
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).pipelining(false).build()
        .connect()) {
      assertFalse(session.pipelined());
      uidlPlain = session.uidl();
      plain = retrieveMine(session);
    }
    for (int i = 0; i < COUNT; i++) {
      assertArrayEquals(expected.get(i), pipelined.get(i));
      assertArrayEquals(pipelined.get(i), plain.get(i));
    }
    Set<String> mineUids = new HashSet<>(mine.values());
    assertEquals(uidlPipelined.stream().filter(e -> mineUids.contains(e.uid())).toList(),
        uidlPlain.stream().filter(e -> mineUids.contains(e.uid())).toList());
  }

  @Test
  @Order(6)
  void deleRsetKeepsMailAndDeleQuitRemovesIt() throws Exception {
    String victim = mine.get(COUNT);
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      session.delete(numbersOf(session, List.of(victim)).get(0));
      session.reset();
      assertTrue(session.quit().committed());
    }
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      List<Integer> numbers = numbersOf(session, List.of(victim));
      assertEquals(1, numbers.size(), "DELE + RSET kept the message");
      session.delete(numbers.get(0));
      UpdateResult result = session.quit();
      assertTrue(result.committed());
      assertEquals(numbers, result.deleted());
    }
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      assertEquals(List.of(), numbersOf(session, List.of(victim)), "DELE + QUIT removed the message");
    }
    mine.remove(COUNT);
  }

  @Test
  @Order(7)
  void fetchJobAgainstDovecotLeavesMailWithoutDelete() throws Exception {
    Map<String, byte[]> stored = new LinkedHashMap<>();
    SeenUidStore seen = SeenUidStore.inMemory();
    Set<String> others = new HashSet<>();
    try (Pop3Session session = bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build().connect()) {
      session.uidl().stream().map(UidlEntry::uid).filter(u -> !mine.containsValue(u)).forEach(others::add);
    }
    for (String uid : others) {
      seen.add(uid); // only this class's messages are downloaded: the rest of bob's mail is not ours to read
    }
    FetchReport report = FetchJob.builder(bob(Endpoint.implicitTls(lab.host(), MailLab.POP3S)).build())
        .sink((ref, body) -> stored.put(ref.uid(), body.readAllBytes())).seenUids(seen).build().run();
    assertTrue(report.committed(), report.toString());
    for (Map.Entry<Integer, String> e : mine.entrySet()) {
      assertArrayEquals(expected.get(e.getKey() - 1), stored.get(e.getValue()));
    }
  }
}
