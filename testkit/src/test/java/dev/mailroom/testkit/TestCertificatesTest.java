package dev.mailroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated certificates have the properties their names promise. */
class TestCertificatesTest {
  private static final X509Certificate CA = TestCertificates.localhost().caCertificate();

  @Test
  void localhostIsIssuedByTheTestCaForLocalhostAndLoopback() throws Exception {
    TestCertificates localhost = TestCertificates.localhost();
    X509Certificate leaf = localhost.certificate();
    leaf.checkValidity();
    leaf.verify(CA.getPublicKey());
    assertEquals(CA.getSubjectX500Principal(), leaf.getIssuerX500Principal());
    assertEquals(Set.of("2:localhost", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1"), subjectAltNames(leaf));
    assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
    assertTrue(leaf.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    assertEquals(List.of(leaf, CA), localhost.certificateChain());
    assertEquals("localhost", localhost.hostName());
    assertEquals("EC", localhost.privateKey().getAlgorithm());
  }

  @Test
  void theCaIsACa() throws Exception {
    CA.checkValidity();
    CA.verify(CA.getPublicKey());
    assertTrue(CA.getBasicConstraints() >= 0);
    KeyStore trustStore = TestCertificates.selfSigned().trustStore();
    assertEquals(List.of("mailroom-test-ca"), Collections.list(trustStore.aliases()));
    assertEquals(CA, trustStore.getCertificate("mailroom-test-ca"));
  }

  @Test
  void otherHostNamesOnlyThatHost() throws Exception {
    X509Certificate leaf = TestCertificates.forHost("other.example.org").certificate();
    leaf.verify(CA.getPublicKey());
    assertEquals(Set.of("2:other.example.org"), subjectAltNames(leaf));
  }

  @Test
  void expiredIsIssuedByTheCaButExpired() throws Exception {
    X509Certificate leaf = TestCertificates.expired().certificate();
    leaf.verify(CA.getPublicKey());
    assertThrows(CertificateExpiredException.class, leaf::checkValidity);
  }

  @Test
  void selfSignedAndUnknownCaAreNotIssuedByTheTestCa() throws Exception {
    X509Certificate selfSigned = TestCertificates.selfSigned().certificate();
    selfSigned.verify(selfSigned.getPublicKey());
    assertEquals(selfSigned.getSubjectX500Principal(), selfSigned.getIssuerX500Principal());
    assertThrows(SignatureException.class, () -> selfSigned.verify(CA.getPublicKey()));

    TestCertificates unknown = TestCertificates.unknownCa();
    X509Certificate otherCa = unknown.certificateChain().get(1);
    unknown.certificate().verify(otherCa.getPublicKey());
    assertNotEquals(CA, otherCa);
    assertThrows(SignatureException.class, () -> unknown.certificate().verify(CA.getPublicKey()));
    assertEquals(CA, unknown.caCertificate(), "the client side always trusts the one test CA");
  }

  @Test
  void certificatesAndContextsAreCached() {
    assertSame(TestCertificates.localhost(), TestCertificates.localhost());
    assertSame(TestCertificates.localhost().serverContext(), TestCertificates.localhost().serverContext());
    assertSame(TestCertificates.localhost().clientContext(), TestCertificates.localhost().clientContext());
    assertSame(TestCertificates.forHost("a.test"), TestCertificates.forHost("a.test"));
    assertEquals(TestCertificates.localhost().privateKey(), TestCertificates.expired().privateKey());
  }

  private static Set<String> subjectAltNames(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream()
        .map(name -> name.get(0) + ":" + name.get(1))
        .collect(Collectors.toSet());
  }
}
