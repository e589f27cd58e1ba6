package io.daprj.runtime.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprCryptoProtos;
import io.dapr.v1.DaprInvokeProtos;
import io.dapr.v1.DaprMetadataProtos;
import io.dapr.v1.DaprProtos;
import io.dapr.v1.DaprPubsubProtos;
import io.dapr.v1.DaprSecretProtos;
import io.dapr.v1.DaprStateProtos;
import io.daprj.runtime.Apis;
import io.daprj.runtime.errors.ErrorResponses;
import io.daprj.runtime.invoke.GrpcHttpStatus;
import io.daprj.runtime.invoke.Headers;
import io.daprj.runtime.invoke.InvokeRequest;
import io.daprj.runtime.invoke.InvokeResponse;
import io.daprj.runtime.tracing.Tracing;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.StateOperation;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code dapr.proto.runtime.v1.Dapr}: each RPC maps its messages onto the building-block API that HTTP uses too. */
public final class DaprGrpcService extends DaprGrpc.DaprImplBase {

    private final Apis apis;
    private final String appId;
    private final Tracing tracing;
    private final ConfigurationGrpc configuration;

    public DaprGrpcService(Apis apis, String appId) {
        this(apis, appId, Tracing.OFF);
    }

    /** Like the other constructor, with each unary call in a server span. */
    public DaprGrpcService(Apis apis, String appId, Tracing tracing) {
        this.apis = apis;
        this.appId = appId;
        this.tracing = tracing;
        this.configuration = new ConfigurationGrpc(apis.configuration(), appId);
    }

    @Override
    public void getState(DaprStateProtos.GetStateRequest r, StreamObserver<DaprStateProtos.GetStateResponse> out) {
        respond(out, () -> StateGrpcMapping.response(apis.state().get(r.getStoreName(),
                new GetRequest(r.getKey(), r.getMetadataMap(), StateGrpcMapping.consistency(r.getConsistency())))));
    }

    @Override
    public void getBulkState(DaprStateProtos.GetBulkStateRequest r, StreamObserver<DaprStateProtos.GetBulkStateResponse> out) {
        respond(out, () -> {
            List<GetRequest> gets = r.getKeysList().stream()
                    .map(k -> new GetRequest(k, r.getMetadataMap(), io.daprj.spi.state.Consistency.EVENTUAL))
                    .toList();
            DaprStateProtos.GetBulkStateResponse.Builder b = DaprStateProtos.GetBulkStateResponse.newBuilder();
            apis.state().bulkGet(r.getStoreName(), gets).forEach(item -> b.addItems(StateGrpcMapping.bulkItem(item)));
            return b.build();
        });
    }

    @Override
    public void saveState(DaprStateProtos.SaveStateRequest r, StreamObserver<Empty> out) {
        respond(out, () -> {
            apis.state().save(r.getStoreName(), r.getStatesList().stream().map(StateGrpcMapping::set).toList());
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void deleteState(DaprStateProtos.DeleteStateRequest r, StreamObserver<Empty> out) {
        respond(out, () -> {
            apis.state().delete(r.getStoreName(), StateGrpcMapping.delete(r));
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void deleteBulkState(DaprStateProtos.DeleteBulkStateRequest r, StreamObserver<Empty> out) {
        respond(out, () -> {
            apis.state().bulkDelete(r.getStoreName(), r.getStatesList().stream().map(StateGrpcMapping::delete).toList());
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void executeStateTransaction(DaprStateProtos.ExecuteStateTransactionRequest r, StreamObserver<Empty> out) {
        respond(out, () -> {
            List<StateOperation> ops = r.getOperationsList().stream().map(StateGrpcMapping::operation).toList();
            apis.state().transact(r.getStoreName(), ops, r.getMetadataMap());
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void queryStateAlpha1(DaprStateProtos.QueryStateRequest r, StreamObserver<DaprStateProtos.QueryStateResponse> out) {
        respond(out, () -> {
            var response = apis.state().query(r.getStoreName(), r.getQuery().getBytes(StandardCharsets.UTF_8), r.getMetadataMap());
            DaprStateProtos.QueryStateResponse.Builder b = DaprStateProtos.QueryStateResponse.newBuilder();
            response.results().forEach(item -> b.addResults(DaprStateProtos.QueryStateItem.newBuilder()
                    .setKey(item.key()).setData(ByteString.copyFrom(item.data())).setEtag(item.etag().orElse(""))));
            response.token().ifPresent(b::setToken);
            return b.build();
        });
    }

    @Override
    public void getSecret(DaprSecretProtos.GetSecretRequest r, StreamObserver<DaprSecretProtos.GetSecretResponse> out) {
        respond(out, () -> DaprSecretProtos.GetSecretResponse.newBuilder()
                .putAllData(apis.secrets().get(r.getStoreName(), r.getKey(), r.getMetadataMap())).build());
    }

    @Override
    public void getBulkSecret(DaprSecretProtos.GetBulkSecretRequest r, StreamObserver<DaprSecretProtos.GetBulkSecretResponse> out) {
        respond(out, () -> {
            DaprSecretProtos.GetBulkSecretResponse.Builder b = DaprSecretProtos.GetBulkSecretResponse.newBuilder();
            apis.secrets().bulkGet(r.getStoreName(), r.getMetadataMap()).forEach((name, values) ->
                    b.putData(name, DaprSecretProtos.SecretResponse.newBuilder().putAllSecrets(values).build()));
            return b.build();
        });
    }

    @Override
    public void publishEvent(DaprPubsubProtos.PublishEventRequest r, StreamObserver<Empty> out) {
        respond(out, () -> {
            PubSubGrpcMapping.publish(apis.pubsub(), r);
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void bulkPublishEvent(DaprPubsubProtos.BulkPublishRequest r, StreamObserver<DaprPubsubProtos.BulkPublishResponse> out) {
        respond(out, () -> PubSubGrpcMapping.bulkPublish(apis.pubsub(), r));
    }

    @Override
    public void bulkPublishEventAlpha1(DaprPubsubProtos.BulkPublishRequest r,
            StreamObserver<DaprPubsubProtos.BulkPublishResponse> out) {
        respond(out, () -> PubSubGrpcMapping.bulkPublish(apis.pubsub(), r));
    }

    @Override
    public StreamObserver<DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1> subscribeTopicEventsAlpha1(
            StreamObserver<DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1> out) {
        return PubSubGrpcMapping.subscribeTopicEvents(apis.pubsub(), out, appId);
    }

    @Override
    public void invokeService(DaprInvokeProtos.InvokeServiceRequest r, StreamObserver<CommonProtos.InvokeResponse> out) {
        respond(out, () -> {
            Headers.Builder headers = Headers.builder();
            ServiceRequestContext.current().request().headers().forEach((k, v) -> headers.add(k.toString(), v));
            CommonProtos.InvokeRequest m = r.getMessage();
            String verb = m.getHttpExtension().getVerb() == CommonProtos.HTTPExtension.Verb.NONE
                    ? "POST" : m.getHttpExtension().getVerb().name();
            InvokeResponse response = apis.invoke().invoke(r.getId(), new InvokeRequest(m.getMethod(), verb,
                    m.getHttpExtension().getQuerystring(), headers.build().forwardable(),
                    m.getData().getValue().toByteArray(), m.getContentType()));
            ServiceRequestContext.current().mutateAdditionalResponseHeaders(
                    h -> h.add("dapr-http-status", Integer.toString(response.status())));
            if (!response.ok()) {
                throw new AppErrorStatus(response);
            }
            return CommonProtos.InvokeResponse.newBuilder()
                    .setData(Any.newBuilder().setValue(ByteString.copyFrom(response.body())))
                    .setContentType(response.contentType())
                    .build();
        });
    }

    @Override
    public void invokeBinding(io.dapr.v1.DaprBindingsProtos.InvokeBindingRequest r,
            StreamObserver<io.dapr.v1.DaprBindingsProtos.InvokeBindingResponse> out) {
        respond(out, () -> BindingsGrpcMapping.invoke(apis.bindings(), r));
    }

    @Override
    public void getMetadata(DaprMetadataProtos.GetMetadataRequest r, StreamObserver<DaprMetadataProtos.GetMetadataResponse> out) {
        respond(out, () -> MetadataGrpcMapping.response(apis.metadata().snapshot()));
    }

    @Override
    public void setMetadata(DaprMetadataProtos.SetMetadataRequest r, StreamObserver<Empty> out) {
        respond(out, () -> {
            apis.metadata().set(r.getKey(), r.getValue());
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void tryLockAlpha1(io.dapr.v1.DaprLockProtos.TryLockRequest r,
            StreamObserver<io.dapr.v1.DaprLockProtos.TryLockResponse> out) {
        respond(out, () -> io.dapr.v1.DaprLockProtos.TryLockResponse.newBuilder().setSuccess(apis.lock()
                .tryLock(r.getStoreName(), r.getResourceId(), r.getLockOwner(), r.getExpiryInSeconds())).build());
    }

    @Override
    public void unlockAlpha1(io.dapr.v1.DaprLockProtos.UnlockRequest r,
            StreamObserver<io.dapr.v1.DaprLockProtos.UnlockResponse> out) {
        respond(out, () -> io.dapr.v1.DaprLockProtos.UnlockResponse.newBuilder().setStatusValue(apis.lock()
                .unlock(r.getStoreName(), r.getResourceId(), r.getLockOwner()).number()).build());
    }

    @Override
    public void getConfiguration(io.dapr.v1.DaprConfigurationProtos.GetConfigurationRequest r,
            StreamObserver<io.dapr.v1.DaprConfigurationProtos.GetConfigurationResponse> out) {
        respond(out, () -> configuration.get(r));
    }

    @Override
    public void getConfigurationAlpha1(io.dapr.v1.DaprConfigurationProtos.GetConfigurationRequest r,
            StreamObserver<io.dapr.v1.DaprConfigurationProtos.GetConfigurationResponse> out) {
        respond(out, () -> configuration.get(r));
    }

    @Override
    public void subscribeConfiguration(io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationRequest r,
            StreamObserver<io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationResponse> out) {
        configuration.subscribe(r, out);
    }

    @Override
    public void subscribeConfigurationAlpha1(io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationRequest r,
            StreamObserver<io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationResponse> out) {
        configuration.subscribe(r, out);
    }

    @Override
    public void unsubscribeConfiguration(io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationRequest r,
            StreamObserver<io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationResponse> out) {
        respond(out, () -> configuration.unsubscribe(r));
    }

    @Override
    public void unsubscribeConfigurationAlpha1(io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationRequest r,
            StreamObserver<io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationResponse> out) {
        respond(out, () -> configuration.unsubscribe(r));
    }

    @Override
    public StreamObserver<DaprCryptoProtos.EncryptRequest> encryptAlpha1(StreamObserver<DaprCryptoProtos.EncryptResponse> out) {
        return CryptoGrpcStreams.encrypt(apis.crypto(), appId, out);
    }

    @Override
    public StreamObserver<DaprCryptoProtos.DecryptRequest> decryptAlpha1(StreamObserver<DaprCryptoProtos.DecryptResponse> out) {
        return CryptoGrpcStreams.decrypt(apis.crypto(), appId, out);
    }

    @Override
    public void subtleGetKeyAlpha1(DaprCryptoProtos.SubtleGetKeyRequest r, StreamObserver<DaprCryptoProtos.SubtleGetKeyResponse> out) {
        respond(out, () -> io.daprj.runtime.crypto.SubtleCryptoMessages.getKey(subtle(), r));
    }

    @Override
    public void subtleEncryptAlpha1(DaprCryptoProtos.SubtleEncryptRequest r, StreamObserver<DaprCryptoProtos.SubtleEncryptResponse> out) {
        respond(out, () -> io.daprj.runtime.crypto.SubtleCryptoMessages.encrypt(subtle(), r));
    }

    @Override
    public void subtleDecryptAlpha1(DaprCryptoProtos.SubtleDecryptRequest r, StreamObserver<DaprCryptoProtos.SubtleDecryptResponse> out) {
        respond(out, () -> io.daprj.runtime.crypto.SubtleCryptoMessages.decrypt(subtle(), r));
    }

    @Override
    public void subtleWrapKeyAlpha1(DaprCryptoProtos.SubtleWrapKeyRequest r, StreamObserver<DaprCryptoProtos.SubtleWrapKeyResponse> out) {
        respond(out, () -> io.daprj.runtime.crypto.SubtleCryptoMessages.wrapKey(subtle(), r));
    }

    @Override
    public void subtleUnwrapKeyAlpha1(DaprCryptoProtos.SubtleUnwrapKeyRequest r, StreamObserver<DaprCryptoProtos.SubtleUnwrapKeyResponse> out) {
        respond(out, () -> io.daprj.runtime.crypto.SubtleCryptoMessages.unwrapKey(subtle(), r));
    }

    @Override
    public void subtleSignAlpha1(DaprCryptoProtos.SubtleSignRequest r, StreamObserver<DaprCryptoProtos.SubtleSignResponse> out) {
        respond(out, () -> io.daprj.runtime.crypto.SubtleCryptoMessages.sign(subtle(), r));
    }

    @Override
    public void subtleVerifyAlpha1(DaprCryptoProtos.SubtleVerifyRequest r, StreamObserver<DaprCryptoProtos.SubtleVerifyResponse> out) {
        respond(out, () -> io.daprj.runtime.crypto.SubtleCryptoMessages.verify(subtle(), r));
    }

    private io.daprj.runtime.crypto.SubtleCryptoApi subtle() {
        return new io.daprj.runtime.crypto.SubtleCryptoApi(apis.crypto());
    }

    @Override
    public void shutdown(DaprProtos.ShutdownRequest r, StreamObserver<Empty> out) {
        respond(out, () -> {
            apis.shutdown().run();
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void scheduleJobAlpha1(io.dapr.v1.DaprJobsProtos.ScheduleJobRequest r,
            StreamObserver<io.dapr.v1.DaprJobsProtos.ScheduleJobResponse> out) {
        respond(out, () -> JobsGrpcMapping.schedule(apis.jobs(), r));
    }

    @Override
    public void getJobAlpha1(io.dapr.v1.DaprJobsProtos.GetJobRequest r,
            StreamObserver<io.dapr.v1.DaprJobsProtos.GetJobResponse> out) {
        respond(out, () -> JobsGrpcMapping.get(apis.jobs(), r));
    }

    @Override
    public void deleteJobAlpha1(io.dapr.v1.DaprJobsProtos.DeleteJobRequest r,
            StreamObserver<io.dapr.v1.DaprJobsProtos.DeleteJobResponse> out) {
        respond(out, () -> JobsGrpcMapping.delete(apis.jobs(), r));
    }

    @Override
    public void listJobsAlpha1(io.dapr.v1.DaprJobsProtos.ListJobsRequestAlpha1 r,
            StreamObserver<io.dapr.v1.DaprJobsProtos.ListJobsResponseAlpha1> out) {
        respond(out, () -> JobsGrpcMapping.list(apis.jobs()));
    }

    @Override
    public void deleteJobsByPrefixAlpha1(io.dapr.v1.DaprJobsProtos.DeleteJobsByPrefixRequestAlpha1 r,
            StreamObserver<io.dapr.v1.DaprJobsProtos.DeleteJobsByPrefixResponseAlpha1> out) {
        respond(out, () -> JobsGrpcMapping.deleteByPrefix(apis.jobs(), r));
    }

    /** A non-2xx answer of the invoked app, returned to a gRPC caller as the matching status. */
    private static final class AppErrorStatus extends RuntimeException {
        private final InvokeResponse response;

        AppErrorStatus(InvokeResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private <T> void respond(StreamObserver<T> out, Supplier<T> call) {
        T result;
        try {
            ServiceRequestContext ctx = ServiceRequestContext.current();
            result = tracing.inSpan(ctx.path(), SpanKind.SERVER, ctx.request().headers().get("traceparent"),
                    ctx.request().headers().get("tracestate"), Map.of("rpc.system", "grpc"), call);
        } catch (AppErrorStatus e) {
            out.onError(Status.fromCode(GrpcHttpStatus.fromHttp(e.response.status()))
                    .withDescription(new String(e.response.body(), StandardCharsets.UTF_8))
                    .asRuntimeException());
            return;
        } catch (RuntimeException e) {
            out.onError(ErrorResponses.grpcStatus(ErrorResponses.toDapr(e), appId));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }
}
