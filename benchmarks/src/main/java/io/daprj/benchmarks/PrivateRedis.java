package io.daprj.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the soak's own, on a free port, that keeps its data across a restart: append-only file,
 * fsync on every write, no RDB snapshots, in a folder of its own. {@link #stop} and {@link #start} may be called
 * repeatedly; the port stays the same. Never touches the shared Redis on 6379.
 */
final class PrivateRedis implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    PrivateRedis(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** The command line, as the report states it. */
    List<String> command() {
        return List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "yes", "--appendfsync", "always", "--dir", dir.toString());
    }

    /** Starts the server and waits until it answers PING. */
    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see "
                        + dir.resolve("redis.log"));
            }
            if (pings()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING in 20 s");
    }

    /** SIGTERM and wait: Redis fsyncs its append-only file and exits. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean pings() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }
}
