package io.daprj.components.mail.bindings;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SMTP receiver on 127.0.0.1 for tests: it takes EHLO, optional AUTH PLAIN, MAIL, RCPT, DATA and QUIT,
 * and keeps each mail with its envelope. No TLS, so the client sends in the clear.
 */
final class SmtpTestServer implements AutoCloseable {

    /** One received mail: the envelope, the login used (empty without AUTH) and the parsed message. */
    record Mail(String from, List<String> recipients, String login, MimeMessage message) {}

    private final ServerSocket socket;
    private final boolean offerAuth;
    private final LinkedBlockingQueue<Mail> mails = new LinkedBlockingQueue<>();

    SmtpTestServer(boolean offerAuth) throws IOException {
        this.offerAuth = offerAuth;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next mail received within 10 seconds. */
    Mail next() throws InterruptedException {
        Mail mail = mails.poll(10, TimeUnit.SECONDS);
        if (mail == null) {
            throw new AssertionError("no mail arrived within 10s");
        }
        return mail;
    }

    boolean nothingReceived() {
        return mails.isEmpty();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 test ESMTP");
            String from = "";
            String login = "";
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, offerAuth ? "250-test\r\n250 AUTH PLAIN" : "250 test");
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String[] parts = new String(Base64.getDecoder().decode(line.substring(11).trim()), StandardCharsets.UTF_8).split("\0");
                    login = parts[1] + ":" + parts[2];
                    reply(out, "235 ok");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = line.substring(10).replaceAll("[<>]", "").trim();
                    reply(out, "250 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    recipients.add(line.substring(8).replaceAll("[<>]", "").trim());
                    reply(out, "250 ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 go on");
                    StringBuilder data = new StringBuilder();
                    while (!(line = in.readLine()).equals(".")) {
                        data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    }
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                            new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
                    mails.add(new Mail(from, List.copyOf(recipients), login, message));
                    recipients.clear();
                    reply(out, "250 queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
