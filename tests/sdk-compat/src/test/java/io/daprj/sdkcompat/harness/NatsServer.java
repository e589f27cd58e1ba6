package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The NATS server of this machine (127.0.0.1:4222, JetStream on) as a {@code pubsub.jetstream} component sees it, plus
 * creating and deleting the streams a test class publishes to (Dapr's JetStream broker expects them to exist). Speaks
 * just enough of the NATS text protocol for one JetStream API request at a time, so no client library is needed.
 */
public final class NatsServer {

    /** The {@code natsURL} a Dapr component YAML uses. */
    public static final String URL = "nats://127.0.0.1:4222";

    private static final String INBOX = "_INBOX.daprj-sdk-compat";

    private NatsServer() {}

    /** Creates a file stream named {@code name} holding exactly {@code subject}. */
    public static void createStream(String name, String subject) throws IOException {
        String config = "{\"name\":\"" + name + "\",\"subjects\":[\"" + subject + "\"],\"storage\":\"file\","
                + "\"retention\":\"limits\",\"num_replicas\":1}";
        String reply = request("$JS.API.STREAM.CREATE." + name, config);
        if (reply.contains("\"error\"")) {
            throw new IOException("creating stream " + name + " failed: " + reply);
        }
    }

    /** Deletes stream {@code name} and its consumers; a missing stream is no error. */
    public static void deleteStream(String name) throws IOException {
        request("$JS.API.STREAM.DELETE." + name, "");
    }

    private static String request(String subject, String body) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 4222), 2_000);
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String info = CrlfLines.read(in, "NATS");
            if (!info.startsWith("INFO ")) {
                throw new IOException("NATS greeted with '" + info + "' (expected: INFO)");
            }
            out.write(("CONNECT {\"verbose\":false,\"pedantic\":false}\r\nSUB " + INBOX + " 1\r\nPUB " + subject + " "
                    + INBOX + " " + payload.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String line = CrlfLines.read(in, "NATS");
                if (line.startsWith("MSG ")) {
                    String[] parts = line.split(" ");
                    byte[] reply = in.readNBytes(Integer.parseInt(parts[parts.length - 1]));
                    in.readNBytes(2);
                    return new String(reply, StandardCharsets.UTF_8);
                } else if (line.startsWith("-ERR")) {
                    throw new IOException("NATS answered " + line + " to " + subject);
                } else if (line.equals("PING")) {
                    out.write("PONG\r\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
    }
}
