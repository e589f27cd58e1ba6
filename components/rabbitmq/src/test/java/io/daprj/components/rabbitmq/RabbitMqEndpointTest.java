package io.daprj.components.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection settings: Dapr's URI forms, credentials kept out of messages, and TLS from PEM metadata. */
class RabbitMqEndpointTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static KeyStore serverStore;
    private static String certificatePem;
    private static String keyPem;

    /** A self-signed certificate and its key, made by the JDK's keytool. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        serverStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            serverStore.load(in, STORE_PASSWORD);
        }
        certificatePem = pem("CERTIFICATE", serverStore.getCertificate("server").getEncoded());
        keyPem = pem("PRIVATE KEY", serverStore.getKey("server", STORE_PASSWORD).getEncoded());
    }

    @Test
    void separateFieldsJoinIntoOneUriWithTheCredentialsEscaped() {
        String uri = RabbitMqEndpoint.uri("amqp", "broker:5673", Optional.of("us er"), Optional.of("p@ss:word"));
        ConnectionFactory factory = endpoint(uri, Optional.empty()).factory();
        assertThat(factory.getHost()).isEqualTo("broker");
        assertThat(factory.getPort()).isEqualTo(5673);
        assertThat(factory.getUsername()).isEqualTo("us er");
        assertThat(factory.getPassword()).isEqualTo("p@ss:word");
        assertThat(factory.isSSL()).isFalse();
    }

    @Test
    void messagesNeverShowTheCredentials() {
        assertThat(endpoint("amqp://user:secret@broker:5672/vhost", Optional.empty()).description())
                .isEqualTo("amqp://broker:5672/vhost");
        assertThatThrownBy(() -> endpoint("https://user:secret@broker", Optional.empty()))
                .hasMessageContaining("expected: amqp://").hasMessageNotContaining("secret");
    }

    @Test
    void tlsTrustsTheGivenCaCertificate() throws Exception {
        ConnectionFactory factory = endpoint("amqps://broker:5671", Optional.of(certificatePem)).factory();
        assertThat(factory.isSSL()).isTrue();
        assertThatCode(() -> handshake(RabbitMqTls.context(Optional.of(certificatePem), Optional.empty(),
                Optional.empty()))).doesNotThrowAnyException();
    }

    @Test
    void withoutACaCertificateTlsTrustsOnlyTheJvmsAuthorities() {
        assertThatThrownBy(() -> handshake(RabbitMqTls.context(Optional.empty(), Optional.empty(), Optional.empty())))
                .hasStackTraceContaining("PKIX");
    }

    @Test
    void aClientCertificateWithItsPkcs8KeyIsAccepted() {
        assertThatCode(() -> RabbitMqTls.context(Optional.of(certificatePem), Optional.of(certificatePem),
                Optional.of(keyPem))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RabbitMqTls.context(Optional.empty(), Optional.of(certificatePem),
                Optional.of(keyPem.replace("PRIVATE KEY", "RSA PRIVATE KEY"))))
                .hasMessageContaining("PKCS#8");
        assertThatThrownBy(() -> RabbitMqTls.context(Optional.of("not a certificate"), Optional.empty(),
                Optional.empty())).hasMessageContaining("invalid");
    }

    @Test
    void saslExternalNeedsTheCertificates() {
        assertThatThrownBy(() -> new RabbitMqEndpoint("amqps://broker", Optional.empty(), Optional.empty(),
                Optional.empty(), true, Duration.ofSeconds(10))).hasMessageContaining("saslExternal");
    }

    private static RabbitMqEndpoint endpoint(String uri, Optional<String> caCert) {
        return new RabbitMqEndpoint(uri, caCert, Optional.empty(), Optional.empty(), false, Duration.ofSeconds(10));
    }

    /** A TLS handshake with a local server presenting the self-signed certificate. */
    private static void handshake(SSLContext client) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverStore, STORE_PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(1);
                } catch (Exception e) {
                    // the client's failure is what the test looks at
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                    listener.getLocalPort())) {
                socket.startHandshake();
                assertThat(socket.getInputStream().read()).isEqualTo(1);
            } finally {
                accepted.cancel(true);
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
