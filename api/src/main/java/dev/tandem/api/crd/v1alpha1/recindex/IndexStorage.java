/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Where a built index is kept and read from by the serving pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.type != 'PersistentVolumeClaim' || (has(self.claimName) && self.claimName != '')",
        message = "spec.storage.claimName is required when spec.storage.type is PersistentVolumeClaim")
@ValidationRule(
        value = "self.type == 'PersistentVolumeClaim' || !has(self.claimName)",
        message = "spec.storage.claimName is only for spec.storage.type PersistentVolumeClaim")
public class IndexStorage {

    @Default("MLflow")
    @JsonPropertyDescription(
            "MLflow (default): the index is uploaded next to the model version's run artifacts and pods download it."
                    + " PersistentVolumeClaim: the index is written into the claim and pods mount it read-only (the claim"
                    + " must be ReadWriteMany, or ReadOnlyMany after the build, for pods on several nodes).")
    private StorageType type = StorageType.MLFLOW;

    @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
    @JsonPropertyDescription("The PersistentVolumeClaim (same namespace) for type PersistentVolumeClaim.")
    private String claimName;

    public StorageType getType() {
        return type;
    }

    public void setType(StorageType type) {
        this.type = type;
    }

    public String getClaimName() {
        return claimName;
    }

    public void setClaimName(String claimName) {
        this.claimName = claimName;
    }
}
