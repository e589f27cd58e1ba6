package io.daprj.runtime.grpc;

import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprStateProtos;
import io.daprj.runtime.errors.DaprError;
import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.Concurrency;
import io.daprj.spi.state.Consistency;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateOptions;
import java.util.Optional;

/** Proto state messages to and from the SPI request types the state API takes. */
final class StateGrpcMapping {

    private StateGrpcMapping() {}

    static SetRequest set(CommonProtos.StateItem item) {
        return new SetRequest(item.getKey(), item.getValue().toByteArray(), etag(item.hasEtag(), item.getEtag()),
                item.getMetadataMap(), options(item.hasOptions(), item.getOptions()), Optional.empty());
    }

    static DeleteRequest delete(CommonProtos.StateItem item) {
        return new DeleteRequest(item.getKey(), etag(item.hasEtag(), item.getEtag()), item.getMetadataMap(),
                options(item.hasOptions(), item.getOptions()));
    }

    static DeleteRequest delete(DaprStateProtos.DeleteStateRequest r) {
        return new DeleteRequest(r.getKey(), etag(r.hasEtag(), r.getEtag()), r.getMetadataMap(),
                options(r.hasOptions(), r.getOptions()));
    }

    static StateOperation operation(DaprStateProtos.TransactionalStateOperation op) {
        return switch (op.getOperationType()) {
            case "upsert" -> set(op.getRequest());
            case "delete" -> delete(op.getRequest());
            default -> throw DaprError.ERR_NOT_SUPPORTED_STATE_OPERATION.with(
                    "operation type " + op.getOperationType() + " not supported");
        };
    }

    static Consistency consistency(CommonProtos.StateOptions.StateConsistency c) {
        return c == CommonProtos.StateOptions.StateConsistency.CONSISTENCY_STRONG ? Consistency.STRONG : Consistency.EVENTUAL;
    }

    static DaprStateProtos.GetStateResponse response(Optional<StateItem> item) {
        DaprStateProtos.GetStateResponse.Builder b = DaprStateProtos.GetStateResponse.newBuilder();
        item.ifPresent(it -> {
            b.setData(ByteString.copyFrom(it.data())).putAllMetadata(it.metadata());
            it.etag().ifPresent(b::setEtag);
        });
        return b.build();
    }

    static DaprStateProtos.BulkStateItem bulkItem(BulkGetItem item) {
        DaprStateProtos.BulkStateItem.Builder b = DaprStateProtos.BulkStateItem.newBuilder().setKey(item.key());
        item.item().ifPresent(it -> {
            b.setData(ByteString.copyFrom(it.data())).putAllMetadata(it.metadata());
            it.etag().ifPresent(b::setEtag);
        });
        item.error().ifPresent(b::setError);
        return b.build();
    }

    private static Optional<String> etag(boolean present, CommonProtos.Etag etag) {
        return present && !etag.getValue().isEmpty() ? Optional.of(etag.getValue()) : Optional.empty();
    }

    private static StateOptions options(boolean present, CommonProtos.StateOptions options) {
        if (!present) {
            return StateOptions.DEFAULT;
        }
        Concurrency concurrency = options.getConcurrency() == CommonProtos.StateOptions.StateConcurrency.CONCURRENCY_FIRST_WRITE
                ? Concurrency.FIRST_WRITE
                : Concurrency.LAST_WRITE;
        return new StateOptions(concurrency, consistency(options.getConsistency()));
    }
}
