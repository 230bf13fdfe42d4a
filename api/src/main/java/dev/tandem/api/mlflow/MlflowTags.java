/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.mlflow;

import java.util.Optional;

/**
 * The model-version and run tags Tandem writes in MLflow and reads back: the trainer's {@code train}, {@code test} and
 * {@code decide} write them, the operator reads them into RecModel status and writes the archive reason after a swap.
 */
public final class MlflowTags {

    /** Prefix of the offline evaluation tags {@code test} writes, e.g. {@code tandem.eval.recall_at_50}. */
    public static final String EVAL_PREFIX = "tandem.eval.";

    /** The dataset version a version was evaluated on. */
    public static final String EVAL_DATASET_VERSION = EVAL_PREFIX + "dataset_version";

    /** How many holdout users a version was evaluated on. */
    public static final String EVAL_USERS = EVAL_PREFIX + "users";

    /** The trainer's verdict on a version: {@link Decision#CHALLENGER} or {@link Decision#REJECTED}. */
    public static final String DECISION = "tandem.decision";

    /** Why {@code decide} decided as it did, in a sentence. */
    public static final String DECISION_REASON = DECISION + ".reason";

    /** Why the operator archived a version (replaced by a newer one, or failed its analysis). */
    public static final String ARCHIVE_REASON = "tandem.archive.reason";

    /** The content-addressed dataset version a version was trained on. */
    public static final String DATASET_VERSION = "tandem.dataset_version";

    /** The trainer's version that trained it. */
    public static final String CODE_VERSION = "tandem.code_version";

    private MlflowTags() {}

    /** The evaluation tag of one metric or figure, e.g. {@code eval("recall_at_50")}. */
    public static String eval(String name) {
        return EVAL_PREFIX + name;
    }

    /** A baseline's figure, evaluated beside the version, e.g. {@code tandem.eval.baseline.popularity.recall_at_50}. */
    public static String evalBaseline(String baseline, String metric) {
        return EVAL_PREFIX + "baseline." + baseline + "." + metric;
    }

    /**
     * The offline metric an evaluation tag carries, e.g. {@code recall_at_50} for {@code tandem.eval.recall_at_50};
     * empty for other tags, the baselines' figures and the evaluation's dataset version and user count.
     */
    public static Optional<String> evalMetric(String tag) {
        if (!tag.startsWith(EVAL_PREFIX) || tag.equals(EVAL_DATASET_VERSION) || tag.equals(EVAL_USERS)) {
            return Optional.empty();
        }
        String name = tag.substring(EVAL_PREFIX.length());
        return name.isEmpty() || name.contains(".") ? Optional.empty() : Optional.of(name);
    }

    /** A detail of the decision, e.g. {@code decision("metric")} is {@code tandem.decision.metric}. */
    public static String decision(String detail) {
        return DECISION + "." + detail;
    }

    /** The values of {@link #DECISION}. */
    public enum Decision {
        /** The version won against the champion (or the baseline) and became the challenger. */
        CHALLENGER("challenger"),
        /** The version lost and was archived. */
        REJECTED("rejected");

        private final String value;

        Decision(String value) {
            this.value = value;
        }

        /** The tag's value. */
        public String value() {
            return value;
        }

        /** Whether {@code tagValue} is this decision. */
        public boolean is(String tagValue) {
            return value.equals(tagValue);
        }
    }
}
