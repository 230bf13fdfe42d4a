/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.pair.ServableNotFoundException;
import dev.tandem.serving.pair.ServedModel;
import dev.tandem.serving.pair.ServedPair;
import dev.tandem.serving.pair.VersionStatus;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.RecommendRequest;
import dev.tandem.serving.recommend.Recommendation;
import dev.tandem.serving.recommend.Recommender;
import dev.tandem.serving.recommend.SimilarItemsRequest;
import dev.tandem.serving.recommend.UnknownItemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Predict, status and metadata requests for the served model, whichever protocol they came in on: the REST
 * and gRPC APIs translate their wire formats to these calls, so both answer every request the same way.
 */
@Singleton
class ModelRequests {

    /**
     * The servable a request names.
     *
     * @param name the model name
     * @param version a version, when the request names one
     * @param label a label, when the request names one (never together with a version)
     */
    record Target(String name, OptionalLong version, Optional<String> label) {}

    /**
     * A predict answer: one recommendation per example, all from one pair.
     *
     * @param version the version of the pair that answered
     */
    record Answer(long version, List<Recommendation> recommendations) {}

    @Inject
    ServedModel model;

    @Inject
    Recommender recommender;

    /** Refuses a request for a model this server does not serve, in TF Serving's words. */
    void requireServed(String name) {
        if (!model.name().equals(Optional.of(name))) {
            throw new ServableNotFoundException("Servable not found for request: Latest(" + name + ")");
        }
    }

    /** Answers every example from the one pair the target names, held for the whole request. */
    Answer predict(Target target, Signature signature, List<PredictRequestParser.Example> examples) {
        requireServed(target.name());
        ServedPair pair = model.acquire(target.version(), target.label());
        try {
            List<Recommendation> answers = new ArrayList<>(examples.size());
            for (PredictRequestParser.Example example : examples) {
                answers.add(answer(pair, signature, example));
            }
            return new Answer(pair.version(), answers);
        } finally {
            pair.release();
        }
    }

    /** The version whose signatures a metadata request describes. */
    long metadataVersion(Target target) {
        requireServed(target.name());
        ServedPair pair = model.acquire(target.version(), target.label());
        try {
            return pair.version();
        } finally {
            pair.release();
        }
    }

    /** The statuses a status request asks for, newest version first, as TF Serving lists them. */
    List<VersionStatus> status(Target target) {
        requireServed(target.name());
        List<VersionStatus> selected;
        if (target.version().isPresent()) {
            long v = target.version().getAsLong();
            selected = model.status(v)
                    .map(List::of)
                    .orElseThrow(() -> new ServableNotFoundException(
                            "Could not find version " + v + " of model " + target.name()));
        } else if (target.label().isPresent()) {
            Long v = model.routing().labels().get(target.label().get());
            if (v == null) {
                throw new ServableNotFoundException(
                        "Unrecognized servable version label: " + target.label().get());
            }
            selected = model.status(v).map(List::of).orElse(List.of());
        } else {
            selected = model.statuses();
        }
        if (selected.isEmpty()) {
            throw new ServableNotFoundException("Could not find any versions of model " + target.name());
        }
        return selected.reversed();
    }

    private Recommendation answer(ServedPair pair, Signature signature, PredictRequestParser.Example example) {
        if (signature == Signature.RECOMMEND) {
            return recommender.recommend(pair, new RecommendRequest(example.ids(), example.exclude(), example.k()));
        }
        try {
            return recommender.similarItems(
                    pair, new SimilarItemsRequest(example.ids()[0], example.exclude(), example.k()));
        } catch (UnknownItemException e) {
            // In a predict request an unknown item is a bad argument, as for any other input value.
            throw new BadRequestException(e.getMessage());
        }
    }
}
