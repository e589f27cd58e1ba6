package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports nobody listens on right now. A port is handed out at most once per test JVM, so two sidecars launched
 * together cannot both get a port the first has not bound yet.
 */
final class FreePorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    static int[] take(int count) {
        List<ServerSocket> probes = new ArrayList<>();
        try {
            int[] ports = new int[count];
            int found = 0;
            while (found < count) {
                ServerSocket probe = new ServerSocket(0);
                probes.add(probe);
                if (HANDED_OUT.add(probe.getLocalPort())) {
                    ports[found++] = probe.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find " + count + " free ports", e);
        } finally {
            for (ServerSocket probe : probes) {
                try {
                    probe.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot fail in a way that matters here
                }
            }
        }
    }
}
