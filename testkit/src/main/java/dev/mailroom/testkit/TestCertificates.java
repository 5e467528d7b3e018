package dev.mailroom.testkit;

import java.io.IOException;
import java.security.GeneralSecurityException;
import dev.mailroom.testkit.internal.CertificateMint;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Server certificates generated at runtime (EC P-256, Bouncy Castle inside, JDK types outside), all trusted or
 * distrusted relative to one test CA that lives for the JVM.
 *
 * <p>{@link #localhost()} is the good certificate: issued by the test CA for {@code localhost}, with SANs DNS
 * {@code localhost}, IP {@code 127.0.0.1} and IP {@code ::1}. The other factories are the bad variants of SECURITY.md
 * T10/T11; a client that trusts only the test CA and checks host names must reject each one when it connects to
 * {@code localhost} or {@code 127.0.0.1}. Every instance's client side ({@link #trustStore()},
 * {@link #clientContext()}, {@link #caCertificate()}) is the same test CA, so a test can build its client from
 * {@code localhost()} and its server from a bad variant.
 *
 * <pre>{@code
 * server.useTls(TestCertificates.localhost());
 * SSLSocketFactory factory = TestCertificates.localhost().clientContext().getSocketFactory();
 * Socket plain = new Socket(server.host(), server.port());
 * SSLSocket tls = (SSLSocket) factory.createSocket(plain, "localhost", server.port(), true);
 * SSLParameters parameters = tls.getSSLParameters();
 * parameters.setEndpointIdentificationAlgorithm("HTTPS");
 * tls.setSSLParameters(parameters);
 * tls.startHandshake();
 * }</pre>
 *
 * <p>Key pairs and certificates are generated once per JVM and cached; instances are immutable and thread-safe.
 */
public final class TestCertificates {
  private static final char[] PASSWORD = "testkit".toCharArray();
  private static final Map<String, TestCertificates> CACHE = new ConcurrentHashMap<>();

  /** The JVM-wide test CA and the key shared by every leaf, made on first use. */
  private static final class Authority {
    static final CertificateMint.Issued CA =
        CertificateMint.certificateAuthority("Mailroom Test CA", CertificateMint.newKeyPair());
    static final KeyPair LEAF_KEYS = CertificateMint.newKeyPair();
  }

  private final String hostName;
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private volatile SSLContext serverContext;
  private volatile SSLContext clientContext;

  private TestCertificates(String hostName, PrivateKey privateKey, List<X509Certificate> chain) {
    this.hostName = hostName;
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
  }

  /**
   * The good certificate: issued by the test CA for {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
   *
   * @return the certificates
   */
  public static TestCertificates localhost() {
    return forHost("localhost");
  }

  /**
   * A certificate issued by the test CA for another host name (DNS SAN only); connecting to {@code localhost} with it
   * must fail host name verification.
   *
   * @param hostName the host name, for instance {@code "other.example.org"}
   * @return the certificates
   */
  public static TestCertificates forHost(String hostName) {
    Objects.requireNonNull(hostName, "hostName");
    return CACHE.computeIfAbsent("host:" + hostName, key -> {
      Instant now = Instant.now();
      CertificateMint.Issued leaf = CertificateMint.server(hostName, Authority.LEAF_KEYS, Authority.CA,
          now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
      return new TestCertificates(hostName, leaf.keys().getPrivate(), List.of(leaf.certificate(),
          Authority.CA.certificate()));
    });
  }

  /**
   * A certificate for {@code localhost} issued by the test CA that expired yesterday.
   *
   * @return the certificates
   */
  public static TestCertificates expired() {
    return CACHE.computeIfAbsent("expired", key -> {
      Instant now = Instant.now();
      CertificateMint.Issued leaf = CertificateMint.server("localhost", Authority.LEAF_KEYS, Authority.CA,
          now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
      return new TestCertificates("localhost", leaf.keys().getPrivate(), List.of(leaf.certificate(),
          Authority.CA.certificate()));
    });
  }

  /**
   * A self-signed certificate for {@code localhost}, not issued by the test CA.
   *
   * @return the certificates
   */
  public static TestCertificates selfSigned() {
    return CACHE.computeIfAbsent("self-signed", key -> {
      Instant now = Instant.now();
      CertificateMint.Issued leaf = CertificateMint.server("localhost", Authority.LEAF_KEYS, null,
          now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
      return new TestCertificates("localhost", leaf.keys().getPrivate(), List.of(leaf.certificate()));
    });
  }

  /**
   * A certificate for {@code localhost} issued by another CA that nobody trusts; the chain includes that CA.
   *
   * @return the certificates
   */
  public static TestCertificates unknownCa() {
    return CACHE.computeIfAbsent("unknown-ca", key -> {
      Instant now = Instant.now();
      CertificateMint.Issued otherCa =
          CertificateMint.certificateAuthority("Unknown Test CA", CertificateMint.newKeyPair());
      CertificateMint.Issued leaf = CertificateMint.server("localhost", Authority.LEAF_KEYS, otherCa,
          now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
      return new TestCertificates("localhost", leaf.keys().getPrivate(), List.of(leaf.certificate(),
          otherCa.certificate()));
    });
  }

  /** Returns the host name the server certificate names. */
  public String hostName() {
    return hostName;
  }

  /** Returns the server certificate chain, leaf first. */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /** Returns the server certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Returns the server's private key. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** Returns key managers presenting this server certificate. */
  public KeyManager[] keyManagers() {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("server", privateKey, PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keyStore, PASSWORD);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns a server-side TLS context presenting this certificate. */
  public SSLContext serverContext() {
    SSLContext context = serverContext;
    if (context == null) serverContext = context = newContext(keyManagers(), null);
    return context;
  }

  /** Returns the test CA certificate, the only trust anchor of {@link #trustStore()}. */
  public X509Certificate caCertificate() {
    return Authority.CA.certificate();
  }

  /** Returns a new key store holding only the test CA certificate. */
  public KeyStore trustStore() {
    try {
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry("mailroom-test-ca", caCertificate());
      return trustStore;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns a client-side TLS context that trusts only the test CA. It does not check host names by itself: set
   * {@code SSLParameters.setEndpointIdentificationAlgorithm("HTTPS")} on the socket, as a mail client must.
   */
  public SSLContext clientContext() {
    SSLContext context = clientContext;
    if (context == null) {
      try {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore());
        clientContext = context = newContext(null, factory.getTrustManagers());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return context;
  }

  private static SSLContext newContext(KeyManager[] keyManagers, TrustManager[] trustManagers) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "TestCertificates[" + certificate().getSubjectX500Principal() + ", issuer "
        + certificate().getIssuerX500Principal() + ", not after " + certificate().getNotAfter().toInstant() + "]";
  }
}
