/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

/**
 * Why the node refused a pod at admission: the pod ends Failed with this reason and message, as a kubelet's
 * admission failures do ({@code kubectl get pods} shows the reason as the pod's status).
 *
 * @param reason one CamelCase word
 * @param message what a user reads
 */
public record Rejection(String reason, String message) {}
