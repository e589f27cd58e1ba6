package io.daprj.runtime.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;

/**
 * The JSON manifest on the second header line of a {@code dapr.io/enc/v1} document:
 * {@code {"k":key name (omitted when empty),"kw":wrap id,"wfk":base64,"cph":cipher id,"np":base64}}, compact, in
 * that field order, as daprd writes it. Readers verify the MAC over the exact bytes, never a re-encoding.
 */
record Manifest(String keyName, KeyWrapAlgorithm keyWrap, byte[] wrappedFileKey, DataCipher cipher, byte[] noncePrefix) {

    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        if (!keyName.isEmpty()) {
            node.put("k", keyName);
        }
        node.put("kw", keyWrap.id());
        node.put("wfk", Base64.getEncoder().encodeToString(wrappedFileKey));
        node.put("cph", cipher.id());
        node.put("np", Base64.getEncoder().encodeToString(noncePrefix));
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest in {@code json}, validated as daprd does; any flaw is one message that discloses nothing more. */
    static Manifest parse(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw invalid();
            }
            String keyName = node.path("k").isTextual() ? node.get("k").asText() : "";
            KeyWrapAlgorithm keyWrap = KeyWrapAlgorithm.ofId(intField(node, "kw")).orElseThrow(Manifest::invalid);
            DataCipher cipher = DataCipher.ofId(intField(node, "cph")).orElseThrow(Manifest::invalid);
            byte[] wfk = bytesField(node, "wfk");
            byte[] np = bytesField(node, "np");
            if (wfk.length == 0 || np.length != FileKey.NONCE_PREFIX_LENGTH) {
                throw invalid();
            }
            return new Manifest(keyName, keyWrap, wfk, cipher, np);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static int intField(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid();
        }
        return value.intValue();
    }

    private static byte[] bytesField(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw invalid();
        }
        return Base64.getDecoder().decode(value.asText());
    }

    private static SchemeException invalid() {
        return new SchemeException("invalid header: invalid manifest");
    }
}
