/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.naming.RolloutNames;
import dev.tandem.api.serving.ServingEndpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

/** The Services of a Rollout: one for clients that selects the live slot, one for the candidate's slot. */
public final class ServingServices {

    private ServingServices() {}

    /** The Service clients call; switching pairs is one change of its selector's colour. */
    public static Service active(Rollout rollout, Colour colour) {
        return service(rollout, RolloutNames.activeService(rollout), "active", colour);
    }

    /** The Service of a swap's candidate. */
    public static Service preview(Rollout rollout, Colour colour) {
        return service(rollout, RolloutNames.previewService(rollout), "preview", colour);
    }

    private static Service service(Rollout rollout, String name, String role, Colour colour) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(rollout.getMetadata().getNamespace())
                .withLabels(RolloutNames.labels(rollout, role + "-service"))
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(RolloutNames.slotSelector(rollout, colour))
                .withPorts(
                        new ServicePortBuilder()
                                .withName("http")
                                .withPort(ServingEndpoints.HTTP_PORT)
                                .withTargetPort(new IntOrString("http"))
                                .build(),
                        new ServicePortBuilder()
                                .withName("grpc")
                                .withPort(ServingEndpoints.GRPC_PORT)
                                .withTargetPort(new IntOrString("grpc"))
                                .withAppProtocol("kubernetes.io/h2c")
                                .build())
                .endSpec()
                .build();
    }
}
