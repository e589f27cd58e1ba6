package io.daprj.components.redis.state;

/** A {@code redisHost} value split into host and port: {@code host}, {@code host:port} or {@code [v6addr]:port}. */
public record RedisAddress(String host, int port) {

    static final int DEFAULT_PORT = 6379;

    /** @throws IllegalArgumentException naming the value when the port is not a number from 1 to 65535 */
    public static RedisAddress parse(String redisHost) {
        String s = redisHost.trim();
        String host = s;
        String port = null;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw invalid(redisHost);
            }
            host = s.substring(1, end);
            if (s.length() > end + 1) {
                if (s.charAt(end + 1) != ':') {
                    throw invalid(redisHost);
                }
                port = s.substring(end + 2);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw invalid(redisHost);
        }
        if (port == null) {
            return new RedisAddress(host, DEFAULT_PORT);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw invalid(redisHost);
            }
            return new RedisAddress(host, p);
        } catch (NumberFormatException e) {
            throw invalid(redisHost);
        }
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(
                "metadata field 'redisHost': '" + value + "' (expected: host:port, e.g. localhost:6379)");
    }
}
