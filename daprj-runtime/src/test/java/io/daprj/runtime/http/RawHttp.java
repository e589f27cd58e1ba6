package io.daprj.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests {@link java.net.http.HttpClient} refuses to send: bytes that are not
 * UTF-8 in paths and bodies, bad percent escapes, oversized headers, bodies that stall.
 */
final class RawHttp {

    /** A parsed answer; status 0 when the server closed the connection without one. */
    record Answer(int status, String head, String body) {

        /** The {@code errorCode} of a Dapr error body, or empty. */
        String errorCode() {
            int at = body.indexOf("\"errorCode\":\"");
            if (at < 0) {
                return "";
            }
            int start = at + "\"errorCode\":\"".length();
            return body.substring(start, body.indexOf('"', start));
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends one request on a fresh connection ({@code Connection: close}) and reads the whole answer. */
    Answer send(String method, String rawPath, byte[] body, String... headers) {
        try (Socket socket = open()) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, rawPath, body == null ? -1 : body.length, headers));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath, e);
        }
    }

    /** A connected socket with nothing sent yet. */
    Socket open() throws IOException {
        return new Socket("127.0.0.1", port);
    }

    /** The request line and headers, with {@code Content-Length} when {@code length >= 0}. */
    static byte[] head(String method, String rawPath, long length, String... headers) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(rawPath.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder h = new StringBuilder(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (length >= 0) {
            h.append("Content-Length: ").append(length).append("\r\n");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        b.writeBytes(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    /**
     * Reads one answer: the head, then a body of {@code Content-Length} bytes, a chunked body up to its last chunk,
     * or everything until the server closes. No status line (reset, silence) is status 0.
     */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            int headEnd = -1;
            long expected = -1;
            boolean chunked = false;
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                    String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
                    chunked = head.contains("transfer-encoding: chunked");
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
                    expected = m.find() ? Long.parseLong(m.group(1)) : head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304") ? 0 : -1;
                }
                if (headEnd >= 0 && (expected >= 0 && all.size() - headEnd - 4 >= expected || chunked && text.endsWith("0\r\n\r\n"))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived so far is the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
            return new Answer(0, text, "");
        }
        int status = Integer.parseInt(text.substring(9, 12));
        return split < 0 ? new Answer(status, text, "") : new Answer(status, text.substring(0, split), text.substring(split + 4));
    }
}
