package io.daprj.runtime.invoke;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a TCP port accepts connections; how the sidecar learns the app is up. */
final class PortProbe {

    private PortProbe() {}

    static boolean open(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
