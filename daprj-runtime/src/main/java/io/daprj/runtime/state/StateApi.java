package io.daprj.runtime.state;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.metrics.DaprMetrics;
import io.daprj.runtime.resiliency.Resiliency;
import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.BulkStateException;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagInvalidException;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateStore;
import io.daprj.spi.state.TransactionalStateStore;
import io.daprj.spi.state.query.QueryResponse;
import io.daprj.spi.state.query.QueryableStateStore;
import io.daprj.spi.state.query.StateQuery;
import io.grpc.Status.Code;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state API: every request is checked, its keys prefixed, the store called, and failures turned into Dapr
 * errors. Requests carry the user's keys; results carry them back.
 */
public final class StateApi {

    private final ComponentStore components;
    private final String appId;
    private final String namespace;
    private final Map<String, StateEncryption> encryption = new java.util.HashMap<>();
    private final DaprMetrics metrics;

    /** @throws io.daprj.runtime.components.ComponentInitException for a store with unusable encryption keys */
    public StateApi(ComponentStore components, String appId, String namespace) {
        this(components, appId, namespace, DaprMetrics.disabled());
    }

    /** Like {@link #StateApi(ComponentStore, String, String)}, recording every store call in {@code metrics}. */
    public StateApi(ComponentStore components, String appId, String namespace, DaprMetrics metrics) {
        this.metrics = metrics;
        this.components = components;
        this.appId = appId;
        this.namespace = namespace;
        for (LoadedComponent<StateStore> store : components.all(StateStore.class)) {
            StateEncryption.of(store.spec()).ifPresent(e -> encryption.put(store.spec().name(), e));
        }
    }

    public Optional<StateItem> get(String storeName, GetRequest request) {
        Target target = target(storeName);
        GetRequest stored = new GetRequest(target.keys.toStored(request.key()), request.metadata(), request.consistency());
        try {
            return call(storeName, "get", () -> target.store.get(stored)).map(item -> decrypted(target, item));
        } catch (RuntimeException e) {
            throw failure(DaprError.ERR_STATE_GET,
                    "fail to get " + request.key() + " from state store " + storeName + ": " + e.getMessage(), e);
        }
    }

    /** Items in the order of {@code requests}, with the user's keys. */
    public List<BulkGetItem> bulkGet(String storeName, List<GetRequest> requests) {
        Target target = target(storeName);
        List<GetRequest> stored = new ArrayList<>(requests.size());
        for (GetRequest r : requests) {
            stored.add(new GetRequest(target.keys.toStored(r.key()), r.metadata(), r.consistency()));
        }
        try {
            List<BulkGetItem> items = call(storeName, "bulk_get", () -> target.store.bulkGet(stored));
            List<BulkGetItem> result = new ArrayList<>(items.size());
            for (BulkGetItem item : items) {
                result.add(bulkItem(target, item));
            }
            return result;
        } catch (RuntimeException e) {
            throw failure(DaprError.ERR_STATE_BULK_GET, "failed getting state from state store " + storeName + ": "
                    + e.getMessage(), e);
        }
    }

    public void save(String storeName, List<SetRequest> requests) {
        Target target = target(storeName);
        List<SetRequest> stored = new ArrayList<>(requests.size());
        for (SetRequest r : requests) {
            stored.add(prefixed(target, r));
        }
        if (stored.isEmpty()) {
            return;
        }
        try {
            call(storeName, "set", () -> {
                if (stored.size() == 1) {
                    target.store.set(stored.getFirst());
                } else {
                    target.store.bulkSet(stored);
                }
            });
        } catch (RuntimeException e) {
            throw failure(DaprError.ERR_STATE_SAVE, "failed saving state in state store " + storeName + ": "
                    + e.getMessage(), e);
        }
    }

    public void delete(String storeName, DeleteRequest request) {
        Target target = target(storeName);
        try {
            call(storeName, "delete", () -> target.store.delete(prefixed(target, request)));
        } catch (DaprException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(DaprError.ERR_STATE_DELETE, "failed deleting state with key " + request.key() + ": "
                    + e.getMessage(), e);
        }
    }

    public void bulkDelete(String storeName, List<DeleteRequest> requests) {
        Target target = target(storeName);
        List<DeleteRequest> stored = new ArrayList<>(requests.size());
        for (DeleteRequest r : requests) {
            stored.add(prefixed(target, r));
        }
        try {
            call(storeName, "bulk_delete", () -> target.store.bulkDelete(stored));
        } catch (RuntimeException e) {
            throw failure(DaprError.ERR_STATE_BULK_DELETE, "failed deleting state in state store " + storeName + ": "
                    + e.getMessage(), e);
        }
    }

    public void transact(String storeName, List<StateOperation> operations, Map<String, String> metadata) {
        Target target = target(storeName);
        if (!(target.store instanceof TransactionalStateStore txStore)) {
            throw DaprError.ERR_STATE_STORE_NOT_SUPPORTED.with("state store " + storeName + " doesn't support transaction");
        }
        int max = txStore.maxOperationsPerTransaction();
        if (max > 0 && operations.size() > max) {
            throw DaprError.ERR_STATE_STORE_TOO_MANY_TRANSACTIONS.with("the transaction contains " + operations.size()
                    + " operations, which is more than what the state store supports: " + max);
        }
        List<StateOperation> stored = new ArrayList<>(operations.size());
        for (StateOperation op : operations) {
            stored.add(switch (op) {
                case SetRequest set -> prefixed(target, set);
                case DeleteRequest delete -> prefixed(target, delete);
            });
        }
        try {
            call(storeName, "transaction", () -> txStore.transact(stored, metadata));
        } catch (RuntimeException e) {
            // daprd answers every failed transaction, ETag conflicts included, with 500 ERR_STATE_TRANSACTION
            throw DaprError.ERR_STATE_TRANSACTION.with("error while executing state transaction: " + e.getMessage());
        }
    }

    /** Runs a JSON state query on a store that declares QUERY_API; results carry the user's keys. */
    public QueryResponse query(String storeName, byte[] queryJson, Map<String, String> metadata) {
        Target target = target(storeName);
        if (!(target.store instanceof QueryableStateStore queryable)) {
            throw DaprError.ERR_STATE_QUERYING_NOT_SUPPORTED.with("state store " + storeName + " doesn't support query");
        }
        StateQuery query = StateQueryParser.parse(queryJson, target.keys.toStored(""));
        try {
            QueryResponse response = call(storeName, "query", () -> queryable.query(query, metadata));
            List<QueryResponse.Item> items = new ArrayList<>(response.results().size());
            for (QueryResponse.Item item : response.results()) {
                items.add(new QueryResponse.Item(target.keys.toUser(item.key()), item.data(), item.etag()));
            }
            return new QueryResponse(items, response.token());
        } catch (RuntimeException e) {
            throw DaprError.ERR_STATE_QUERY.with("failed query in state store " + storeName + ": " + e.getMessage());
        }
    }

    /** One store call: through the store's outbound resiliency policy, each attempt recorded in the metrics. */
    private <T> T call(String storeName, String operation, java.util.function.Supplier<T> call) {
        return components.outbound(storeName, Resiliency.ComponentKind.STATESTORE,
                () -> metrics.state(storeName, operation, call));
    }

    private void call(String storeName, String operation, Runnable call) {
        call(storeName, operation, () -> {
            call.run();
            return null;
        });
    }

    /** The capabilities shown in the metadata API: the store's features, plus ACTOR for the actor state store. */
    public static Set<StateFeature> capabilities(LoadedComponent<StateStore> component) {
        Set<StateFeature> features = EnumSet.noneOf(StateFeature.class);
        features.addAll(component.instance().features());
        features.remove(StateFeature.ACTOR);
        if (isActorStateStore(component)) {
            features.add(StateFeature.ACTOR);
        }
        return features;
    }

    static boolean isActorStateStore(LoadedComponent<StateStore> component) {
        return component.spec().metadata().entrySet().stream()
                .anyMatch(e -> e.getKey().equalsIgnoreCase("actorStateStore") && e.getValue().trim().equalsIgnoreCase("true"));
    }

    private SetRequest prefixed(Target target, SetRequest r) {
        byte[] value = target.encryption == null ? r.value() : target.encryption.encrypt(r.value());
        return new SetRequest(target.keys.toStored(r.key()), value, r.etag(), r.metadata(), r.options(), r.contentType());
    }

    private static StateItem decrypted(Target target, StateItem item) {
        if (target.encryption == null) {
            return item;
        }
        return new StateItem(target.encryption.decrypt(item.data()), item.etag(), item.metadata(), item.contentType());
    }

    private static BulkGetItem bulkItem(Target target, BulkGetItem item) {
        String key = target.keys.toUser(item.key());
        try {
            return new BulkGetItem(key, item.item().map(i -> decrypted(target, i)), item.error());
        } catch (IllegalStateException e) {
            return new BulkGetItem(key, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private DeleteRequest prefixed(Target target, DeleteRequest r) {
        return new DeleteRequest(target.keys.toStored(r.key()), r.etag(), r.metadata(), r.options());
    }

    /** The store, its key mapping and its encryption (null when values are stored in clear). */
    private record Target(StateStore store, StateKeys keys, StateEncryption encryption) {}

    private Target target(String storeName) {
        if (components.all(StateStore.class).isEmpty()) {
            throw DaprError.ERR_STATE_STORE_NOT_CONFIGURED.with("state store is not configured");
        }
        LoadedComponent<StateStore> component = components.get(StateStore.class, storeName)
                .orElseThrow(() -> DaprError.ERR_STATE_STORE_NOT_FOUND.with("state store " + storeName + " is not found"));
        String keyPrefix = component.spec().metadata().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("keyPrefix"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        return new Target(component.instance(), StateKeys.of(keyPrefix, storeName, appId, namespace), encryption.get(storeName));
    }

    /** ETag conflicts keep their own status (409/Aborted, 400/InvalidArgument); everything else is the given code. */
    private static DaprException failure(DaprError error, String message, RuntimeException cause) {
        if (cause instanceof DaprException d) {
            return d;
        }
        if (cause instanceof ETagMismatchException
                || (cause instanceof BulkStateException bulk && bulk.allETagMismatches())) {
            return error.with(message, 409, Code.ABORTED);
        }
        if (cause instanceof ETagInvalidException) {
            return error.with(message, 400, Code.INVALID_ARGUMENT);
        }
        return error.with(message);
    }
}
