/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

/**
 * An MLflow server refused a request. Carries MLflow's own {@code error_code} (e.g.
 * {@code RESOURCE_DOES_NOT_EXIST}) so callers can react to the kind of failure, not to message text.
 */
public final class MlflowApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorCode;

    public MlflowApiException(String request, int httpStatus, String errorCode, String message) {
        super(request + " failed with HTTP " + httpStatus + " " + errorCode + ": " + message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** MLflow's error code, or {@code HTTP_ERROR} when the reply was not MLflow's JSON error shape. */
    public String errorCode() {
        return errorCode;
    }
}
