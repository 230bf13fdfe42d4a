/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

    @Test
    void onlyReadyEndpointsThatAreNotTerminatingAtTheNamedPort() {
        EndpointSlice slice = new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("serving-abc")
                .endMetadata()
                .withAddressType("IPv4")
                .addNewPort()
                .withName("grpc")
                .withPort(8500)
                .endPort()
                .addNewPort()
                .withName("http")
                .withPort(8501)
                .endPort()
                .withEndpoints(
                        endpoint("198.18.0.9", true, false),
                        endpoint("198.18.0.3", true, false),
                        endpoint("198.18.0.4", false, false),
                        endpoint("198.18.0.5", true, true),
                        new EndpointBuilder().withAddresses("198.18.0.6").build())
                .build();

        assertThat(ServiceEndpoints.ready(List.of(slice), "http"))
                .containsExactly(
                        new EndpointAddress("198.18.0.3", 8501),
                        new EndpointAddress("198.18.0.6", 8501),
                        new EndpointAddress("198.18.0.9", 8501));
        assertThat(ServiceEndpoints.ready(List.of(slice), "metrics")).isEmpty();
    }

    @Test
    void anUnnamedPortMatchesAServicesOnlyPort() {
        EndpointSlice slice = new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("s")
                .endMetadata()
                .withAddressType("IPv4")
                .addNewPort()
                .withPort(80)
                .endPort()
                .withEndpoints(endpoint("198.18.0.1", true, false))
                .build();

        assertThat(ServiceEndpoints.ready(List.of(slice), null)).hasSize(1);
        assertThat(ServiceEndpoints.ready(List.of(slice), "")).hasSize(1);
    }

    private static Endpoint endpoint(String ip, boolean ready, boolean terminating) {
        return new EndpointBuilder()
                .withAddresses(ip)
                .withNewConditions()
                .withReady(ready)
                .withServing(ready)
                .withTerminating(terminating)
                .endConditions()
                .build();
    }
}
