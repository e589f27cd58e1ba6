package io.daprj.sdkcompat.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dapr.client.DaprClient;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.PackagedComponentTypes;
import io.daprj.sdkcompat.harness.SidecarCrash;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import io.daprj.sdkcompat.harness.TopicSubscriberApp;
import io.daprj.sdkcompat.harness.WireClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing published is lost when the subscriber's sidecar dies: a publisher sidecar (the SDK's {@code publishEvent},
 * gRPC) sends numbered messages {@code 1..300}; a {@link TopicSubscriberApp} behind its own sidecar answers DROP for
 * every multiple of 7, RETRY the first time for the other multiples of 5, SUCCESS otherwise, and also subscribes to
 * the dead-letter topic. Once it has answered {@value #ANSWERED_BEFORE_KILL} messages the app stops answering (the
 * deliveries it then holds are in flight), the subscriber's sidecar gets SIGKILL, more messages are published while
 * it is down, it is started again with the same app id (so the same consumer group), and the rest are published.
 * Then every message that was not dropped has been answered by the app at least once — the held ones included,
 * which only counts if they were delivered again — every dropped one has reached the dead-letter topic, and every
 * retried one came again or went to the dead-letter topic.
 *
 * <p>A broker is one subclass: the component YAML both sidecars load, its type (the class is skipped while the
 * distribution has no such component), and a probe that the broker is up. The YAML must let a message held by a dead
 * consumer come back within a few seconds (a short {@code processingTimeout} or the broker's equivalent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
abstract class AbstractPubSubE2ETest {

    private static final int MESSAGES = 300;
    /** Published before the kill, so the subscriber is mid-stream when it dies. */
    private static final int BEFORE_KILL = 200;
    /** Published while the subscriber's sidecar is dead. */
    private static final int WHILE_DOWN = 50;
    private static final int ANSWERED_BEFORE_KILL = 30;
    private static final Duration DELIVERY = Duration.ofSeconds(40);
    private static final Duration CALL = Duration.ofSeconds(10);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "e2e-" + run;
    private final String deadLetterTopic = "e2e-" + run + "-dead";
    private final String subscriberId = "e2e-sub-" + run;

    private final Map<Integer, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final Set<Integer> deadLettered = ConcurrentHashMap.newKeySet();
    private final Set<Integer> retried = ConcurrentHashMap.newKeySet();
    /** Deliveries the app received but never answered: in flight when the sidecar was killed. */
    private final Set<Integer> held = ConcurrentHashMap.newKeySet();
    private final CountDownLatch killed = new CountDownLatch(1);
    private final List<DaprdProcess> sidecars = new ArrayList<>();

    private Path home;
    private Path resources;
    private TopicSubscriberApp app;
    private DaprClient publisher;
    private DaprdProcess subscriber;

    /** The run's topic (unique per run), for components that must name it up front. */
    String topic() {
        return topic;
    }

    /** The subscriber sidecar's app id (the default consumer id). */
    String subscriberId() {
        return subscriberId;
    }

    /** The run's dead-letter topic. */
    String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** The pub/sub component's {@code metadata.name}. */
    abstract String pubsubName();

    /** Its {@code spec.type}; the class is skipped while the packaged sidecar has no such component. */
    abstract String componentType();

    /** Empty when the broker accepts connections, else why not (the class is then skipped). */
    abstract Optional<String> brokerUnavailable();

    /** Writes the component YAML file(s) both sidecars load into {@code resources}. */
    abstract void writeComponents(Path resources) throws IOException;

    /** Removes what the run left on the broker (streams, queues, tables), once the sidecars have ended. */
    void cleanUp(String topic, String deadLetterTopic) throws Exception {}

    @BeforeAll
    void startPublisherAndSubscriber(@TempDir Path workDir) throws IOException {
        Assumptions.assumeTrue(PackagedComponentTypes.contains(componentType()), () -> componentType()
                + " is not in the packaged sidecar yet (it has: " + PackagedComponentTypes.all() + ")");
        Optional<String> down = brokerUnavailable();
        Assumptions.assumeTrue(down.isEmpty(), () -> "the broker of " + componentType() + " is down: " + down.get());
        home = workDir.resolve("home");
        resources = Files.createDirectories(workDir.resolve("resources"));
        writeComponents(resources);
        app = TopicSubscriberApp.start(subscriptions(), this::onEvent);
        List<DaprdProcess> started = DaprdProcess.startTogether(
                DaprdProcess.builder("e2e-pub-" + run).daprjHome(home).resourcesPath(resources),
                subscriberSidecar());
        sidecars.addAll(started);
        publisher = started.get(0).newClient();
        subscriber = started.get(1);
        awaitSubscribed(subscriber);
    }

    @AfterAll
    void stop() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
        sidecars.forEach(DaprdProcess::close);
        if (app != null) {
            app.close();
            cleanUp(topic, deadLetterTopic);
        }
    }

    @Test
    // the sidecar's restart is part of the test: ~5 s on a quiet machine, 30-45 s when 2 cores run 20 other JVMs
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void noMessageIsLostWhenTheSubscribersSidecarIsKilledMidStream() throws Exception {
        publish(1, BEFORE_KILL);
        await("a delivery held in flight").atMost(DELIVERY).until(() -> !held.isEmpty());
        SidecarCrash.kill(subscriber);
        killed.countDown();

        publish(BEFORE_KILL + 1, BEFORE_KILL + WHILE_DOWN);
        subscriber = subscriberSidecar().start();
        sidecars.add(subscriber);
        publish(BEFORE_KILL + WHILE_DOWN + 1, MESSAGES);

        Set<Integer> kept = numbers(n -> n % 7 != 0);
        Set<Integer> dropped = numbers(n -> n % 7 == 0);
        await("every message answered or dead-lettered").atMost(DELIVERY).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(held).as("messages in flight at the kill that never came again")
                            .allMatch(n -> answered.containsKey(n) || deadLettered.contains(n));
                    assertThat(answered.keySet()).as("messages the app answered").containsAll(kept);
                    assertThat(deadLettered).as("messages that reached the dead-letter topic").containsAll(dropped);
                    // daprd without a resiliency policy dead-letters a RETRY at once; with one it delivers it again
                    assertThat(retried).as("messages answered RETRY that neither came again nor were dead-lettered")
                            .isNotEmpty()
                            .allMatch(n -> answered.get(n).get() > 1 || deadLettered.contains(n));
                });
        assertThat(answered.keySet()).as("only messages the test published").allMatch(n -> n >= 1 && n <= MESSAGES);
    }

    private DaprdProcess.Builder subscriberSidecar() {
        return DaprdProcess.builder(subscriberId).daprjHome(home).resourcesPath(resources).appPort(app.port());
    }

    /**
     * The app's verdicts: DROP every multiple of 7, RETRY other multiples of 5 once, SUCCESS otherwise. Between the
     * {@value #ANSWERED_BEFORE_KILL}th answer and the kill it answers nothing: those deliveries stay in flight.
     */
    private String onEvent(String path, JsonNode cloudEvent) {
        int n = cloudEvent.path("data").path("n").asInt(-1);
        if (n < 0) {
            throw new IllegalArgumentException("an event without data.n: " + cloudEvent);
        }
        if (path.equals("/dead")) {
            deadLettered.add(n);
            return "SUCCESS";
        }
        if (answered.size() >= ANSWERED_BEFORE_KILL && killed.getCount() > 0) {
            held.add(n);
            awaitKill();
            return "RETRY"; // the sidecar that asked is dead: nobody reads this answer
        }
        answered.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
        if (n % 7 == 0) {
            return "DROP";
        }
        return n % 5 == 0 && retried.add(n) ? "RETRY" : "SUCCESS";
    }

    private void awaitKill() {
        try {
            killed.await(DELIVERY.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String subscriptions() {
        return """
                [{"pubsubname": "%1$s", "topic": "%2$s", "route": "/messages", "deadLetterTopic": "%3$s"},
                 {"pubsubname": "%1$s", "topic": "%3$s", "route": "/dead"}]
                """.formatted(pubsubName(), topic, deadLetterTopic);
    }

    private void publish(int from, int to) {
        for (int n = from; n <= to; n++) {
            publisher.publishEvent(pubsubName(), topic, Map.of("n", n)).block(CALL);
        }
    }

    /** Waits until the sidecar reports both subscriptions running, so no broker can drop what comes before. */
    private void awaitSubscribed(DaprdProcess daprd) {
        WireClient wire = daprd.wire();
        await("the subscriptions").atMost(DELIVERY).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode subs = WireClient.json(wire.get("/v1.0/metadata").body()).path("subscriptions");
            Set<String> topics = new TreeSet<>();
            StreamSupport.stream(subs.spliterator(), false).forEach(s -> topics.add(s.path("topic").asText()));
            return topics.containsAll(List.of(topic, deadLetterTopic));
        });
    }

    private static Set<Integer> numbers(java.util.function.IntPredicate filter) {
        Set<Integer> set = new TreeSet<>();
        IntStream.rangeClosed(1, MESSAGES).filter(filter).forEach(set::add);
        return set;
    }
}
