package io.daprj.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports for flags the user left out, as {@code dapr run} picks them. */
final class FreePorts {

    private FreePorts() {}

    /** {@code count} distinct ports free on all addresses a moment ago; all are held open together so none repeats. */
    static List<Integer> pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is still reported; the sidecar's bind will say if it is taken
                }
            }
        }
    }
}
