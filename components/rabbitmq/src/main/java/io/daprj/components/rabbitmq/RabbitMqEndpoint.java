package io.daprj.components.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how to connect: an {@code amqp://} or {@code amqps://} URI (credentials and virtual host in it, as in
 * Dapr), the PEM certificates for TLS, SASL EXTERNAL, and the heartbeat. Builds the client's {@link ConnectionFactory}.
 *
 * @param uri {@code amqp[s]://[user[:password]@]host[:port][/vhost]}; guest/guest when it names no user
 * @param caCert the PEM CA certificate the server's certificate must chain to; the JVM's trust store when empty
 * @param clientCert a PEM client certificate, for mutual TLS
 * @param clientKey the client certificate's PEM (PKCS#8) private key
 * @param saslExternal authenticate by the client certificate (SASL EXTERNAL) instead of user and password
 * @param heartbeat the AMQP heartbeat the client asks for; zero turns heartbeats off
 */
public record RabbitMqEndpoint(String uri, Optional<String> caCert, Optional<String> clientCert,
        Optional<String> clientKey, boolean saslExternal, Duration heartbeat) {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public RabbitMqEndpoint {
        requireNonNull(uri, "uri");
        requireNonNull(caCert, "caCert");
        requireNonNull(clientCert, "clientCert");
        requireNonNull(clientKey, "clientKey");
        requireNonNull(heartbeat, "heartbeat");
        String scheme = scheme(uri);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new IllegalArgumentException("rabbitmq: invalid connection string '" + redact(uri)
                    + "' (expected: amqp://host:port or amqps://host:port)");
        }
        if (clientCert.isPresent() != clientKey.isPresent()) {
            throw new IllegalArgumentException("rabbitmq: clientCert and clientKey must be set together");
        }
        if (saslExternal && (caCert.isEmpty() || clientCert.isEmpty())) {
            throw new IllegalArgumentException(
                    "rabbitmq: saslExternal can only be true when caCert, clientCert and clientKey are set");
        }
    }

    /** True for {@code amqps}. */
    public boolean tls() {
        return scheme(uri).equals("amqps");
    }

    /** The URI without its credentials, for log and error messages. */
    public String description() {
        return redact(uri);
    }

    /** A factory for this endpoint; TLS verifies the server's certificate and host name. */
    public ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("rabbitmq: invalid connection string '" + redact(uri) + "': "
                    + RabbitMqConnector.message(e), e);
        }
        if (tls()) {
            // setUri trusts every certificate for amqps; verify properly instead
            factory.useSslProtocol(RabbitMqTls.context(caCert, clientCert, clientKey));
            factory.enableHostnameVerification();
        }
        if (saslExternal) {
            factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        }
        factory.setRequestedHeartbeat((int) Math.min(65_535, heartbeat.toSeconds()));
        factory.setConnectionTimeout((int) CONNECT_TIMEOUT.toMillis());
        return factory;
    }

    /** {@code scheme://[user[:password]@]hostname}, Dapr's way of joining the separate connection fields. */
    public static String uri(String scheme, String hostname, Optional<String> username, Optional<String> password) {
        StringBuilder s = new StringBuilder(scheme).append("://");
        username.ifPresent(user -> {
            s.append(encode(user));
            password.ifPresent(p -> s.append(':').append(encode(p)));
            s.append('@');
        });
        return s.append(hostname).toString();
    }

    private static String encode(String part) {
        return java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URI's scheme in lower case, or empty when it has none. */
    public static String scheme(String uri) {
        int colon = uri.indexOf("://");
        return colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static String redact(String uri) {
        try {
            URI parsed = new URI(uri);
            if (parsed.getRawUserInfo() == null) {
                return uri;
            }
            return new URI(parsed.getScheme(), null, parsed.getHost(), parsed.getPort(), parsed.getPath(), null, null)
                    .toString();
        } catch (URISyntaxException e) {
            return "<unparseable connection string>";
        }
    }
}
