package dev.mailroom.testkit.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real servers of Mailroom's lab ({@code shared/lab/up.sh}): Dovecot for IMAP and POP3, Postfix for SMTP, all on
 * 127.0.0.1, with a self-signed certificate in {@code $LAB_DIR/tls/cert.pem}. Interop tests call {@link #require()}
 * first: when the lab is not reachable the test is skipped on a developer machine and <em>fails</em> under
 * {@code CI=true}, so CI can never pass by silently skipping the lab.
 *
 * <pre>{@code
 * @Tag("interop")
 * @Test void loginOverImaps() throws Exception {
 *   MailLab lab = MailLab.require();
 *   Endpoint imaps = Endpoint.implicitTls(lab.host(), MailLab.IMAPS);
 *   TlsOptions tls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
 *   ...
 * }
 * }</pre>
 */
public final class MailLab {
  /** IMAP with STARTTLS offered. */
  public static final int IMAP = 10143;
  /** IMAP over implicit TLS. */
  public static final int IMAPS = 10993;
  /** POP3 with STLS offered. */
  public static final int POP3 = 10110;
  /** POP3 over implicit TLS. */
  public static final int POP3S = 10995;
  /** SMTP inbound (MX style, no AUTH, only {@code @example.test} recipients). */
  public static final int SMTP = 10025;
  /** Submission with STARTTLS and AUTH. */
  public static final int SUBMISSION = 10587;
  /** Submission over implicit TLS with AUTH. */
  public static final int SUBMISSIONS = 10465;

  /** A lab account. */
  public record User(String name, String password, String address) { }

  /** alice, whose INBOX {@code seed.py} fills. */
  public static final User ALICE = new User("alice", "alice-pw", "alice@example.test");
  /** bob, for tests that send mail. */
  public static final User BOB = new User("bob", "bob-pw", "bob@example.test");
  /** carol, whose password is not ASCII. */
  public static final User CAROL = new User("carol", "p\u00e4ssw\u00f6rd", "carol@example.test");

  private final Path dir;

  private MailLab(Path dir) {
    this.dir = dir;
  }

  /**
   * The lab, if its IMAP, POP3 and submission ports answer. Otherwise the calling test is aborted (skipped), or,
   * when the environment variable {@code CI} is {@code true}, fails.
   */
  public static MailLab require() {
    String configured = System.getenv("LAB_DIR");
    Path dir = Path.of(configured == null || configured.isEmpty() ? "/tmp/mail-lab" : configured);
    String problem = null;
    for (int port : new int[] {IMAP, IMAPS, POP3, POP3S, SUBMISSION, SUBMISSIONS, SMTP}) {
      if (!reachable(port)) {
        problem = "lab port " + port + " on 127.0.0.1 does not answer (start it with shared/lab/up.sh)";
        break;
      }
    }
    if (problem == null && !Files.isRegularFile(dir.resolve("tls/cert.pem"))) {
      problem = "no lab certificate at " + dir.resolve("tls/cert.pem") + " (set LAB_DIR)";
    }
    if (problem != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true and the lab is not usable: " + problem);
      }
      Assumptions.abort(problem);
    }
    return new MailLab(dir);
  }

  private static boolean reachable(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Where the lab keeps its configuration, certificates and logs. */
  public Path dir() {
    return dir;
  }

  /** The address every lab server listens on. */
  public String host() {
    return "127.0.0.1";
  }

  /**
   * Waits (polling IMAP on {@link #IMAP}) until a message with this Message-ID is in {@code user}'s INBOX and returns
   * its exact bytes as stored, then expunges it so tests leave the mailbox as they found it. Uses a minimal IMAP
   * reader of its own, not Mailroom's client.
   */
  public byte[] takeDelivered(User user, String messageId, java.time.Duration timeout)
      throws IOException, InterruptedException {
    return LabImap.await(host(), IMAP, user, messageId, timeout, true);
  }

  /** The lab's self-signed certificate (CN=localhost; SAN localhost, 127.0.0.1, lab.example.test), as PEM. */
  public Path caCertificate() {
    return dir.resolve("tls/cert.pem");
  }

  /**
   * Runs the lab's {@code seed.py} (found in {@code shared/lab/} beside or above the working directory, or in
   * {@code $LAB_HOME}) to append {@code count} deterministic messages to {@code user}'s INBOX over IMAP. With
   * {@code reset} the seeded folders are emptied first; {@code folders} also fills Archive, Work, Work/Projects and
   * Réunions. Message-IDs are {@code <imap.SEED.i.FOLDER@gen.example.test>}, every message carries
   * {@code X-Lab-Seq: i}, and the same arguments always give byte-identical messages. carol cannot be seeded this way
   * (the script logs in with IMAP LOGIN, which is ASCII only).
   *
   * @param seed the generator seed; alice's standard mailbox is seed 1
   */
  public void seed(User user, int count, int seed, boolean reset, boolean folders)
      throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        "python3", seedScript().toString(), Integer.toString(count), "--seed", Integer.toString(seed),
        "--user", user.name(), "--password", user.password(), "--port", Integer.toString(IMAP), "-q"));
    if (!reset) {
      command.add("--no-reset");
    }
    if (!folders) {
      command.add("--no-folders");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IOException("seed.py failed (" + process.exitValue() + "): "
          + new String(output, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The lab's {@code seed.py}: {@code $LAB_HOME/seed.py}, or {@code shared/lab/seed.py} in an ancestor directory. */
  public static Path seedScript() throws IOException {
    String home = System.getenv("LAB_HOME");
    if (home != null && !home.isEmpty() && Files.isRegularFile(Path.of(home, "seed.py"))) {
      return Path.of(home, "seed.py");
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      for (Path candidate : new Path[] {d.resolve("shared/lab/seed.py"), d.resolve("../shared/lab/seed.py")}) {
        if (Files.isRegularFile(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IOException("cannot find shared/lab/seed.py above " + Path.of("").toAbsolutePath() + " (set LAB_HOME)");
  }
}
