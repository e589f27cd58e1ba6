package io.daprj.runtime.pubsub;

import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.invoke.AppChannel;
import io.daprj.spi.pubsub.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions this sidecar runs for its app: the declarative ones that apply to it plus the app's programmatic
 * ones, started once the app listens, each on its component with a {@link PubSubDelivery}. A subscription to an
 * unknown component or a topic outside {@code subscriptionScopes} is logged and left out, as daprd does.
 */
public final class ActiveSubscriptions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActiveSubscriptions.class);
    /** Asking the app for its subscriptions, like daprd's built-in initialisation retries. */
    private static final int DISCOVERY_ATTEMPTS = 5;
    private static final Duration DISCOVERY_BACKOFF = Duration.ofMillis(500);

    private final PubSubApi api;
    private final String appId;
    private final List<SubscriptionSpec> declared;
    private final List<SubscriptionSpec> running = new CopyOnWriteArrayList<>();
    private final List<Subscription> live = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public ActiveSubscriptions(PubSubApi api, String appId, List<SubscriptionSpec> declarative) {
        this.api = api;
        this.appId = appId;
        this.declared = declarative.stream().filter(s -> s.appliesTo(appId)).toList();
    }

    /** Starts delivering to an HTTP app through its app channel. */
    public void startHttp(AppChannel channel) {
        start(new HttpSubscriberApp(channel, appId));
    }

    /** Starts delivering to a gRPC app's {@code AppCallback} service. */
    public void startGrpc(String host, int port, int maxConcurrency) {
        start(new GrpcSubscriberApp(host, port, maxConcurrency));
    }

    void start(SubscriberApp app) {
        List<SubscriptionSpec> all = new ArrayList<>(declared);
        all.addAll(discover(app));
        for (SubscriptionSpec spec : all) {
            if (closed) {
                return;
            }
            subscribe(spec, app);
        }
    }

    /** What runs now, streaming subscriptions included, for the metadata API. */
    public List<SubscriptionSpec> list() {
        List<SubscriptionSpec> all = new ArrayList<>(running);
        all.addAll(api.streaming().list());
        return all;
    }

    private List<SubscriptionSpec> discover(SubscriberApp app) {
        for (int attempt = 1; attempt <= DISCOVERY_ATTEMPTS && !closed; attempt++) {
            try {
                return app.subscriptions();
            } catch (RuntimeException e) {
                log.warn("asking the app for its subscriptions failed (attempt {} of {}): {}", attempt,
                        DISCOVERY_ATTEMPTS, e.toString());
                sleep(DISCOVERY_BACKOFF.multipliedBy(attempt));
            }
        }
        log.error("the app did not list its subscriptions; going on with the declarative ones only");
        return List.of();
    }

    private void subscribe(SubscriptionSpec spec, SubscriberApp app) {
        try {
            Subscription subscription = api.subscribe(spec, app);
            live.add(subscription);
            if (closed) {
                subscription.close(); // the sidecar closed while this one was starting
                return;
            }
            running.add(spec);
            log.info("app is subscribed to topic {} on pubsub {} ({})", spec.topic(), spec.pubsubName(),
                    spec.type().name().toLowerCase(java.util.Locale.ROOT));
        } catch (DaprException e) {
            log.warn("{} skipped: {}", spec.describe(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} failed: {}", spec.describe(), e.toString());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        api.streaming().close();
        live.forEach(Subscription::close);
        live.clear();
        running.clear();
    }
}
