package io.daprj.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.dapr.v1.DaprJobsProtos.Job;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.jobs.JobData;
import io.daprj.runtime.jobs.JobsApi;
import java.util.Base64;
import java.util.Set;

/**
 * {@code POST/GET/DELETE /v1.0-alpha1/jobs/{name}} and the same under {@code /v1.0}. The POST body is protojson of
 * a job (camelCase or proto names) with {@code data} as any JSON and {@code overwrite}; GET answers protojson with
 * {@code data} as an {@code Any} of {@code google.protobuf.Value}, as daprd does.
 */
final class JobsHttpRoutes {

    private final JobsApi jobs;

    JobsHttpRoutes(JobsApi jobs) {
        this.jobs = jobs;
    }

    void register(ApiRouter router) {
        for (String version : new String[] {"v1.0-alpha1", "v1.0"}) {
            String path = "/" + version + "/jobs/{name}";
            router.add(Set.of("POST"), path, this::schedule)
                    .add(Set.of("GET"), path, this::get)
                    .add(Set.of("DELETE"), path, this::delete);
        }
    }

    private ApiResponse schedule(ApiRequest r) {
        JsonNode parsed = r.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.parse(r.body());
        if (!(parsed instanceof ObjectNode body)) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: expected a JSON object");
        }
        if (body.hasNonNull("name")) {
            throw DaprError.DAPR_SCHEDULER_JOB_NAME.with("job name should not be set in the request body");
        }
        JsonNode data = body.remove("data");
        boolean overwrite = body.path("overwrite").asBoolean(false);
        body.remove("overwrite");
        Job.Builder job = Job.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(body.toString(), job);
        } catch (InvalidProtocolBufferException e) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: " + e.getMessage());
        }
        job.setName(r.param("name"));
        if (data != null && !data.isNull()) {
            job.setData(JobData.fromJson(data.toString()));
        }
        jobs.schedule(job.build(), overwrite);
        return ApiResponse.noContent();
    }

    private ApiResponse get(ApiRequest r) {
        Job job = jobs.get(r.param("name"));
        ObjectNode body;
        try {
            body = (ObjectNode) Json.MAPPER.readTree(JsonFormat.printer().print(job.toBuilder().clearData()));
        } catch (InvalidProtocolBufferException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DaprError.DAPR_SCHEDULER_GET_JOB.with("failed to get job " + job.getName() + ": " + e.getMessage());
        }
        if (job.hasData()) {
            ObjectNode data = body.putObject("data");
            data.put("@type", job.getData().getTypeUrl());
            JobData.json(job.getData()).ifPresentOrElse(
                    json -> data.set("value", json),
                    () -> data.put("value", Base64.getEncoder().encodeToString(job.getData().getValue().toByteArray())));
        }
        return ApiResponse.json(200, Json.write(body));
    }

    private ApiResponse delete(ApiRequest r) {
        jobs.delete(r.param("name"));
        return ApiResponse.noContent();
    }
}
