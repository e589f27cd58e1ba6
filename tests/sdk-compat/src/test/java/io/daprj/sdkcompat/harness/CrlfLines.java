package io.daprj.sdkcompat.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the CRLF-terminated lines of the text protocols the harness speaks by hand (Redis RESP, NATS). */
final class CrlfLines {

    private CrlfLines() {}

    /** The next line without its CRLF; {@code server} names the peer in the error when it hangs up mid-line. */
    static String read(InputStream in, String server) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException(server + " closed the connection mid-reply: '" + line.toString(StandardCharsets.UTF_8)
                + "'");
    }
}
