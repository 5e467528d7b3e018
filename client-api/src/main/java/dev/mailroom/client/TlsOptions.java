package dev.mailroom.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How TLS is negotiated. Host name verification is always on and cannot be switched off, also with a caller-supplied
 * {@link SSLContext} (SECURITY.md T11); SNI is sent for host names.
 *
 * <pre>{@code
 * TlsOptions lab = TlsOptions.builder()
 *     .trustCertificates(Path.of("/tmp/mail-lab/tls/cert.pem"))   // trust exactly these certificates
 *     .build();
 * TlsOptions system = TlsOptions.defaults();                      // the JDK's trust store, TLS 1.3 and 1.2
 * }</pre>
 */
public final class TlsOptions {
  private static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext sslContext;
  private final List<String> protocols;
  private final List<String> cipherSuites;

  private TlsOptions(Builder b) {
    this.sslContext = b.sslContext;
    this.protocols = List.copyOf(b.protocols);
    this.cipherSuites = List.copyOf(b.cipherSuites);
  }

  /** The JDK default trust store and TLS 1.3/1.2. */
  public static TlsOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.sslContext = sslContext;
    b.protocols = protocols;
    b.cipherSuites = cipherSuites;
    return b;
  }

  /** The context sockets are made from; {@code null} means the JDK default, resolved at connect time. */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** Enabled protocol versions, strongest first. */
  public List<String> protocols() {
    return protocols;
  }

  /** Enabled cipher suites; empty means the provider's defaults. */
  public List<String> cipherSuites() {
    return cipherSuites;
  }

  @Override
  public String toString() {
    return "TlsOptions[protocols=" + protocols + (sslContext == null ? ", default context" : ", custom context") + "]";
  }

  /** Builds {@link TlsOptions}. */
  public static final class Builder {
    private SSLContext sslContext;
    private KeyStore trustStore;
    private KeyStore keyStore;
    private char[] keyPassword;
    private List<String> protocols = DEFAULT_PROTOCOLS;
    private List<String> cipherSuites = List.of();

    private Builder() { }

    /** Uses {@code context} as is (its trust and key managers). Host name verification still applies. */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      this.trustStore = null;
      this.keyStore = null;
      return this;
    }

    /** Trusts exactly the certificates in {@code trustStore} instead of the JDK's. */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
      this.sslContext = null;
      return this;
    }

    /** Trusts exactly the X.509 certificates in a PEM (or DER) file instead of the JDK's. */
    public Builder trustCertificates(Path certificateFile) throws IOException {
      Objects.requireNonNull(certificateFile, "certificateFile");
      try (InputStream in = Files.newInputStream(certificateFile)) {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : factory.generateCertificates(in)) {
          store.setCertificateEntry("trusted-" + i++, certificate);
        }
        if (i == 0) {
          throw new IOException("no certificate in " + certificateFile);
        }
        return trustStore(store);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot read certificates from " + certificateFile + ": " + e.getMessage(), e);
      }
    }

    /** Presents a client certificate from {@code keyStore} (for SASL EXTERNAL). */
    public Builder clientCertificate(KeyStore keyStore, char[] password) {
      this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
      this.keyPassword = password == null ? null : password.clone();
      this.sslContext = null;
      return this;
    }

    /** Enabled protocol versions, e.g. {@code "TLSv1.3"}. SSLv3, TLS 1.0 and 1.1 are refused. */
    public Builder protocols(String... protocols) {
      List<String> list = List.of(protocols);
      if (list.isEmpty()) {
        throw new IllegalArgumentException("at least one protocol");
      }
      for (String p : list) {
        if (!p.equals("TLSv1.3") && !p.equals("TLSv1.2")) {
          throw new IllegalArgumentException("unsupported or insecure TLS protocol: " + p);
        }
      }
      this.protocols = list;
      return this;
    }

    /** Enabled cipher suites; none means the provider's defaults. */
    public Builder cipherSuites(String... cipherSuites) {
      this.cipherSuites = List.of(cipherSuites);
      return this;
    }

    /** Builds the options; a trust store or client certificate is turned into an {@link SSLContext} here. */
    public TlsOptions build() {
      if (sslContext == null && (trustStore != null || keyStore != null)) {
        try {
          TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
          tmf.init(trustStore);
          KeyManager[] keyManagers = null;
          if (keyStore != null) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, keyPassword);
            keyManagers = kmf.getKeyManagers();
          }
          SSLContext context = SSLContext.getInstance("TLS");
          context.init(keyManagers, tmf.getTrustManagers(), null);
          sslContext = context;
        } catch (GeneralSecurityException e) {
          throw new IllegalArgumentException("cannot build an SSLContext: " + e.getMessage(), e);
        }
      }
      return new TlsOptions(this);
    }
  }
}
