package io.daprj.runtime.invoke;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprInvokeProtos;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.errors.ErrorResponses;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The receiving end of sidecar-to-sidecar calls, served on the internal gRPC port. */
public final class InternalInvokeService extends DaprGrpc.DaprImplBase {

    private final InvokeApi invoke;
    private final String appId;

    public InternalInvokeService(InvokeApi invoke, String appId) {
        this.invoke = invoke;
        this.appId = appId;
    }

    @Override
    public void invokeService(DaprInvokeProtos.InvokeServiceRequest request, StreamObserver<CommonProtos.InvokeResponse> out) {
        ServiceRequestContext ctx = ServiceRequestContext.current();
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        ctx.request().headers().forEach((k, v) -> entries.add(Map.entry(k.toString(), v)));
        String caller = ctx.request().headers().get(InternalWire.CALLER_APP_ID.name(), "");
        String callerNamespace = ctx.request().headers().get(InternalWire.CALLER_NAMESPACE.name(), "");
        try {
            InvokeResponse response = invoke.fromOtherSidecar(request.getId(), caller, callerNamespace,
                    InternalWire.request(request.getMessage(), InternalWire.headersFrom(entries)));
            ctx.mutateAdditionalResponseTrailers(t -> {
                t.add(InternalWire.STATUS.name(), Integer.toString(response.status()));
                response.headers().forEach((k, v) -> t.add(InternalWire.HEADER_PREFIX + k, v));
            });
            out.onNext(CommonProtos.InvokeResponse.newBuilder()
                    .setData(Any.newBuilder().setValue(ByteString.copyFrom(response.body())))
                    .setContentType(response.contentType())
                    .build());
            out.onCompleted();
        } catch (DaprException e) {
            out.onError(ErrorResponses.grpcStatus(e, appId));
        } catch (RuntimeException e) {
            out.onError(ErrorResponses.grpcStatus(ErrorResponses.toDapr(e), appId));
        }
    }
}
