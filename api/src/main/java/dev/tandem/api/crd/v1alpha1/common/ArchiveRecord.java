/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Why and when something was archived. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArchiveRecord {

    @JsonPropertyDescription(
            "Why, as one word: Replaced (a newer pair was promoted), AnalysisFailed (the pair failed its analysis),"
                    + " LostOffline (MLflow marks the version a loser on offline metrics).")
    private String reason;

    @JsonPropertyDescription("What happened, in a sentence.")
    private String message;

    @JsonPropertyDescription("When it was archived (RFC 3339).")
    private String at;

    public ArchiveRecord() {}

    public ArchiveRecord(String reason, String message, String at) {
        this.reason = reason;
        this.message = message;
        this.at = at;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }
}
