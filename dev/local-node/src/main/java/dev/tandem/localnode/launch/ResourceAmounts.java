/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** A container's resource requests and limits as numbers. */
public final class ResourceAmounts {

    private ResourceAmounts() {}

    /** The limit of a resource (cores for {@code cpu}, bytes for {@code memory}), if the container sets one. */
    public static Optional<BigDecimal> limit(Container container, String resource) {
        return amount(container, resource, true);
    }

    /** The request of a resource, if the container sets one (a limit alone implies an equal request). */
    public static Optional<BigDecimal> request(Container container, String resource) {
        return amount(container, resource, false).or(() -> limit(container, resource));
    }

    private static Optional<BigDecimal> amount(Container container, String resource, boolean limits) {
        ResourceRequirements requirements = container.getResources();
        if (requirements == null) {
            return Optional.empty();
        }
        Map<String, Quantity> values = limits ? requirements.getLimits() : requirements.getRequests();
        if (values == null || !values.containsKey(resource)) {
            return Optional.empty();
        }
        return Optional.of(Quantity.getAmountInBytes(values.get(resource)));
    }
}
