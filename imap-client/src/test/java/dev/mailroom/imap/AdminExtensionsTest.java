package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.RecordedImapCommand;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** QUOTA (RFC 9208), ACL (RFC 4314), METADATA (RFC 5464). */
class AdminExtensionsTest {
  static final String CAPS = Imap.CAPS + " QUOTA ACL RIGHTS=texk METADATA BINARY";

  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  void quota() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* QUOTAROOT INBOX \"User quota\" \"\"",
          "* QUOTA \"User quota\" (STORAGE 10 20971520 MESSAGE 3 1000)", "* QUOTA \"\" (MAILBOX 4 100)"));
      QuotaRoots r = s.quotaRoot(MailboxName.INBOX).await();
      assertEquals("GETQUOTAROOT INBOX", imap.takeImapCommand().command());
      assertEquals(List.of("User quota", ""), r.roots());
      assertEquals(2, r.quotas().size());
      assertEquals(new Quota.Resource("MESSAGE", 3, 1000), r.quotas().get(0).resource("message").orElseThrow());
      imap.enqueue(MockImapResponse.ok("done", "* QUOTA \"\" (STORAGE 512 1024)"));
      assertEquals(1024, s.quota("").await().resource("STORAGE").orElseThrow().limit());
      assertEquals("GETQUOTA \"\"", imap.takeImapCommand().command());
      imap.enqueue(MockImapResponse.ok("done"));
      Map<String, Long> limits = new LinkedHashMap<>();
      limits.put("STORAGE", 512L);
      limits.put("MESSAGE", 100L);
      s.setQuota("", limits).await();
      assertEquals("SETQUOTA \"\" (STORAGE 512 MESSAGE 100)", imap.takeImapCommand().command());
      assertThrows(IllegalArgumentException.class, () -> s.setQuota("", Map.of("STORAGE) (X", 1L)));
      imap.enqueue(MockImapResponse.ok("done"));
      assertThrows(MailProtocolException.class, () -> s.quota("missing").await());
    }
  }

  @Test
  void acl() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* ACL INBOX bob lrwstipekxacd \"-fred smith\" w"),
          MockImapResponse.ok("done", "* MYRIGHTS INBOX lrws"),
          MockImapResponse.ok("done", "* LISTRIGHTS INBOX anyone \"\" l r s w i p k x t e a c d"),
          MockImapResponse.ok("done"), MockImapResponse.ok("done"));
      List<AclEntry> acl = s.acl(MailboxName.INBOX).await();
      assertEquals(List.of(new AclEntry("bob", "lrwstipekxacd"), new AclEntry("-fred smith", "w")), acl);
      assertTrue(acl.get(0).has('a'));
      assertEquals("lrws", s.myRights(MailboxName.INBOX).await());
      ListRights lr = s.listRights(MailboxName.INBOX, "anyone").await();
      assertEquals("", lr.required());
      assertEquals(13, lr.optional().size());
      s.setAcl(MailboxName.of("Shared"), "alice smith", "+lr").await();
      s.deleteAcl(MailboxName.of("Shared"), "alice smith").await();
      assertEquals(List.of("GETACL INBOX", "MYRIGHTS INBOX", "LISTRIGHTS INBOX anyone",
          "SETACL Shared \"alice smith\" +lr", "DELETEACL Shared \"alice smith\""),
          List.of(imap.takeImapCommand().command(), imap.takeImapCommand().command(),
              imap.takeImapCommand().command(), imap.takeImapCommand().command(), imap.takeImapCommand().command()));
      assertThrows(IllegalArgumentException.class, () -> s.setAcl(MailboxName.INBOX, "x", "lr\r\nA1 LOGOUT"));
      assertThrows(IllegalArgumentException.class, () -> s.setAcl(MailboxName.INBOX, "x", "LR"));
    }
  }

  @Test
  void metadata() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.raw(("* METADATA INBOX (/private/comment {5}\r\nhello /shared/comment NIL)\r\n"
          + "$tag OK done\r\n").getBytes(StandardCharsets.US_ASCII)));
      Map<String, byte[]> got = s.metadata(Optional.of(MailboxName.INBOX),
          List.of("/private/comment", "/shared/comment")).await();
      assertEquals("GETMETADATA INBOX (/private/comment /shared/comment)", imap.takeImapCommand().command());
      assertEquals(List.of("/private/comment"), List.copyOf(got.keySet()), "NIL is absent");
      assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), got.get("/private/comment"));
      imap.enqueue(MockImapResponse.ok("done", "* METADATA \"\" (/shared/admin \"mailto:root@example.test\")"));
      assertEquals("mailto:root@example.test", new String(s.metadata(Optional.empty(), List.of("/shared/admin"))
          .await().get("/shared/admin"), StandardCharsets.UTF_8));
      assertEquals("GETMETADATA \"\" (/shared/admin)", imap.takeImapCommand().command());
      imap.enqueue(MockImapResponse.ok("done"), MockImapResponse.ok("done"), MockImapResponse.ok("done"));
      s.setMetadata(Optional.of(MailboxName.INBOX), "/private/comment", Optional.of("a\r\nb".getBytes(
          StandardCharsets.US_ASCII))).await();
      RecordedImapCommand set = imap.takeImapCommand();
      assertEquals("SETMETADATA INBOX (/private/comment {4+}", set.command().substring(0, 40));
      assertArrayEquals("a\r\nb".getBytes(StandardCharsets.US_ASCII), set.literals().get(0));
      s.setMetadata(Optional.of(MailboxName.INBOX), "/private/comment", Optional.empty()).await();
      assertEquals("SETMETADATA INBOX (/private/comment NIL)", imap.takeImapCommand().command());
      s.setMetadata(Optional.of(MailboxName.INBOX), "/private/blob", Optional.of(new byte[] {1, 0, 2})).await();
      assertTrue(imap.takeImapCommand().command().contains("~{3+}"), "NUL needs literal8");
      for (String bad : new String[] {"/other/x", "/private/*", "/private//x", "/shared/x\r\n", "private/x"}) {
        assertThrows(IllegalArgumentException.class,
            () -> s.metadata(Optional.of(MailboxName.INBOX), List.of(bad)), bad);
      }
    }
  }

  @Test
  void extensionsAreCapabilityGated() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      assertThrows(IllegalStateException.class, () -> s.quotaRoot(MailboxName.INBOX));
      assertThrows(IllegalStateException.class, () -> s.myRights(MailboxName.INBOX));
      assertThrows(IllegalStateException.class, () -> s.metadata(Optional.empty(), List.of("/shared/x")));
      assertThrows(IllegalStateException.class, () -> s.setMetadata(Optional.of(MailboxName.INBOX), "/private/x",
          Optional.empty()));
    }
  }
}
