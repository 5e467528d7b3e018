package dev.mailroom.testkit.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues EC P-256 certificates with Bouncy Castle's certificate builder. Signing and conversion use the JDK's own
 * providers; no provider is registered globally. Bouncy Castle types never leave this class.
 */
public final class CertificateMint {
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A key pair with its certificate. */
  public record Issued(KeyPair keys, X509Certificate certificate) {
  }

  private CertificateMint() {
  }

  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available", e);
    }
  }

  /** A self-signed CA certificate. */
  public static Issued certificateAuthority(String commonName, KeyPair keys) {
    X500Name name = new X500Name("CN=" + commonName + ", O=Mailroom testkit");
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), date(now, -1),
          date(now, 3650), name, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      return new Issued(keys, sign(builder, keys.getPrivate()));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue CA certificate", e);
    }
  }

  /**
   * A TLS server certificate for {@code hostName} (DNS SAN, plus IP SANs for 127.0.0.1 and ::1 when the name is
   * {@code localhost}), valid from {@code notBefore} to {@code notAfter}, issued by {@code issuer} or self-signed if
   * {@code issuer} is null.
   */
  public static Issued server(String hostName, KeyPair keys, Issued issuer, Instant notBefore, Instant notAfter) {
    X500Name subject = new X500Name("CN=" + hostName + ", O=Mailroom testkit");
    X500Name issuerName = issuer == null ? subject
        : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, hostName));
    if (hostName.equals("localhost")) {
      names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
      names.add(new GeneralName(GeneralName.iPAddress, "::1"));
    }
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(),
          Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(names.toArray(GeneralName[]::new)))
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      if (issuer != null) {
        builder.addExtension(Extension.authorityKeyIdentifier, false,
            utils.createAuthorityKeyIdentifier(issuer.certificate()));
      }
      return new Issued(keys, sign(builder, signer));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue certificate for " + hostName, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder(SIGNATURE).build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static Date date(Instant now, int days) {
    return Date.from(now.plus(Duration.ofDays(days)));
  }
}
