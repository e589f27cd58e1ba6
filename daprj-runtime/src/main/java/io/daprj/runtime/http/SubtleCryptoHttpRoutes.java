package io.daprj.runtime.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.dapr.v1.DaprCryptoProtos;
import io.daprj.runtime.crypto.SubtleCryptoApi;
import io.daprj.runtime.crypto.SubtleCryptoMessages;
import io.daprj.runtime.errors.DaprError;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /v1.0-alpha1/subtlecrypto/{component}/getkey|encrypt|decrypt|wrapkey|unwrapkey|sign|verify}: the body
 * is the protojson of the matching {@code Subtle*Request} (bytes as base64), the answer the protojson of its response;
 * the component comes from the path.
 */
final class SubtleCryptoHttpRoutes {

    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final SubtleCryptoApi subtle;

    SubtleCryptoHttpRoutes(SubtleCryptoApi subtle) {
        this.subtle = subtle;
    }

    void register(ApiRouter router) {
        String base = "/v1.0-alpha1/subtlecrypto/{component}/";
        router.add(Set.of("POST"), base + "getkey", r -> call(r, DaprCryptoProtos.SubtleGetKeyRequest.newBuilder(),
                        b -> SubtleCryptoMessages.getKey(subtle, b.setComponentName(r.param("component")).build())))
                .add(Set.of("POST"), base + "encrypt", r -> call(r, DaprCryptoProtos.SubtleEncryptRequest.newBuilder(),
                        b -> SubtleCryptoMessages.encrypt(subtle, b.setComponentName(r.param("component")).build())))
                .add(Set.of("POST"), base + "decrypt", r -> call(r, DaprCryptoProtos.SubtleDecryptRequest.newBuilder(),
                        b -> SubtleCryptoMessages.decrypt(subtle, b.setComponentName(r.param("component")).build())))
                .add(Set.of("POST"), base + "wrapkey", r -> call(r, DaprCryptoProtos.SubtleWrapKeyRequest.newBuilder(),
                        b -> SubtleCryptoMessages.wrapKey(subtle, b.setComponentName(r.param("component")).build())))
                .add(Set.of("POST"), base + "unwrapkey", r -> call(r, DaprCryptoProtos.SubtleUnwrapKeyRequest.newBuilder(),
                        b -> SubtleCryptoMessages.unwrapKey(subtle, b.setComponentName(r.param("component")).build())))
                .add(Set.of("POST"), base + "sign", r -> call(r, DaprCryptoProtos.SubtleSignRequest.newBuilder(),
                        b -> SubtleCryptoMessages.sign(subtle, b.setComponentName(r.param("component")).build())))
                .add(Set.of("POST"), base + "verify", r -> call(r, DaprCryptoProtos.SubtleVerifyRequest.newBuilder(),
                        b -> SubtleCryptoMessages.verify(subtle, b.setComponentName(r.param("component")).build())));
    }

    private static <B extends Message.Builder> ApiResponse call(ApiRequest r, B builder, Function<B, ? extends Message> op) {
        try {
            if (r.body().length > 0) {
                PARSER.merge(new String(r.body(), StandardCharsets.UTF_8), builder);
            }
            return ApiResponse.json(200, PRINTER.print(op.apply(builder)).getBytes(StandardCharsets.UTF_8));
        } catch (InvalidProtocolBufferException e) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: " + e.getMessage());
        }
    }
}
