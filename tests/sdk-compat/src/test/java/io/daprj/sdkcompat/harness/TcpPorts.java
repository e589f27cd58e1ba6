package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/** Whether a server of this machine accepts connections, so a test of a broker can skip while it is down. */
public final class TcpPorts {

    private TcpPorts() {}

    /** Empty when {@code host:port} accepted a connection within 2 s, else why not (for a skip message). */
    public static Optional<String> unreachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(host + ":" + port + " does not accept connections (" + e.getMessage() + ")");
        }
    }
}
