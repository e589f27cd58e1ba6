package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SDK's configuration calls on {@code configuration.redis} against the Redis server of this machine
 * (127.0.0.1:6379): items are {@code value||version} strings set with {@code SET}, as Dapr documents.
 */
@RequiresComponentModule(module = "redis", componentType = "configuration.redis")
class SdkConfigurationOnRedisTest extends AbstractSdkConfigurationTest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: configstore
            spec:
              type: configuration.redis
              version: v1
              metadata:
              - {name: redisHost, value: "%s"}
            """;

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("configstore.yaml"), COMPONENT.formatted(RedisServer.HOST));
        return DaprdProcess.builder("sdk-config-redis").daprjHome(workDir.resolve("home")).resourcesPath(resources)
                .start();
    }

    @Override
    void write(String key, String value, String version) throws IOException {
        RedisServer.set(key, value + "||" + version);
    }

    @Override
    void afterSidecarStopped() throws IOException {
        RedisServer.deleteKeysStartingWith("sdk_");
    }
}
