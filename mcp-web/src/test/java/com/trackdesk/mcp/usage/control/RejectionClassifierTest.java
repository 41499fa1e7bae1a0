package com.trackdesk.mcp.usage.control;

import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import com.trackdesk.mcp.usage.entity.Rejection;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which answers of /mcp that no tool produced are rejections, and with which reason they are counted. */
class RejectionClassifierTest {

    final RejectionClassifier classifier = new RejectionClassifier();

    {
        classifier.json = McpJsonDefaults.getMapper();
    }

    @Test
    void bodiesThatAreNotJsonRpcAreMalformedRequests() {
        assertThat(classifier.classify(400, JsonRpcErrors.body(JsonRpcErrors.PARSE_ERROR, "Body is not valid JSON")))
                .contains(new Rejection(Outcome.MALFORMED_REQUEST, Rejection.PROTOCOL, 400));
        assertThat(classifier.classify(413, JsonRpcErrors.body(JsonRpcErrors.INVALID_REQUEST, "too large")))
                .contains(new Rejection(Outcome.MALFORMED_REQUEST, Rejection.PROTOCOL, 413));
    }

    @Test
    void aRefusedOriginIsThePolicyOfThisServer() {
        assertThat(classifier.classify(403, JsonRpcErrors.body(JsonRpcErrors.INVALID_REQUEST, "Origin not allowed")))
                .contains(new Rejection(Outcome.POLICY, Rejection.PROTOCOL, 403));
    }

    @Test
    void theSdksAnswerToAnUnknownToolIsAnUnknownTool() {
        String answer = "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: invalid_tool_name\"}}";

        assertThat(classifier.classify(200, answer)).contains(new Rejection(Outcome.UNKNOWN_TOOL, Rejection.UNKNOWN_TOOL, 200));
    }

    @Test
    void anAnswerWrittenAsUtf8BytesIsReadLikeItsText() {
        String answer = "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: ça\"}}";

        assertThat(classifier.classify(200, answer.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .contains(new Rejection(Outcome.UNKNOWN_TOOL, Rejection.UNKNOWN_TOOL, 200));
        assertThat(RejectionClassifier.text(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8))).contains(answer);
    }

    @Test
    void otherInvalidParametersAreValidationAndUnknownMethodsMalformed() {
        assertThat(classifier.classify(200, "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32602,\"message\":\"bad params\"}}"))
                .contains(new Rejection(Outcome.VALIDATION, Rejection.PROTOCOL, 200));
        assertThat(classifier.classify(200, "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}"))
                .contains(new Rejection(Outcome.MALFORMED_REQUEST, Rejection.PROTOCOL, 200));
    }

    @Test
    void successfulProtocolMessagesAndServerFailuresAreNotRejections() {
        assertThat(classifier.classify(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}}")).isEmpty();
        assertThat(classifier.classify(202, null)).isEmpty();
        assertThat(classifier.classify(500, JsonRpcErrors.body(JsonRpcErrors.INTERNAL_ERROR, "unexpected"))).isEmpty();
    }
}
