package io.daprj.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void richErrorsCarryErrorInfoOnHttp() {
        String body = new String(ErrorResponses.httpBody(DaprError.ERR_STATE_STORE_NOT_FOUND.with("state store x is not found"), "app"),
                StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"errorCode\":\"ERR_STATE_STORE_NOT_FOUND\",\"message\":\"state store x is not found\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"DAPR_STATE_NOT_FOUND\","
                + "\"domain\":\"dapr.io\",\"metadata\":{\"appID\":\"app\"}}]}");
    }

    @Test
    void legacyErrorsAreJustCodeAndMessage() {
        String body = new String(ErrorResponses.httpBody(DaprError.ERR_STATE_SAVE.with("boom"), "app"), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"errorCode\":\"ERR_STATE_SAVE\",\"message\":\"boom\"}");
    }

    @Test
    void grpcStatusHasCodeMessageAndErrorInfo() throws Exception {
        StatusRuntimeException e = ErrorResponses.grpcStatus(
                DaprError.ERR_STATE_SAVE.with("etag mismatch", 409, Status.Code.ABORTED), "app");
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(e.getStatus().getDescription()).isEqualTo("etag mismatch");
        ErrorInfo info = StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class);
        assertThat(info.getMetadataMap()).containsEntry("errorCode", "ERR_STATE_SAVE");
    }

    @Test
    void unexpectedExceptionsBecomeGenericError() {
        DaprException e = ErrorResponses.toDapr(new IllegalStateException("oops"));
        assertThat(e.error()).isEqualTo(DaprError.ERROR);
        assertThat(e.httpStatus()).isEqualTo(500);
    }
}
