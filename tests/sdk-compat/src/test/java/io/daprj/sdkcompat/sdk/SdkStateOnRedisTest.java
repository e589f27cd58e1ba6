package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The SDK's state calls against {@code state.redis} on the Redis server of this machine (127.0.0.1:6379), keys under
 * a literal {@code keyPrefix} of this run, deleted afterwards. Skipped while the distribution has no Redis module.
 */
@RequiresComponentModule(module = "redis", componentType = "state.redis")
class SdkStateOnRedisTest extends AbstractSdkStateTest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: redisstore
            spec:
              type: state.redis
              version: v1
              metadata:
              - {name: redisHost, value: "%s"}
              - {name: keyPrefix, value: "%s"}
            """;

    private final String keyPrefix = "sdk-compat-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("redisstore.yaml"), COMPONENT.formatted(RedisServer.HOST, keyPrefix));
        return DaprdProcess.builder("sdk-state-redis")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .start();
    }

    @Override
    String storeName() {
        return "redisstore";
    }

    @Override
    void afterSidecarStopped() throws IOException {
        RedisServer.deleteKeysStartingWith(keyPrefix + "||");
    }
}
