/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.events;

import dev.tandem.api.crd.v1alpha1.common.Reason;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records a Kubernetes Event on a Tandem resource for each transition ({@code kubectl describe} and
 * {@code kubectl get events} show them). An Event that cannot be written is logged, never fails a reconcile.
 */
@ApplicationScoped
public class TransitionEvents {

    private static final Logger LOG = Logger.getLogger(TransitionEvents.class);
    private static final String COMPONENT = "tandem-operator";

    private final KubernetesClient client;
    private final Clock clock;

    public TransitionEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** A Normal event: something went as it should. */
    public void normal(HasMetadata resource, Reason reason, String message) {
        emit(resource, "Normal", reason.name(), message);
    }

    /** A Warning event when {@code warning} (something needs a person's attention), else a Normal one. */
    public void record(HasMetadata resource, boolean warning, Reason reason, String message) {
        emit(resource, warning ? "Warning" : "Normal", reason.name(), message);
    }

    /**
     * An Event whose reason the operator passes on as a condition reports it: a scheduler's, a kubelet's or
     * {@code build-index}'s word rather than one of its own {@link Reason}s.
     */
    public void recordReported(HasMetadata resource, boolean warning, String reportedReason, String message) {
        emit(resource, warning ? "Warning" : "Normal", reportedReason, message);
    }

    private void emit(HasMetadata resource, String type, String reason, String message) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        String namespace = resource.getMetadata().getNamespace();
        try {
            client.v1()
                    .events()
                    .inNamespace(namespace)
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withName(resource.getMetadata().getName() + "."
                                    + UUID.randomUUID().toString().substring(0, 13))
                            .withNamespace(namespace)
                            .endMetadata()
                            .withInvolvedObject(new ObjectReferenceBuilder()
                                    .withApiVersion(resource.getApiVersion())
                                    .withKind(resource.getKind())
                                    .withName(resource.getMetadata().getName())
                                    .withNamespace(namespace)
                                    .withUid(resource.getMetadata().getUid())
                                    .withResourceVersion(resource.getMetadata().getResourceVersion())
                                    .build())
                            .withType(type)
                            .withReason(reason)
                            .withMessage(message)
                            .withFirstTimestamp(now)
                            .withLastTimestamp(now)
                            .withCount(1)
                            .withNewSource()
                            .withComponent(COMPONENT)
                            .endSource()
                            .withReportingComponent(COMPONENT)
                            .build())
                    .create();
        } catch (KubernetesClientException e) {
            LOG.warnf(
                    "could not record event %s on %s/%s: %s",
                    reason, namespace, resource.getMetadata().getName(), e.getMessage());
        }
    }
}
