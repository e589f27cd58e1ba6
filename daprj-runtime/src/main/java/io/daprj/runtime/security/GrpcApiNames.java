package io.daprj.runtime.security;

import java.util.Map;

/**
 * The API group name of each method of {@code dapr.proto.runtime.v1.Dapr} (without its {@code Alpha1}-style
 * suffix), as the allow lists name them: {@code state}, {@code publish}, {@code invoke}, … .
 */
final class GrpcApiNames {

    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("InvokeService", "invoke"),
            Map.entry("InvokeBinding", "bindings"),
            Map.entry("GetMetadata", "metadata"),
            Map.entry("SetMetadata", "metadata"),
            Map.entry("TryLock", "lock"),
            Map.entry("Unlock", "unlock"),
            Map.entry("Encrypt", "crypto"),
            Map.entry("Decrypt", "crypto"),
            Map.entry("Shutdown", "shutdown"));

    private GrpcApiNames() {}

    static String of(String method) {
        String exact = EXACT.get(method);
        if (exact != null) {
            return exact;
        }
        if (method.startsWith("Subtle")) {
            return "subtlecrypto";
        }
        if (method.contains("Actor") || method.equals("InvokeActor")) {
            return "actors";
        }
        if (method.contains("Workflow")) {
            return "workflows";
        }
        if (method.contains("Job")) {
            return "jobs";
        }
        if (method.contains("Configuration")) {
            return "configuration";
        }
        if (method.contains("Secret")) {
            return "secrets";
        }
        if (method.contains("Publish") || method.contains("Subscribe") || method.contains("TopicEvents")) {
            return "publish";
        }
        if (method.contains("State")) {
            return "state";
        }
        if (method.startsWith("Converse")) {
            return "conversation";
        }
        return method.toLowerCase(java.util.Locale.ROOT);
    }
}
