package io.daprj.components.postgres.state;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A Dapr {@code connectionString} turned into a JDBC URL and driver properties. Dapr hands the string to pgx, which
 * reads a URL ({@code postgres://user:pass@host:5432/db?sslmode=disable}) or libpq's {@code key=value} form
 * ({@code host=localhost user=postgres dbname=test}); a {@code jdbc:postgresql:} URL is taken as it is.
 *
 * @param jdbcUrl the URL for the PostgreSQL JDBC driver
 * @param properties user, password and the other settings, under the driver's names
 * @param poolMaxConns pgx's {@code pool_max_conns}, if given
 */
public record PostgresConnectionString(String jdbcUrl, Properties properties, Optional<Integer> poolMaxConns) {

    /** libpq / pgx names and the JDBC driver's names for the same setting. */
    private static final Map<String, String> JDBC_NAMES = Map.ofEntries(
            Map.entry("user", "user"),
            Map.entry("password", "password"),
            Map.entry("sslmode", "sslmode"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("connect_timeout", "connectTimeout"),
            Map.entry("application_name", "ApplicationName"),
            Map.entry("search_path", "currentSchema"),
            Map.entry("target_session_attrs", "targetServerType"));

    /** @throws IllegalArgumentException naming {@code connectionString} when it cannot be read */
    public static PostgresConnectionString parse(String connectionString) {
        String s = connectionString.trim();
        if (s.startsWith("jdbc:postgresql:")) {
            return new PostgresConnectionString(s, new Properties(), Optional.empty());
        }
        if (s.startsWith("postgres://") || s.startsWith("postgresql://")) {
            return fromSettings(urlSettings(s.substring(s.indexOf("://") + 3)));
        }
        return fromSettings(keywordSettings(s));
    }

    private static PostgresConnectionString fromSettings(Map<String, String> settings) {
        String hosts = settings.getOrDefault("host", "localhost");
        String ports = settings.getOrDefault("port", "5432");
        String database = settings.getOrDefault("dbname", settings.getOrDefault("database", ""));
        Properties properties = new Properties();
        Optional<Integer> poolMaxConns = Optional.empty();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey();
            if (key.equals("pool_max_conns")) {
                poolMaxConns = Optional.of(positiveInt(key, e.getValue()));
            } else if (JDBC_NAMES.containsKey(key)) {
                properties.setProperty(JDBC_NAMES.get(key), jdbcValue(key, e.getValue()));
            }
        }
        return new PostgresConnectionString("jdbc:postgresql://" + addresses(hosts, ports) + "/" + database,
                properties, poolMaxConns);
    }

    /** {@code host1:port1,host2:port2}; libpq pairs comma-separated hosts with ports, one port serving all. */
    private static String addresses(String hosts, String ports) {
        String[] h = hosts.split(",");
        String[] p = ports.split(",");
        if (p.length != 1 && p.length != h.length) {
            throw invalid("host and port lists differ in length");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < h.length; i++) {
            String host = h[i].trim();
            if (host.startsWith("/")) {
                throw invalid("Unix socket hosts are not supported; use host=127.0.0.1");
            }
            String port = (p.length == 1 ? p[0] : p[i]).trim();
            positiveInt("port", port);
            out.add((host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port);
        }
        return String.join(",", out);
    }

    /** The part after {@code postgres://}: {@code [user[:password]@][host[:port][,...]][/database][?k=v&...]}. */
    private static Map<String, String> urlSettings(String rest) {
        Map<String, String> settings = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        String main = q >= 0 ? rest.substring(0, q) : rest;
        int at = main.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = main.substring(0, at);
            int colon = userInfo.indexOf(':');
            settings.put("user", decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo));
            if (colon >= 0) {
                settings.put("password", decode(userInfo.substring(colon + 1)));
            }
            main = main.substring(at + 1);
        }
        int slash = main.indexOf('/');
        if (slash >= 0) {
            String database = decode(main.substring(slash + 1));
            if (!database.isEmpty()) {
                settings.put("dbname", database);
            }
            main = main.substring(0, slash);
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String address : main.split(",")) {
            if (address.isEmpty()) {
                continue;
            }
            int close = address.lastIndexOf(']');
            int colon = address.lastIndexOf(':');
            if (colon > close && (close >= 0 || address.indexOf(':') == colon)) {
                hosts.add(address.substring(0, colon).replace("[", "").replace("]", ""));
                ports.add(address.substring(colon + 1));
            } else {
                hosts.add(address.replace("[", "").replace("]", ""));
                ports.add("5432");
            }
        }
        if (!hosts.isEmpty()) {
            settings.put("host", String.join(",", hosts));
            settings.put("port", String.join(",", ports));
        }
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                settings.put(decode(eq >= 0 ? pair.substring(0, eq) : pair).toLowerCase(Locale.ROOT),
                        eq >= 0 ? decode(pair.substring(eq + 1)) : "");
            }
        }
        return settings;
    }

    /** libpq's {@code key=value} list: values may be single-quoted, with backslash escaping inside quotes. */
    private static Map<String, String> keywordSettings(String s) {
        Map<String, String> settings = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                break;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw invalid("expected key=value at '" + s.substring(i) + "'");
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != '\'') {
                    char c = s.charAt(i++);
                    value.append(c == '\\' && i < s.length() ? s.charAt(i++) : c);
                }
                if (i >= s.length()) {
                    throw invalid("unterminated quoted value for '" + key + "'");
                }
                i++;
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    char c = s.charAt(i++);
                    value.append(c == '\\' && i < s.length() ? s.charAt(i++) : c);
                }
            }
            if (key.isEmpty()) {
                throw invalid("empty key");
            }
            settings.put(key, value.toString());
        }
        return settings;
    }

    private static String jdbcValue(String key, String value) {
        if (key.equals("target_session_attrs")) {
            return switch (value) {
                case "read-write", "primary" -> "primary";
                case "read-only", "standby" -> "secondary";
                case "prefer-standby" -> "preferSecondary";
                default -> "any";
            };
        }
        return value;
    }

    private static int positiveInt(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'" + key + "' must be a positive number, not '" + value + "'");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("metadata field 'connectionString': " + why);
    }

    @Override
    public String toString() {
        return jdbcUrl;
    }
}
