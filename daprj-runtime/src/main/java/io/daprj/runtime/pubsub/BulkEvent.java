package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A batch of a bulk subscription on its way to the app: the messages of one topic whose route chose the same path.
 *
 * @param id a fresh id of this batch
 */
record BulkEvent(String id, String pubsubName, String topic, String path, List<Entry> entries) {

    /** Daprd's bulk event type. */
    static final String TYPE = "com.dapr.event.sent.bulk";

    /**
     * One message of the batch.
     *
     * @param entryId the id the app answers with
     * @param cloudEvent the envelope
     * @param metadata the broker's message metadata
     */
    record Entry(String entryId, ObjectNode cloudEvent, Map<String, String> metadata) {}

    BulkEvent {
        entries = List.copyOf(entries);
    }
}
