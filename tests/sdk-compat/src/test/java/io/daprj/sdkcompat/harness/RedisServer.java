package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Redis server of this machine (127.0.0.1:6379, no password) as the sidecar's {@code state.redis} sees it, plus
 * reading and removing the keys a test class wrote there. Speaks just enough RESP for one command at a time, so no
 * client library is needed.
 */
public final class RedisServer {

    /** The {@code redisHost} a Dapr component YAML uses. */
    public static final String HOST = "127.0.0.1:6379";

    private static final String DELETE_MATCHING = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do "
            + "redis.call('DEL', k) n = n + 1 end return n";

    private RedisServer() {}

    /** Deletes every key starting with {@code prefix}; returns how many there were. */
    public static long deleteKeysStartingWith(String prefix) throws IOException {
        if (prefix.isEmpty() || prefix.matches(".*[*?\\[\\]\\\\].*")) {
            throw new IllegalArgumentException("prefix: '" + prefix + "' (expected: non-empty, no glob characters)");
        }
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(command("EVAL", DELETE_MATCHING, "0", prefix + "*"));
            out.flush();
            String reply = CrlfLines.read(socket.getInputStream(), "Redis");
            if (!reply.startsWith(":")) {
                throw new IOException("EVAL of the key cleanup answered '" + reply + "' (expected: an integer reply)");
            }
            return Long.parseLong(reply.substring(1));
        }
    }

    /** Sets the string key {@code key} to {@code value}, as an operator's {@code SET} would. */
    public static void set(String key, String value) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(command("SET", key, value));
            out.flush();
            String reply = CrlfLines.read(socket.getInputStream(), "Redis");
            if (!reply.equals("+OK")) {
                throw new IOException("SET " + key + " answered '" + reply + "' (expected: +OK)");
            }
        }
    }

    /** The value of {@code field} in the hash at {@code key}, as Redis holds it; empty if there is none. */
    public static Optional<byte[]> hashField(String key, String field) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(command("HGET", key, field));
            out.flush();
            InputStream in = socket.getInputStream();
            String header = CrlfLines.read(in, "Redis");
            if (!header.startsWith("$")) {
                throw new IOException(
                        "HGET " + key + " " + field + " answered '" + header + "' (expected: a bulk string)");
            }
            int length = Integer.parseInt(header.substring(1));
            if (length < 0) {
                return Optional.empty();
            }
            byte[] value = in.readNBytes(length);
            in.readNBytes(2);
            return Optional.of(value);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2_000);
            socket.setSoTimeout(5_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            int length = part.getBytes(StandardCharsets.UTF_8).length;
            resp.append('$').append(length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
