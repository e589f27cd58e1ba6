package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Encrypted state on {@code state.redis}: the raw value is the {@code data} field of the key's hash, as Dapr writes
 * it. Keys under a literal {@code keyPrefix} of this run, deleted afterwards.
 */
@RequiresComponentModule(module = "redis", componentType = "state.redis")
class SdkEncryptedStateOnRedisTest extends AbstractSdkEncryptedStateTest {

    private final String keyPrefix = "sdk-compat-enc-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    String storeSpec(Path workDir) {
        return """
                  type: state.redis
                  version: v1
                  metadata:
                  - {name: redisHost, value: "%s"}
                  - {name: keyPrefix, value: "%s"}
                """.formatted(RedisServer.HOST, keyPrefix);
    }

    @Override
    String rawValue(String key) throws Exception {
        byte[] data = RedisServer.hashField(keyPrefix + "||" + key, "data")
                .orElseThrow(() -> new AssertionError("no hash field 'data' at " + keyPrefix + "||" + key));
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    void afterSidecarsStopped() throws Exception {
        RedisServer.deleteKeysStartingWith(keyPrefix + "||");
    }
}
