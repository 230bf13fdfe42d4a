/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;

/** A status that carries Kubernetes conditions ({@code Ready}, {@code Progressing}, {@code Degraded}). */
public interface StatusConditions {

    /** The conditions, each present as True or False. */
    List<Condition> getConditions();

    void setConditions(List<Condition> conditions);

    /** The condition of this type, when present. */
    @JsonIgnore
    default Optional<Condition> condition(String type) {
        return getConditions() == null
                ? Optional.empty()
                : getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Whether the condition of this type is present and True. */
    @JsonIgnore
    default boolean isTrue(String type) {
        return condition(type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }
}
