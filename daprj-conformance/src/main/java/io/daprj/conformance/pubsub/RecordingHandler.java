package io.daprj.conformance.pubsub;

import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A handler that records what it saw: every call, the payloads it accepted (de-duplicated, as redeliveries may
 * repeat), and the order in which payloads first arrived. Calls numbered by {@code failCall} (1-based) throw.
 */
final class RecordingHandler implements MessageHandler {

    private final IntPredicate failCall;
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> firstArrivals = new CopyOnWriteArrayList<>();
    private final List<String> topics = new CopyOnWriteArrayList<>();

    RecordingHandler(IntPredicate failCall) {
        this.failCall = failCall;
    }

    static RecordingHandler acceptingAll() {
        return new RecordingHandler(n -> false);
    }

    @Override
    public void handle(Message message) throws Exception {
        String payload = new String(message.data(), StandardCharsets.UTF_8);
        topics.add(message.topic());
        if (seen.add(payload)) {
            firstArrivals.add(payload);
        }
        if (failCall.test(calls.incrementAndGet())) {
            throw new IllegalStateException("simulated failure of call " + calls.get());
        }
        accepted.add(payload);
    }

    int calls() {
        return calls.get();
    }

    Set<String> accepted() {
        return accepted;
    }

    List<String> firstArrivals() {
        return firstArrivals;
    }

    List<String> topics() {
        return topics;
    }
}
