/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.serving.recommend.BadRequestException;
import org.junit.jupiter.api.Test;

class PredictRequestParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PredictRequestParser.Parsed parse(String body) throws Exception {
        return PredictRequestParser.parse(JSON.readTree(body));
    }

    @Test
    void rowFormWithNamedAndBareInstances() throws Exception {
        var parsed = parse("{\"instances\": [{\"history\": [1, 2], \"exclude\": [9], \"k\": 3}, [4, 5, 6]]}");
        assertThat(parsed.signature()).isEqualTo(Signature.RECOMMEND);
        assertThat(parsed.columnar()).isFalse();
        assertThat(parsed.examples()).hasSize(2);
        assertThat(parsed.examples().get(0).ids()).containsExactly(1, 2);
        assertThat(parsed.examples().get(0).exclude()).containsExactly(9);
        assertThat(parsed.examples().get(0).k()).isEqualTo(3);
        assertThat(parsed.examples().get(1).ids()).containsExactly(4, 5, 6);
        assertThat(parsed.examples().get(1).k()).isEqualTo(Signature.DEFAULT_K);
    }

    @Test
    void columnarFormWithABatchAndOneK() throws Exception {
        var parsed = parse("{\"inputs\": {\"history\": [[1], [2, 3]], \"exclude\": [[], [7]], \"k\": 5}}");
        assertThat(parsed.columnar()).isTrue();
        assertThat(parsed.examples())
                .extracting(PredictRequestParser.Example::k)
                .containsExactly(5, 5);
        assertThat(parsed.examples().get(1).exclude()).containsExactly(7);
    }

    @Test
    void columnarLoneHistoryIsABatchOfOne() throws Exception {
        var parsed = parse("{\"inputs\": {\"history\": [1, 2, 3]}}");
        assertThat(parsed.examples()).hasSize(1);
        assertThat(parsed.examples().get(0).ids()).containsExactly(1, 2, 3);
    }

    @Test
    void similarItemsTakesItemIds() throws Exception {
        var parsed = parse("{\"signature_name\": \"similar_items\", \"inputs\": {\"item_id\": [4, 5], \"k\": [1, 2]}}");
        assertThat(parsed.signature()).isEqualTo(Signature.SIMILAR_ITEMS);
        assertThat(parsed.examples()).extracting(e -> e.ids()[0]).containsExactly(4L, 5L);
        assertThat(parsed.examples())
                .extracting(PredictRequestParser.Example::k)
                .containsExactly(1, 2);
    }

    @Test
    void refusesWhatTfServingWouldRefuse() {
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> parse("{\"instances\": [[1]], \"inputs\": [[1]]}"))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> parse("{\"instances\": [[1.5]]}")).hasMessageContaining("int64");
        assertThatThrownBy(() -> parse("{\"instances\": [{\"history\": [1], \"k\": \"3\"}]}"))
                .hasMessageContaining("int32");
        assertThatThrownBy(() -> parse("{\"instances\": [{\"exclude\": [1]}]}"))
                .hasMessageContaining("lacks input 'history'");
        assertThatThrownBy(() -> parse("{\"inputs\": {\"history\": [[1], [2]], \"exclude\": [[1]]}}"))
                .hasMessageContaining("one list of item ids per example");
        assertThatThrownBy(() -> parse("{\"instances\": []}")).hasMessageContaining("no examples");
        assertThatThrownBy(() -> parse("{\"instances\": [[1]], \"extra\": 1}")).hasMessageContaining("'extra'");
        assertThatThrownBy(() -> parse("{\"instances\": [" + "[1],".repeat(1000) + "[1]]}"))
                .hasMessageContaining("at most 1000 examples");
    }
}
