package io.daprj.runtime.grpc;

import io.dapr.v1.DaprMetadataProtos;
import io.daprj.runtime.metadata.MetadataSnapshot;

/** The metadata snapshot as {@code GetMetadataResponse}. */
final class MetadataGrpcMapping {

    private MetadataGrpcMapping() {}

    static DaprMetadataProtos.GetMetadataResponse response(MetadataSnapshot s) {
        DaprMetadataProtos.GetMetadataResponse.Builder b = DaprMetadataProtos.GetMetadataResponse.newBuilder()
                .setId(s.id())
                .setRuntimeVersion(s.runtimeVersion())
                .addAllEnabledFeatures(s.enabledFeatures())
                .putAllExtendedMetadata(s.extended())
                .setActorRuntime(DaprMetadataProtos.ActorRuntime.newBuilder()
                        .setRuntimeStatus(DaprMetadataProtos.ActorRuntime.ActorRuntimeStatus.DISABLED));
        for (MetadataSnapshot.Component c : s.components()) {
            b.addRegisteredComponents(DaprMetadataProtos.RegisteredComponents.newBuilder()
                    .setName(c.name()).setType(c.type()).setVersion(c.version()).addAllCapabilities(c.capabilities()));
        }
        for (MetadataSnapshot.Subscription sub : s.subscriptions()) {
            DaprMetadataProtos.PubsubSubscriptionRules.Builder rules = DaprMetadataProtos.PubsubSubscriptionRules.newBuilder();
            sub.rules().forEach(r -> rules.addRules(
                    DaprMetadataProtos.PubsubSubscriptionRule.newBuilder().setMatch(r.match()).setPath(r.path())));
            b.addSubscriptions(DaprMetadataProtos.PubsubSubscription.newBuilder()
                    .setPubsubName(sub.pubsubName()).setTopic(sub.topic()).putAllMetadata(sub.metadata())
                    .setRules(rules).setDeadLetterTopic(sub.deadLetterTopic())
                    .setType(DaprMetadataProtos.PubsubSubscriptionType.valueOf(sub.type())));
        }
        s.appConnection().ifPresent(app -> {
            DaprMetadataProtos.AppConnectionProperties.Builder a = DaprMetadataProtos.AppConnectionProperties.newBuilder()
                    .setPort(app.port()).setProtocol(app.protocol()).setChannelAddress(app.channelAddress())
                    .setMaxConcurrency(app.maxConcurrency());
            app.health().ifPresent(h -> a.setHealth(DaprMetadataProtos.AppConnectionHealthProperties.newBuilder()
                    .setHealthCheckPath(h.healthCheckPath())
                    .setHealthProbeInterval(h.healthProbeInterval())
                    .setHealthProbeTimeout(h.healthProbeTimeout())
                    .setHealthThreshold(h.healthThreshold())));
            b.setAppConnectionProperties(a);
        });
        return b.build();
    }
}
