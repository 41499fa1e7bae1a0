package com.trackdesk.mcp.reporting.entity;

import java.util.List;

/**
 * Whether searches led anywhere: of the searches whose client is known, how many were followed by an
 * {@code execute} from the same client (and tenant) within {@code withinMinutes}, and which operations were
 * executed most often right after a search that found them (its top hit). Kept apart from the execute
 * rankings: it measures the search, not the API.
 *
 * @param trackedSearches searches with a client label (calls recorded before labels existed have none)
 * @param followed        of those, searches followed by an execute in time
 * @param sampled         true when the range held more searches than were examined (the newest were)
 */
public record SearchFollowUp(int withinMinutes, long trackedSearches, long followed, boolean sampled,
                             List<NamedCount> executedAfterSearch) {

    public long notFollowed() {
        return trackedSearches - followed;
    }
}
