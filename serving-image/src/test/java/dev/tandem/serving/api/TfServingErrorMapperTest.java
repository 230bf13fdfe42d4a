/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TfServingErrorMapperTest {

    @Test
    void unknownRouteAnswersInTfServingErrorShape() {
        given().when()
                .get("/v1/nothing/here")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("Malformed request: GET /v1/nothing/here"));
    }
}
