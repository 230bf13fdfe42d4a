/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.mlflow.MlflowApiException;
import dev.tandem.trainer.dataset.DatasetIntegrityException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import picocli.CommandLine;

/** Maps failures to the exit codes the CLI documents. */
final class ExitCodes {

    static final int INVALID_COMMAND_LINE = 2;
    static final int INVALID_DATA = 3;
    static final int SERVICE_FAILURE = 4;

    private ExitCodes() {}

    static int of(Throwable failure) {
        if (failure instanceof CommandLine.ParameterException) {
            return INVALID_COMMAND_LINE;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatasetIntegrityException || t instanceof InvalidBundleException) {
                return INVALID_DATA;
            }
            if (t instanceof MlflowApiException || t instanceof ConnectException) {
                return SERVICE_FAILURE;
            }
            if (t instanceof UncheckedIOException && t.getCause() instanceof ConnectException) {
                return SERVICE_FAILURE;
            }
        }
        return 1;
    }
}
