package com.trackdesk.mcp.execution.entity;

import java.util.Optional;

/**
 * An upstream answer made to fit a conversation.
 *
 * @param body          what goes to {@code structuredContent.body}
 * @param text          its JSON (or plain) rendering for the text content
 * @param truncated     items were left out
 * @param totalItems    how many items the upstream had, when known
 * @param returnedItems how many are in {@code body}
 * @param hint          how to ask for the rest
 */
public record ShapedBody(Object body, String text, boolean truncated, Optional<Integer> totalItems,
                         Optional<Integer> returnedItems, Optional<String> hint) {
}
