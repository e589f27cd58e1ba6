package io.daprj.runtime.grpc;

import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprConfigurationProtos.GetConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.GetConfigurationResponse;
import io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationResponse;
import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationResponse;
import io.daprj.runtime.configuration.ConfigurationApi;
import io.daprj.runtime.errors.ErrorResponses;
import io.daprj.spi.configuration.ConfigurationItem;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The configuration RPCs ({@code GetConfiguration}, {@code SubscribeConfiguration}, {@code UnsubscribeConfiguration}
 * and their {@code Alpha1} twins) as daprd serves them: a subscription is a server stream whose first message carries
 * only the subscription id; updates follow until the caller cancels, {@code UnsubscribeConfiguration} names the id
 * (the stream then completes), or the sidecar stops.
 */
final class ConfigurationGrpc {

    private final ConfigurationApi configuration;
    private final String appId;

    ConfigurationGrpc(ConfigurationApi configuration, String appId) {
        this.configuration = configuration;
        this.appId = appId;
    }

    GetConfigurationResponse get(GetConfigurationRequest r) {
        return GetConfigurationResponse.newBuilder()
                .putAllItems(items(configuration.get(r.getStoreName(), r.getKeysList(), r.getMetadataMap())))
                .build();
    }

    /** daprd answers an unknown id with {@code ok: false} and a message, not an error status. */
    UnsubscribeConfigurationResponse unsubscribe(UnsubscribeConfigurationRequest r) {
        if (configuration.endStream(r.getId())) {
            return UnsubscribeConfigurationResponse.newBuilder().setOk(true).build();
        }
        return UnsubscribeConfigurationResponse.newBuilder().setOk(false).setMessage("failed to unsubscribe to"
                + " configuration request " + r.getId() + ": subscription does not exist").build();
    }

    void subscribe(SubscribeConfigurationRequest r, StreamObserver<SubscribeConfigurationResponse> out) {
        SubscriptionStream stream = new SubscriptionStream(out);
        try {
            stream.start(configuration.subscribeStream(r.getStoreName(), r.getKeysList().stream().sorted().toList(),
                    r.getMetadataMap(), update -> stream.send(SubscribeConfigurationResponse.newBuilder()
                            .setId(update.subscriptionId()).putAllItems(items(update.items())).build()),
                    stream::complete));
        } catch (RuntimeException e) {
            stream.fail(e);
        }
    }

    private static Map<String, CommonProtos.ConfigurationItem> items(Map<String, ConfigurationItem> items) {
        Map<String, CommonProtos.ConfigurationItem> converted = new java.util.LinkedHashMap<>();
        items.forEach((key, item) -> converted.put(key, CommonProtos.ConfigurationItem.newBuilder()
                .setValue(item.value()).setVersion(item.version()).putAllMetadata(item.metadata()).build()));
        return converted;
    }

    /**
     * One caller's stream: messages are sent one at a time, updates only after the id message, and nothing after
     * the stream ended; a cancel by the caller ends the subscription.
     */
    private final class SubscriptionStream {

        private final ServerCallStreamObserver<SubscribeConfigurationResponse> out;
        private final ReentrantLock sending = new ReentrantLock();
        private final AtomicReference<String> id = new AtomicReference<>();
        private volatile boolean ended;

        SubscriptionStream(StreamObserver<SubscribeConfigurationResponse> out) {
            this.out = (ServerCallStreamObserver<SubscribeConfigurationResponse>) out;
            this.out.setOnCancelHandler(() -> {
                ended = true;
                String subscription = id.get();
                if (subscription != null) {
                    // unsubscribing blocks on the store, and cancel handlers may run on an event loop
                    Thread.ofVirtual().name("configuration-unsubscribe")
                            .start(() -> configuration.endStream(subscription));
                }
            });
            // updates wait until the id message is out
            sending.lock();
        }

        void start(String subscriptionId) {
            try {
                id.set(subscriptionId);
                out.onNext(SubscribeConfigurationResponse.newBuilder().setId(subscriptionId).build());
            } finally {
                sending.unlock();
            }
            if (out.isCancelled()) {
                configuration.endStream(subscriptionId);
            }
        }

        void send(SubscribeConfigurationResponse message) {
            sending.lock();
            try {
                if (!ended) {
                    out.onNext(message);
                }
            } finally {
                sending.unlock();
            }
        }

        void complete() {
            sending.lock();
            try {
                if (!ended) {
                    ended = true;
                    out.onCompleted();
                }
            } finally {
                sending.unlock();
            }
        }

        void fail(RuntimeException e) {
            ended = true;
            try {
                out.onError(ErrorResponses.grpcStatus(ErrorResponses.toDapr(e), appId));
            } finally {
                if (sending.isHeldByCurrentThread()) {
                    sending.unlock();
                }
            }
        }
    }
}
