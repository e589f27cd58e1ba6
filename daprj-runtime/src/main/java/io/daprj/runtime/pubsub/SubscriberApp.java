package io.daprj.runtime.pubsub;

import java.util.List;
import java.util.Map;

/** The app as a subscriber: it names its subscriptions and answers each event. Thread safe; calls block. */
interface SubscriberApp {

    /** Thrown by a delivery when the subscriber went away before it answered: the message goes back to the broker. */
    final class GoneException extends RuntimeException {
        GoneException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The app's programmatic subscriptions; empty when it has none.
     *
     * @throws RuntimeException when the app could not be asked (the caller retries)
     */
    List<SubscriptionSpec> subscriptions();

    /** Delivers one event; a transport failure is {@link Verdict#RETRY}. */
    Verdict deliver(TopicEvent event);

    /**
     * Delivers a batch of a bulk subscription and returns the app's verdict per entry id; an entry it left out is
     * retried by the caller. A transport failure is RETRY for every entry.
     */
    Map<String, Verdict> deliverBulk(BulkEvent event);
}
