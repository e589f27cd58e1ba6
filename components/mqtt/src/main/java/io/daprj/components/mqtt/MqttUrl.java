package io.daprj.components.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The broker address of Dapr's MQTT components, {@code tcp://[user][:password]@host[:port]}: the schemes {@code mqtt}
 * and {@code tcp} connect in the clear, {@code ssl}, {@code tls}, {@code mqtts} and {@code tcps} over TLS (trusting the
 * JVM's CA certificates), as Dapr maps them.
 *
 * @param serverUri the address as Paho takes it, {@code tcp://host:port} or {@code ssl://host:port}
 * @param username the user from the URL, if any
 * @param password the password from the URL, if any
 */
public record MqttUrl(String serverUri, Optional<String> username, Optional<String> password) {

    /** Parses the metadata field {@code url}. */
    public static MqttUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw invalid(url);
        }
        String scheme = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "tcp", "mqtt" -> "tcp";
            case "ssl", "tls", "mqtts", "tcps" -> "ssl";
            default -> throw invalid(url);
        };
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("ssl") ? 8883 : 1883;
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0])).filter(s -> !s.isEmpty());
            password = parts.length > 1 ? Optional.of(decode(parts[1])).filter(s -> !s.isEmpty()) : Optional.empty();
        }
        return new MqttUrl(scheme + "://" + uri.getHost() + ":" + port, user, password);
    }

    /** Fails for Dapr's TLS certificate fields, which are not supported yet. */
    public static void refuseCertificates(Optional<String> caCert, Optional<String> clientCert,
            Optional<String> clientKey) {
        if (caCert.isPresent() || clientCert.isPresent() || clientKey.isPresent()) {
            throw new IllegalArgumentException("metadata fields 'caCert' / 'clientCert' / 'clientKey': TLS"
                    + " certificates are not supported yet (expected: none; ssl:// trusts the JVM's CA certificates)");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("metadata field 'url': '" + url.replaceAll("//[^@/]*@", "//***@")
                + "' (expected: tcp://[username][:password]@host[:port], or ssl:// for TLS)");
    }
}
