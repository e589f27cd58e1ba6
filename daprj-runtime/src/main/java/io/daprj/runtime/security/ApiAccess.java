package io.daprj.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API allow and deny lists of Configuration {@code spec.api}: rules {@code {name, version, protocol}} such as
 * {@code {name: state, version: v1.0, protocol: http}}. Nothing listed allows everything; an allow list allows only
 * what it lists; a deny list takes away what it lists, also from the allow list. The health endpoints are always
 * allowed. Versions may be written the HTTP way ({@code v1.0}, {@code v1.0-alpha1}) or the gRPC way ({@code v1},
 * {@code v1alpha1}); a rule without a protocol applies to both.
 */
public final class ApiAccess {

    /** No lists: every API is allowed. */
    public static final ApiAccess ALLOW_ALL = new ApiAccess(List.of(), List.of());

    private static final Pattern HTTP_PATH = Pattern.compile("^/?(v1\\.0(?:-[a-z]+\\d+)?)/([^/]+).*");
    private static final Pattern GRPC_SUFFIX = Pattern.compile("^(.*?)(Alpha\\d+|Beta\\d+)?$");

    private record Rule(String name, String version, String protocol) {
        boolean matches(String api, String version, String protocol) {
            return name.equals(api) && this.version.equals(version) && (this.protocol.isEmpty() || this.protocol.equals(protocol));
        }
    }

    private final List<Rule> allowed;
    private final List<Rule> denied;

    private ApiAccess(List<Rule> allowed, List<Rule> denied) {
        this.allowed = allowed;
        this.denied = denied;
    }

    /** Reads {@code spec.api} of a Configuration (a missing node allows everything). */
    public static ApiAccess parse(JsonNode api) {
        return new ApiAccess(rules(api.path("allowed")), rules(api.path("denied")));
    }

    public boolean restricts() {
        return !allowed.isEmpty() || !denied.isEmpty();
    }

    /** Whether the HTTP route {@code pattern} (e.g. {@code /v1.0/state/{storeName}}) is served. */
    public boolean httpAllowed(String pattern) {
        Matcher m = HTTP_PATH.matcher(pattern);
        if (!m.matches()) {
            return true; // not a versioned Dapr API route (e.g. the invocation fallback)
        }
        return allowed(m.group(2), normalVersion(m.group(1)), "http");
    }

    /** Whether the gRPC method {@code fullMethod} ({@code dapr.proto.runtime.v1.Dapr/GetState}) is served. */
    public boolean grpcAllowed(String fullMethod) {
        String path = fullMethod.startsWith("/") ? fullMethod.substring(1) : fullMethod;
        int slash = path.indexOf('/');
        if (slash < 0 || !path.substring(0, slash).equals("dapr.proto.runtime.v1.Dapr")) {
            return allowed("invoke", "v1", "grpc"); // the gRPC proxy is service invocation
        }
        Matcher m = GRPC_SUFFIX.matcher(path.substring(slash + 1));
        m.matches();
        String version = m.group(2) == null ? "v1" : "v1" + m.group(2).toLowerCase(Locale.ROOT);
        return allowed(GrpcApiNames.of(m.group(1)), version, "grpc");
    }

    private boolean allowed(String api, String version, String protocol) {
        if (api.equals("healthz")) {
            return true;
        }
        if (denied.stream().anyMatch(r -> r.matches(api, version, protocol))) {
            return false;
        }
        return allowed.isEmpty() || allowed.stream().anyMatch(r -> r.matches(api, version, protocol));
    }

    private static List<Rule> rules(JsonNode list) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : list) {
            String name = rule.path("name").asText("").trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                rules.add(new Rule(name, normalVersion(rule.path("version").asText("v1")),
                        rule.path("protocol").asText("").trim().toLowerCase(Locale.ROOT)));
            }
        }
        return List.copyOf(rules);
    }

    /** {@code v1.0} → {@code v1}, {@code v1.0-alpha1} → {@code v1alpha1}; gRPC-style versions stay. */
    static String normalVersion(String version) {
        String v = version.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("v1.0")) {
            return "v1" + v.substring(4).replace("-", "");
        }
        return v;
    }
}
