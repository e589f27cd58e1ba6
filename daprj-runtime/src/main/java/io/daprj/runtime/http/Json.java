package io.daprj.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.daprj.runtime.errors.DaprError;
import java.io.IOException;

/** The one JSON mapper of the HTTP door; bad JSON in a request is Dapr's 400 ERR_MALFORMED_REQUEST. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: empty body");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: " + e.getMessage());
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isJson(byte[] data) {
        try (var parser = MAPPER.createParser(data)) {
            while (parser.nextToken() != null) {
                // reading to the end proves the whole value parses
            }
            return data.length > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
