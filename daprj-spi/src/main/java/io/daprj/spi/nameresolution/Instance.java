package io.daprj.spi.nameresolution;

import static java.util.Objects.requireNonNull;

/**
 * A sidecar reachable by other sidecars.
 *
 * @param appId the app id it serves
 * @param namespace its namespace (may be empty)
 * @param host the address other sidecars dial
 * @param internalGrpcPort its internal (sidecar-to-sidecar) gRPC port
 */
public record Instance(String appId, String namespace, String host, int internalGrpcPort) {

    public Instance {
        requireNonNull(appId, "appId");
        requireNonNull(namespace, "namespace");
        requireNonNull(host, "host");
        if (internalGrpcPort <= 0 || internalGrpcPort > 65535) {
            throw new IllegalArgumentException("internalGrpcPort: " + internalGrpcPort + " (expected: 1-65535)");
        }
    }

    public String address() {
        return host.contains(":") ? "[" + host + "]:" + internalGrpcPort : host + ":" + internalGrpcPort;
    }
}
