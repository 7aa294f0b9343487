package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shopping graphs (§5.3–5.4) and Sigmoid taken apart (§5.5.2) as lessons. */
class BookGraphsTest {

    private static double value(Trace trace, String name) {
        for (Stage s : trace.stages()) {
            for (Tensor t : s.outputs()) {
                if (t.name().equals(name)) {
                    return t.value();
                }
            }
        }
        throw new AssertionError("no stage puts out " + name);
    }

    @Test
    void buyAppleHasTheBooksNumbers() {
        Trace trace = Lessons.buyApple().trace();
        assertEquals(List.of("F mul_apple_layer", "F mul_tax_layer", "B mul_tax_layer", "B mul_apple_layer"),
                trace.stages().stream().map(Stage::label).toList());
        assertEquals(220, value(trace, "price"), 1e-9);
        assertEquals(220, trace.loss(), 1e-9);
        assertEquals(2.2, value(trace, "dapple"), 1e-9);
        assertEquals(110, value(trace, "dapple_num"), 1e-9);
        assertEquals(200, value(trace, "dtax"), 1e-9);
        assertTrue(trace.update().isEmpty(), "a shopping graph has nothing to update");
        assertEquals(LayerKind.MUL, trace.stage(0).kind());
        assertEquals(List.of("MulLayer.forward"), trace.stage(0).calls());
        assertEquals(List.of("apple", "apple_num"), trace.stage(0).inputs().stream().map(Tensor::name).toList());
    }

    @Test
    void buyAppleOrangeHasTheBooksNumbersAndIsNotAChain() {
        Lesson lesson = Lessons.buyAppleOrange();
        Trace trace = lesson.trace();
        assertEquals(715, value(trace, "price"), 1e-9);
        assertEquals(110, value(trace, "dapple_num"), 1e-9);
        assertEquals(2.2, value(trace, "dapple"), 1e-9);
        assertEquals(3.3, value(trace, "dorange"), 1e-9);
        assertEquals(165, value(trace, "dorange_num"), 1e-9);
        assertEquals(650, value(trace, "dtax"), 1e-9);
        assertEquals(List.of("mul_tax_layer", "add_apple_orange_layer", "mul_orange_layer", "mul_apple_layer"),
                trace.stages().subList(4, 8).stream().map(Stage::layer).toList(), "backward in the book's order");
        ComputationGraph g = trace.graph();
        assertFalse(g.isChain(), "two branches meet at the AddLayer");
        assertEquals(List.of("mul_apple_layer", "mul_orange_layer"),
                g.into("add_apple_orange_layer").stream().map(ComputationGraph.Edge::from).toList());
        ComputationGraph.Edge applePrice = g.edgeLabelled("apple_price").orElseThrow();
        assertEquals("dapple_price", applePrice.gradientLabel());
        assertEquals(200, applePrice.value().in(trace).value(), 0.0);
        assertEquals(1.1, applePrice.gradient().in(trace).value(), 1e-12);
        assertEquals(LayerKind.ADD, g.node("add_apple_orange_layer").kind());
        assertEquals("+", g.node("add_apple_orange_layer").label());
        BookValues book = lesson.book().orElseThrow();
        assertEquals("§5.4", book.source());
        for (BookValues.Value v : book.values()) {
            assertTrue(v.maxAbsDifference() < 1e-9, v.name());
        }
        assertEquals("715", book.value("price").printedText());
    }

    @Test
    void editingAnInputMovesEveryGradient() {
        Lesson lesson = Lessons.buyAppleOrange().withInput("apple", 120);
        Trace trace = lesson.trace();
        assertEquals((120 * 2 + 150 * 3) * 1.1, value(trace, "price"), 1e-9);
        assertEquals(2.2, value(trace, "dapple"), 1e-9, "dapple does not depend on the apple's price");
        assertEquals(120 * 1.1, value(trace, "dapple_num"), 1e-9);
        assertEquals(120 * 2 + 150 * 3, value(trace, "dtax"), 1e-9);
        assertTrue(lesson.book().isEmpty(), "not the book's numbers any more");
        assertEquals("apple 120 × 2, orange 150 × 3, tax 1.1", lesson.description());
        assertEquals("apple = 120", lesson.listing().line(1).code(), "the code shows the edited number");
        assertEquals(Map.of("apple", 120.0, "apple_num", 2.0, "orange", 150.0, "orange_num", 3.0, "tax", 1.1),
                lesson.inputs());
        assertThrows(IllegalArgumentException.class, () -> lesson.withInput("tax", Double.NaN));
        assertThrows(UnsupportedOperationException.class, () -> lesson.withInput("banana", 1));
    }

    @Test
    void theShoppingCodeHighlightsTheScriptLineAndTheLayerBody() {
        Lesson lesson = Lessons.buyAppleOrange();
        CodeMap map = lesson.code();
        var listing = lesson.listing();
        assertEquals(List.of("all_price = add_apple_orange_layer.forward(apple_price, orange_price)"),
                map.at(2).callSites().stream().map(n -> listing.line(n).code()).toList());
        assertEquals(List.of("out = x + y", "return out"),
                map.at(2).body().stream().map(n -> listing.line(n).code().trim()).toList());
        CodeMap.RefusalCode refusal = map.refusal();
        assertEquals("dx = dout * self.y", listing.line(refusal.readsCache().get(0)).code().trim());
        assertEquals("price = mul_tax_layer.forward(all_price, tax)", listing.line(refusal.fillsCache().get(0)).code());
        assertEquals("mul_tax_layer", lesson.backwardBeforeForward().layer());
        // a variable in the script is the edge of that name
        int line = refusal.fillsCache().get(0);
        var tokens = listing.line(line).tokens();
        assertEquals(List.of(ValueRef.producedBy(3, "price")), map.resolve(3, line, tokens.get(0)));
        // in MulLayer.backward, dx of mul_apple_layer is dapple
        int dx = refusal.readsCache().get(0);
        assertEquals(List.of(ValueRef.producedBy(7, "dapple")), map.resolve(7, dx, listing.line(dx).tokens().get(0)));
        assertEquals(List.of(ValueRef.producedBy(0, "y")), map.resolve(7, dx, listing.line(dx).tokens().get(2)),
                "self.y is what mul_apple_layer's forward kept: apple_num");
    }

    @Test
    void theLocalDerivativesSwapForMulAndPassForAdd() {
        Trace trace = Lessons.buyAppleOrange().trace();
        List<ChainRule.Link> mulTax = ChainRule.at(trace, 4);
        assertEquals("dall_price = dprice · tax", mulTax.get(0).formula());
        assertEquals(1.1, mulTax.get(0).local().value(), 0.0);
        assertEquals("dtax = dprice · all_price", mulTax.get(1).formula());
        List<ChainRule.Link> add = ChainRule.at(trace, 5);
        assertEquals(1, add.get(0).local().value(), 0.0);
        for (Stage s : trace.stages()) {
            for (ChainRule.Link link : ChainRule.at(trace, s.index())) {
                assertArrayEquals(link.result().toArray(), ProvenanceTest.apply(link).toArray(), 1e-12);
            }
            for (Tensor t : s.outputs()) {
                Provenance.Origin o = Provenance.of(trace, s.index(), t.name(), 0, 0);
                double sum = o.terms().stream().mapToDouble(Provenance.Term::value).sum();
                assertEquals(t.value(), sum, 1e-12, s.label() + " " + t.name());
            }
        }
    }

    @Test
    void sigmoidNodeByNodeCollapsesToDoutTimesYTimesOneMinusY() {
        for (double x : new double[] {-20, -7.5, -1, -0.25, 0, 0.5, 1, 3, 9, 20}) {
            for (double dout : new double[] {1, -0.3, 2.5}) {
                Lesson lesson = Lessons.sigmoid().withInput("x", x).withInput("dout", dout);
                Trace trace = lesson.trace();
                double y = trace.stage(3).output().value();
                assertEquals(1 / (1 + Math.exp(-x)), y, 1e-15);
                double dx = trace.stage(7).output().value();
                assertEquals(dout * y * (1 - y), dx, 1e-12, "x = " + x);
                Trace folded = lesson.withFolded(true).trace();
                assertEquals(dx, folded.stage(1).output().value(), 1e-12);
                for (Stage s : trace.stages()) {
                    for (ChainRule.Link link : ChainRule.at(trace, s.index())) {
                        assertArrayEquals(link.result().toArray(), ProvenanceTest.apply(link).toArray(), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void sigmoidTakenApartHasItsFourNodesAndFolds() {
        Lesson lesson = Lessons.sigmoid();
        Trace trace = lesson.trace();
        assertEquals(List.of("F mul", "F exp", "F add", "F div", "B div", "B add", "B exp", "B mul"),
                trace.stages().stream().map(Stage::label).toList());
        assertEquals(List.of("x", "×(−1)", "exp", "+1", "/", "y"),
                trace.graph().nodes().stream().map(ComputationGraph.Node::label).toList());
        assertTrue(lesson.foldable());
        assertFalse(lesson.folded());
        Lesson folded = lesson.withFolded(true);
        assertEquals(List.of("F Sigmoid", "B Sigmoid"), folded.trace().stages().stream().map(Stage::label).toList());
        assertEquals(List.of("dx = dout * (1.0 - self.out) * self.out"), folded.code().at(1).body().stream()
                .map(n -> folded.listing().line(n).code().trim()).filter(c -> c.startsWith("dx")).toList());
        assertEquals("exp", ChainRule.at(trace, 6).get(0).local().name().equals("b") ? "exp" : "?");
        assertEquals(-trace.stage(3).output().value() * trace.stage(3).output().value(),
                ChainRule.at(trace, 4).get(0).local().value(), 0.0, "the / node's local derivative is −y²");
    }
}
