package io.daprj.runtime.bindings;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.DaprAppCallbackProtos;
import io.grpc.StatusRuntimeException;
import io.daprj.spi.bindings.BindingEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC app: {@code AppCallback/ListInputBindings} (asked once) and {@code AppCallback/OnBindingEvent}. The data of
 * a response with {@code to} goes to those output bindings with operation {@code create}, as daprd does.
 */
final class GrpcBindingApp implements BindingApp {

    private static final Logger log = LoggerFactory.getLogger(GrpcBindingApp.class);

    private final AppCallbackGrpc.AppCallbackBlockingStub stub;
    private final Semaphore permits;
    private final BindingsApi outputs;
    private volatile List<String> listed;

    GrpcBindingApp(String host, int port, int maxConcurrency, BindingsApi outputs) {
        this.stub = GrpcClients.builder("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .build(AppCallbackGrpc.AppCallbackBlockingStub.class);
        this.permits = maxConcurrency > 0 ? new Semaphore(maxConcurrency, true) : null;
        this.outputs = outputs;
    }

    @Override
    public boolean subscribed(String name, String route) {
        if (listed == null) {
            try {
                listed = List.copyOf(stub.listInputBindings(Empty.getDefaultInstance()).getBindingsList());
            } catch (StatusRuntimeException e) {
                log.debug("ListInputBindings failed: {}", e.getStatus());
                listed = List.of(); // daprd treats a failed listing as no bindings
            }
        }
        return listed.contains(name);
    }

    @Override
    public byte[] deliver(String name, String route, BindingEvent event) {
        DaprAppCallbackProtos.BindingEventRequest request = DaprAppCallbackProtos.BindingEventRequest.newBuilder()
                .setName(name)
                .setData(ByteString.copyFrom(event.data()))
                .putAllMetadata(event.metadata())
                .build();
        DaprAppCallbackProtos.BindingEventResponse response;
        if (permits != null) {
            permits.acquireUninterruptibly();
        }
        try {
            response = stub.onBindingEvent(request);
        } finally {
            if (permits != null) {
                permits.release();
            }
        }
        byte[] data = response.getData().toByteArray();
        if (response.getToCount() > 0) {
            sendTo(response.getToList(), data,
                    response.getConcurrency() == DaprAppCallbackProtos.BindingEventResponse.BindingEventConcurrency.PARALLEL);
        }
        if (response.getStatesCount() > 0) {
            log.warn("binding {}: saving state from OnBindingEvent responses is not supported; {} states ignored",
                    name, response.getStatesCount());
        }
        return data;
    }

    private void sendTo(List<String> targets, byte[] data, boolean parallel) {
        for (String target : targets) {
            Runnable send = () -> outputs.invoke(target, "create", data, Map.of()).failure()
                    .ifPresent(e -> log.error("{}", e.getMessage()));
            if (parallel) {
                Thread.ofVirtual().name("binding-to-" + target).start(send);
            } else {
                send.run();
            }
        }
    }
}
