/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.decide;

import java.util.List;

/**
 * The outcome of comparing a candidate with the reference it must beat.
 *
 * @param promote whether the candidate becomes the challenger
 * @param metric the metric compared, e.g. {@code recall_at_50}
 * @param candidateValue the candidate's value on the holdout
 * @param referenceValue what it had to beat (champion's mean of recent evaluations, or the popularity baseline)
 * @param reference what the reference is, in words
 * @param referenceHistory the champion evaluations averaged (empty against the baseline)
 * @param minGain the margin the candidate had to exceed
 */
public record Decision(
        boolean promote,
        String metric,
        double candidateValue,
        double referenceValue,
        String reference,
        List<Double> referenceHistory,
        double minGain) {

    /** One line with the numbers, for tags, logs and chat. */
    public String reason() {
        return String.format(
                "%s %.4f %s %s %.4f%s",
                metric,
                candidateValue,
                promote ? ">" : "<=",
                reference,
                referenceValue,
                minGain == 0 ? "" : String.format(" + min gain %.4f", minGain));
    }
}
