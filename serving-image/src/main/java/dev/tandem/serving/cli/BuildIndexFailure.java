/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tandem.api.index.BuildIndexReason;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What {@code build-index --summary} writes when no index came out: the message a user reads and one CamelCase
 * reason the operator can put in a condition. One line of JSON within a termination message's 4096 bytes.
 *
 * @param error what went wrong, in words (cut short to fit)
 * @param reason why, in one word
 */
public record BuildIndexFailure(String error, BuildIndexReason reason) {

    /** The most bytes the line may take: a pod's termination message keeps 4096. */
    static final int MAX_BYTES = 4096;

    public BuildIndexFailure {
        error = error == null ? "" : error;
        Objects.requireNonNull(reason, "reason");
    }

    /** One line of JSON of at most {@value #MAX_BYTES} bytes; a longer message is cut and ends in "…". */
    public String toJson() {
        String line = serialise(error);
        if (fits(line)) {
            return line;
        }
        // Escaping grows a control character to six (backslash, u, four hex digits): search for the longest
        // prefix whose serialised line fits rather than cutting by the message's own length.
        int longest = 0;
        int tooLong = error.length();
        while (tooLong - longest > 1) {
            int mid = (longest + tooLong) >>> 1;
            if (fits(serialise(cut(mid)))) {
                longest = mid;
            } else {
                tooLong = mid;
            }
        }
        return serialise(cut(longest));
    }

    private String cut(int length) {
        int end = length > 0 && Character.isHighSurrogate(error.charAt(length - 1)) ? length - 1 : length;
        return error.substring(0, end) + "…";
    }

    private static boolean fits(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private String serialise(String message) {
        try {
            return BuildIndexSummary.JSON.writeValueAsString(new BuildIndexFailure(message, reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a failure of two strings always serialises", e);
        }
    }
}
