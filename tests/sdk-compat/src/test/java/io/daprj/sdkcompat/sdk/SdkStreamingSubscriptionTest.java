package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprPreviewClient;
import io.dapr.client.Subscription;
import io.dapr.client.SubscriptionListener;
import io.dapr.client.domain.CloudEvent;
import io.dapr.utils.TypeRef;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@code DaprPreviewClient.subscribeToEvents} (gRPC SubscribeTopicEventsAlpha1) on the embedded default
 * {@code pubsub}, with no app port: the reactive form and the listener form with its RETRY/SUCCESS answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkStreamingSubscriptionTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private DaprdProcess daprd;
    private DaprClient client;
    private DaprPreviewClient preview;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        daprd = DaprdProcess.builder("sdk-streamer").daprjHome(workDir.resolve("home")).start();
        client = daprd.newClient();
        preview = daprd.newPreviewClient();
    }

    @AfterAll
    void stop() throws Exception {
        if (preview != null) {
            preview.close();
        }
        if (client != null) {
            client.close();
        }
        if (daprd != null) {
            daprd.close();
        }
    }

    private boolean subscribed(String topic) {
        return client.getMetadata().block(CALL).getSubscriptions().stream().anyMatch(s -> s.getTopic().equals(topic));
    }

    @Test
    void theReactiveSubscriptionReceivesPublishedEventsUntilDisposed() {
        String topic = "stream-" + UUID.randomUUID();
        List<CloudEvent<String>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = preview.subscribeToEvents("pubsub", topic, new TypeRef<CloudEvent<String>>() {})
                .subscribe(events::add);
        try {
            await().atMost(WAIT).until(() -> subscribed(topic));
            client.publishEvent("pubsub", topic, "hello stream").block(CALL);
            await().atMost(WAIT).until(() -> !events.isEmpty());
            CloudEvent<String> e = events.getFirst();
            assertThat(e.getData()).isEqualTo("hello stream");
            assertThat(e.getTopic()).isEqualTo(topic);
            assertThat(e.getPubsubName()).isEqualTo("pubsub");
            assertThat(e.getSource()).isEqualTo("sdk-streamer");
        } finally {
            subscription.dispose();
        }
        await().atMost(WAIT).until(() -> !subscribed(topic));
    }

    @Test
    void aListenerThatAnswersRetryGetsTheSameEventAgain() throws Exception {
        String topic = "listener-" + UUID.randomUUID();
        List<CloudEvent<String>> events = new CopyOnWriteArrayList<>();
        List<RuntimeException> errors = new CopyOnWriteArrayList<>();
        Subscription subscription = preview.subscribeToEvents("pubsub", topic, new SubscriptionListener<String>() {
            @Override
            public Mono<Status> onEvent(CloudEvent<String> event) {
                events.add(event);
                return Mono.just(events.size() == 1 ? Status.RETRY : Status.SUCCESS);
            }

            @Override
            public void onError(RuntimeException exception) {
                errors.add(exception);
            }
        }, TypeRef.STRING);
        try {
            await().atMost(WAIT).until(() -> subscribed(topic));
            client.publishEvent("pubsub", topic, "try twice").block(CALL);
            await().atMost(WAIT).until(() -> events.size() >= 2);
            Thread.sleep(500); // SUCCESS ended it: no third delivery
            assertThat(events).hasSize(2);
            assertThat(events.get(1).getId()).isEqualTo(events.get(0).getId());
            assertThat(events.get(1).getData()).isEqualTo("try twice");
            assertThat(errors).isEmpty();
        } finally {
            subscription.close();
        }
    }
}
