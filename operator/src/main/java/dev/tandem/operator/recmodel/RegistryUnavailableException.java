/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.mlflow.MlflowApiException;
import java.io.UncheckedIOException;
import java.net.ConnectException;

/**
 * MLflow could not answer: it is unreachable, overloaded, or refuses the operator. Nothing is known about the model
 * then, so the reconciler keeps what status already says and tries again with a growing delay.
 */
final class RegistryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The condition reason: {@code RegistryUnreachable} or {@code RegistryRefused}. */
    private final RecModelReason reason;

    private RegistryUnavailableException(RecModelReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The connection failed or timed out. */
    static RegistryUnavailableException unreachable(String trackingUri, UncheckedIOException e) {
        return new RegistryUnavailableException(
                RecModelReason.RegistryUnreachable,
                "MLflow at " + trackingUri + " is unreachable: " + detail(e.getCause()),
                e);
    }

    /** The first cause that says something; the HTTP client's refused connection says nothing itself. */
    private static String detail(Throwable cause) {
        boolean connect = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            connect |= t instanceof ConnectException;
        }
        return connect ? "the connection was refused" : "the connection failed";
    }

    /**
     * MLflow answered with an error that says nothing about the model: a server error or overload is treated as
     * unreachable, anything else (authentication, a proxy's refusal) as refused.
     */
    static RegistryUnavailableException answered(String trackingUri, MlflowApiException e) {
        boolean serverSide = e.httpStatus() >= 500 || e.httpStatus() == 429;
        return new RegistryUnavailableException(
                serverSide ? RecModelReason.RegistryUnreachable : RecModelReason.RegistryRefused,
                "MLflow at " + trackingUri + " answered HTTP " + e.httpStatus() + " (" + e.errorCode() + ")",
                e);
    }

    RecModelReason reason() {
        return reason;
    }
}
