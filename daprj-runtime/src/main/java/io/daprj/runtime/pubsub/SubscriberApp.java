package io.daprj.runtime.pubsub;

import java.util.List;

/** The app as a subscriber: it names its subscriptions and answers each event. Thread safe; calls block. */
interface SubscriberApp {

    /**
     * The app's programmatic subscriptions; empty when it has none.
     *
     * @throws RuntimeException when the app could not be asked (the caller retries)
     */
    List<SubscriptionSpec> subscriptions();

    /** Delivers one event; a transport failure is {@link Verdict#RETRY}. */
    Verdict deliver(TopicEvent event);
}
