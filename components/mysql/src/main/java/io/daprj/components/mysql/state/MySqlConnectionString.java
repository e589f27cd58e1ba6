package io.daprj.components.mysql.state;

import io.daprj.spi.GoDuration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * A Dapr {@code connectionString} turned into a MariaDB JDBC URL and driver properties. Dapr hands the string to
 * Go's MySQL driver, whose DSN reads {@code [user[:password]@][tcp(host:port)|unix(/socket)]/dbname[?k=v&...]};
 * a {@code jdbc:mariadb:} URL is taken as it is and {@code jdbc:mysql:} is read as one. Of the DSN parameters,
 * {@code tls}, {@code timeout} and {@code readTimeout} are honoured; the others (such as {@code parseTime}) concern
 * only Go and are ignored.
 *
 * @param jdbcUrl the URL for the MariaDB JDBC driver
 * @param properties user, password and the other settings, under the driver's names
 */
public record MySqlConnectionString(String jdbcUrl, Properties properties) {

    /**
     * @param pemPath the CA certificates that {@code tls=custom} names, as Dapr's {@code pemPath}
     * @throws IllegalArgumentException naming {@code connectionString} when it cannot be read
     */
    public static MySqlConnectionString parse(String connectionString, Optional<String> pemPath) {
        String s = connectionString.trim();
        if (s.startsWith("jdbc:mariadb:") || s.startsWith("jdbc:mysql:")) {
            return new MySqlConnectionString("jdbc:mariadb:" + s.substring(s.indexOf(':', 5) + 1), new Properties());
        }
        int slash = s.lastIndexOf('/');
        if (slash < 0) {
            throw invalid("missing '/' before the database name (expected: user:password@tcp(host:port)/dbname)");
        }
        Properties properties = new Properties();
        String before = s.substring(0, slash);
        String after = s.substring(slash + 1);
        int at = before.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = before.substring(0, at);
            int colon = userInfo.indexOf(':');
            properties.setProperty("user", colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            if (colon >= 0 && colon < userInfo.length() - 1) {
                properties.setProperty("password", userInfo.substring(colon + 1));
            }
        }
        String address = address(before.substring(at + 1), properties);
        int q = after.indexOf('?');
        String database = q >= 0 ? after.substring(0, q) : after;
        if (q >= 0) {
            parameters(after.substring(q + 1), pemPath, properties);
        }
        return new MySqlConnectionString("jdbc:mariadb://" + address + "/" + database, properties);
    }

    /** {@code tcp(host:port)}, {@code tcp}, {@code unix(/path)} or nothing: the host part of the JDBC URL. */
    private static String address(String net, Properties properties) {
        if (net.isEmpty() || net.equals("tcp")) {
            return "127.0.0.1:3306";
        }
        int open = net.indexOf('(');
        if (open < 0 || !net.endsWith(")")) {
            throw invalid("'" + net + "' is not an address (expected: tcp(host:port) or unix(/path))");
        }
        String protocol = net.substring(0, open);
        String target = net.substring(open + 1, net.length() - 1);
        return switch (protocol) {
            case "tcp" -> target.isEmpty() ? "127.0.0.1:3306"
                    : target.lastIndexOf(':') > target.lastIndexOf(']') ? target : target + ":3306";
            case "unix" -> {
                properties.setProperty("localSocket", target);
                yield "localhost";
            }
            default -> throw invalid("unsupported protocol '" + protocol + "' (expected: tcp or unix)");
        };
    }

    private static void parameters(String query, Optional<String> pemPath, Properties properties) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty() || eq < 0) {
                continue;
            }
            String key = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "tls" -> tls(value, pemPath, properties);
                case "timeout" -> properties.setProperty("connectTimeout", millis(key, value));
                case "readTimeout" -> properties.setProperty("socketTimeout", millis(key, value));
                default -> {
                    // parameters for Go's driver only (parseTime, loc, charset, ...)
                }
            }
        }
    }

    private static void tls(String value, Optional<String> pemPath, Properties properties) {
        switch (value) {
            case "true" -> properties.setProperty("sslMode", "verify-full");
            case "skip-verify", "preferred" -> properties.setProperty("sslMode", "trust");
            case "false" -> properties.setProperty("sslMode", "disable");
            case "custom" -> {
                properties.setProperty("sslMode", "verify-full");
                properties.setProperty("serverSslCert",
                        pemPath.orElseThrow(() -> invalid("tls=custom needs the metadata field 'pemPath'")));
            }
            default -> throw invalid("tls=" + value + " (expected: true, false, skip-verify, preferred or custom)");
        }
    }

    private static String millis(String key, String value) {
        try {
            return Long.toString(GoDuration.parse(value).toMillis());
        } catch (IllegalArgumentException e) {
            throw invalid(key + "=" + value + " (expected: a duration such as 5s)");
        }
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("metadata field 'connectionString': " + why);
    }

    @Override
    public String toString() {
        return jdbcUrl;
    }
}
