package io.daprj.runtime.crypto;

import com.google.protobuf.ByteString;
import io.dapr.v1.DaprCryptoProtos;
import io.daprj.runtime.errors.DaprError;
import io.daprj.spi.crypto.Sealed;

/**
 * The {@code Subtle*} messages of Dapr's {@code crypto.proto} onto {@link SubtleCryptoApi}, for both doors (gRPC
 * {@code Subtle*Alpha1} and HTTP {@code /v1.0-alpha1/subtlecrypto}, which carries the same messages as protojson).
 */
public final class SubtleCryptoMessages {

    private SubtleCryptoMessages() {}

    public static DaprCryptoProtos.SubtleGetKeyResponse getKey(SubtleCryptoApi api, DaprCryptoProtos.SubtleGetKeyRequest r) {
        SubtleCryptoApi.KeyFormat format = switch (r.getFormat()) {
            case PEM -> SubtleCryptoApi.KeyFormat.PEM;
            case JSON -> SubtleCryptoApi.KeyFormat.JSON;
            default -> throw DaprError.ERR_BAD_REQUEST.with("invalid key format");
        };
        SubtleCryptoApi.PublicKeyText key = api.getKey(r.getComponentName(), r.getName(), format);
        return DaprCryptoProtos.SubtleGetKeyResponse.newBuilder().setName(key.name()).setPublicKey(key.publicKey()).build();
    }

    public static DaprCryptoProtos.SubtleEncryptResponse encrypt(SubtleCryptoApi api, DaprCryptoProtos.SubtleEncryptRequest r) {
        Sealed sealed = api.encrypt(r.getComponentName(), r.getPlaintext().toByteArray(), r.getAlgorithm(),
                r.getKeyName(), r.getNonce().toByteArray(), r.getAssociatedData().toByteArray());
        return DaprCryptoProtos.SubtleEncryptResponse.newBuilder()
                .setCiphertext(ByteString.copyFrom(sealed.ciphertext())).setTag(ByteString.copyFrom(sealed.tag())).build();
    }

    public static DaprCryptoProtos.SubtleDecryptResponse decrypt(SubtleCryptoApi api, DaprCryptoProtos.SubtleDecryptRequest r) {
        byte[] plaintext = api.decrypt(r.getComponentName(), r.getCiphertext().toByteArray(), r.getAlgorithm(),
                r.getKeyName(), r.getNonce().toByteArray(), r.getTag().toByteArray(), r.getAssociatedData().toByteArray());
        return DaprCryptoProtos.SubtleDecryptResponse.newBuilder().setPlaintext(ByteString.copyFrom(plaintext)).build();
    }

    public static DaprCryptoProtos.SubtleWrapKeyResponse wrapKey(SubtleCryptoApi api, DaprCryptoProtos.SubtleWrapKeyRequest r) {
        Sealed sealed = api.wrapKey(r.getComponentName(), r.getPlaintextKey().toByteArray(), r.getAlgorithm(),
                r.getKeyName(), r.getNonce().toByteArray(), r.getAssociatedData().toByteArray());
        return DaprCryptoProtos.SubtleWrapKeyResponse.newBuilder()
                .setWrappedKey(ByteString.copyFrom(sealed.ciphertext())).setTag(ByteString.copyFrom(sealed.tag())).build();
    }

    public static DaprCryptoProtos.SubtleUnwrapKeyResponse unwrapKey(SubtleCryptoApi api, DaprCryptoProtos.SubtleUnwrapKeyRequest r) {
        byte[] key = api.unwrapKey(r.getComponentName(), r.getWrappedKey().toByteArray(), r.getAlgorithm(),
                r.getKeyName(), r.getNonce().toByteArray(), r.getTag().toByteArray(), r.getAssociatedData().toByteArray());
        return DaprCryptoProtos.SubtleUnwrapKeyResponse.newBuilder().setPlaintextKey(ByteString.copyFrom(key)).build();
    }

    public static DaprCryptoProtos.SubtleSignResponse sign(SubtleCryptoApi api, DaprCryptoProtos.SubtleSignRequest r) {
        byte[] signature = api.sign(r.getComponentName(), r.getDigest().toByteArray(), r.getAlgorithm(), r.getKeyName());
        return DaprCryptoProtos.SubtleSignResponse.newBuilder().setSignature(ByteString.copyFrom(signature)).build();
    }

    public static DaprCryptoProtos.SubtleVerifyResponse verify(SubtleCryptoApi api, DaprCryptoProtos.SubtleVerifyRequest r) {
        boolean valid = api.verify(r.getComponentName(), r.getDigest().toByteArray(), r.getSignature().toByteArray(),
                r.getAlgorithm(), r.getKeyName());
        return DaprCryptoProtos.SubtleVerifyResponse.newBuilder().setValid(valid).build();
    }
}
