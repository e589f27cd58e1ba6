package io.daprj.runtime.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daprj.runtime.health.HealthApi;
import io.daprj.runtime.metadata.MetadataApi;
import io.daprj.runtime.metadata.MetadataSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Metadata, health and shutdown: {@code /v1.0/metadata}, {@code /v1.0/healthz[/outbound]}, {@code /v1.0/shutdown}. */
final class MetadataHttpRoutes {

    private final MetadataApi metadata;
    private final HealthApi health;
    private final Runnable shutdown;

    MetadataHttpRoutes(MetadataApi metadata, HealthApi health, Runnable shutdown) {
        this.metadata = metadata;
        this.health = health;
        this.shutdown = shutdown;
    }

    void register(ApiRouter router) {
        router.add(Set.of("GET"), "/v1.0/metadata", r -> ApiResponse.json(200, Json.write(render(metadata.snapshot()))))
                .add(Set.of("PUT"), "/v1.0/metadata/{key}", r -> {
                    metadata.set(r.param("key"), new String(r.body(), StandardCharsets.UTF_8));
                    return ApiResponse.noContent();
                })
                .add(Set.of("GET"), "/v1.0/healthz", r -> {
                    health.checkReady(r.query().get("appid"));
                    return ApiResponse.noContent();
                })
                .add(Set.of("GET"), "/v1.0/healthz/outbound", r -> {
                    health.checkOutboundReady();
                    return ApiResponse.noContent();
                })
                .add(Set.of("POST"), "/v1.0/shutdown", r -> {
                    shutdown.run();
                    return ApiResponse.noContent();
                });
    }

    /** daprd's JSON shape (§1.16): empty lists and objects are left out. */
    static ObjectNode render(MetadataSnapshot s) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", s.id());
        root.put("runtimeVersion", s.runtimeVersion());
        if (!s.enabledFeatures().isEmpty()) {
            s.enabledFeatures().forEach(root.putArray("enabledFeatures")::add);
        }
        if (!s.components().isEmpty()) {
            ArrayNode components = root.putArray("components");
            for (MetadataSnapshot.Component c : s.components()) {
                ObjectNode o = components.addObject().put("name", c.name()).put("type", c.type()).put("version", c.version());
                if (!c.capabilities().isEmpty()) {
                    c.capabilities().forEach(o.putArray("capabilities")::add);
                }
            }
        }
        ObjectNode extended = root.putObject("extended");
        s.extended().forEach(extended::put);
        s.appConnection().ifPresent(app -> {
            ObjectNode a = root.putObject("appConnectionProperties");
            a.put("port", app.port()).put("protocol", app.protocol()).put("channelAddress", app.channelAddress());
            if (app.maxConcurrency() > 0) {
                a.put("maxConcurrency", app.maxConcurrency());
            }
            app.health().ifPresent(h -> a.putObject("health")
                    .put("healthCheckPath", h.healthCheckPath())
                    .put("healthProbeInterval", h.healthProbeInterval())
                    .put("healthProbeTimeout", h.healthProbeTimeout())
                    .put("healthThreshold", h.healthThreshold()));
        });
        if (!s.subscriptions().isEmpty()) {
            ArrayNode subs = root.putArray("subscriptions");
            for (MetadataSnapshot.Subscription sub : s.subscriptions()) {
                ObjectNode o = subs.addObject().put("pubsubname", sub.pubsubName()).put("topic", sub.topic());
                if (!sub.metadata().isEmpty()) {
                    ObjectNode m = o.putObject("metadata");
                    sub.metadata().forEach(m::put);
                }
                if (!sub.rules().isEmpty()) {
                    ArrayNode rules = o.putArray("rules");
                    sub.rules().forEach(r -> {
                        ObjectNode rule = rules.addObject();
                        if (!r.match().isEmpty()) {
                            rule.put("match", r.match());
                        }
                        if (!r.path().isEmpty()) {
                            rule.put("path", r.path());
                        }
                    });
                }
                o.put("deadLetterTopic", sub.deadLetterTopic()).put("type", sub.type());
            }
        }
        root.putObject("actorRuntime").put("runtimeStatus", s.actorRuntimeStatus()).put("hostReady", false);
        return root;
    }
}
