/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.forward;

/**
 * One ready endpoint of a Service port.
 *
 * @param ip the pod's address
 * @param port the port on the pod
 */
public record EndpointAddress(String ip, int port) {

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
