/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.forward;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The addresses a Service port currently sends traffic to, read from the Service's EndpointSlices as kube-proxy
 * reads them: endpoints that are ready (a missing {@code ready} counts as ready) and not terminating, at the slice's
 * port of the same name as the Service port.
 */
public final class ServiceEndpoints {

    private ServiceEndpoints() {}

    /**
     * @param slices the Service's EndpointSlices
     * @param portName the Service port's name ({@code null} or empty for a Service's only, unnamed port)
     */
    public static List<EndpointAddress> ready(Collection<EndpointSlice> slices, String portName) {
        String wanted = portName == null ? "" : portName;
        List<EndpointAddress> addresses = new ArrayList<>();
        for (EndpointSlice slice : slices) {
            if (slice.getPorts() == null || !"IPv4".equals(slice.getAddressType())) {
                continue;
            }
            Integer port = slice.getPorts().stream()
                    .filter(p -> wanted.equals(p.getName() == null ? "" : p.getName()))
                    .map(EndpointPort::getPort)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            if (port == null || slice.getEndpoints() == null) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints()) {
                if (!ready(endpoint)
                        || endpoint.getAddresses() == null
                        || endpoint.getAddresses().isEmpty()) {
                    continue;
                }
                addresses.add(new EndpointAddress(endpoint.getAddresses().getFirst(), port));
            }
        }
        addresses.sort(Comparator.comparing(EndpointAddress::ip).thenComparingInt(EndpointAddress::port));
        return List.copyOf(addresses);
    }

    private static boolean ready(Endpoint endpoint) {
        if (endpoint.getConditions() == null) {
            return true;
        }
        boolean ready = !Boolean.FALSE.equals(endpoint.getConditions().getReady());
        boolean terminating = Boolean.TRUE.equals(endpoint.getConditions().getTerminating());
        return ready && !terminating;
    }
}
