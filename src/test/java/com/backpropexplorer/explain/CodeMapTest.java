package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.code.Line;
import com.backpropexplorer.explain.code.Listing;
import com.backpropexplorer.explain.code.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lines each stage of the tiny lesson runs, and which tensor each variable names. */
class CodeMapTest {
    private final Lesson tiny = Lessons.tiny();
    private final CodeMap map = tiny.code();
    private final Listing listing = tiny.listing();

    private List<String> code(List<Integer> lines) {
        return lines.stream().map(n -> listing.line(n).code().trim()).toList();
    }

    private int lineOf(String code) {
        List<Integer> found = listing.lines().stream().filter(l -> l.code().trim().equals(code)).map(Line::number)
                .toList();
        assertEquals(1, found.size(), code);
        return found.get(0);
    }

    @Test
    void forwardStagesHighlightTheCallPathAndTheLayersBody() {
        List<String> path = List.of("grads = network.gradient(x_batch, t_batch)", "self.loss(x, t)",
                "y = self.predict(x)", "x = layer.forward(x)");
        assertEquals(path, code(map.at(0).callSites()));
        assertEquals(List.of("self.x = x", "out = np.dot(x, self.W) + self.b", "return out"), code(map.at(0).body()));
        assertEquals("gradient() › loss() › predict() › Affine.forward()", map.at(0).breadcrumbs());
        assertEquals(path, code(map.at(1).callSites()));
        assertEquals(List.of("self.mask = (x <= 0)", "out = np.where(self.mask, 0, x)", "return out"),
                code(map.at(1).body()));
        assertEquals(code(map.at(0).body()), code(map.at(2).body()), "Affine2 runs the same forward");
        assertEquals(List.of("grads = network.gradient(x_batch, t_batch)", "self.loss(x, t)",
                "return self.lastLayer.forward(y, t)"), code(map.at(3).callSites()));
        assertEquals(List.of("self.t = t", "self.y = softmax(x)", "self.loss = cross_entropy_error(self.y, self.t)",
                "return self.loss"), code(map.at(3).body()));
    }

    @Test
    void backwardStagesHighlightTheLoopInGradientAndTheBackwardBody() {
        assertEquals(List.of("grads = network.gradient(x_batch, t_batch)", "dout = self.lastLayer.backward(dout)"),
                code(map.at(4).callSites()));
        assertEquals(List.of("batch_size = self.t.shape[0]", "dx = dout * (self.y - self.t) / batch_size", "return dx"),
                code(map.at(4).body()));
        for (int s : List.of(5, 6, 7)) {
            assertEquals(List.of("grads = network.gradient(x_batch, t_batch)", "dout = layer.backward(dout)"),
                    code(map.at(s).callSites()));
        }
        assertEquals(List.of("dx = np.dot(dout, self.W.T)", "self.dW = np.dot(self.x.T, dout)",
                "self.db = np.sum(dout, axis=0)", "return dx"), code(map.at(7).body()));
        assertEquals(List.of("dx = np.where(self.mask, 0, dout)", "return dx"), code(map.at(6).body()));
        assertEquals(List.of("optimizer.update(network.params, grads)"), code(map.at(8).callSites()));
        assertEquals(List.of("for key in params.keys():", "params[key] -= self.lr * grads[key]"),
                code(map.at(8).body()));
        assertEquals("SGD.update()", map.at(8).breadcrumbs());
    }

    @Test
    void aRefusedBackwardPointsAtTheEmptyCacheAndTheLineThatFillsIt() {
        CodeMap.RefusalCode refusal = map.refusal();
        assertEquals(List.of("batch_size = self.t.shape[0]"), code(refusal.readsCache()));
        assertEquals(List.of("self.loss(x, t)"), code(refusal.fillsCache()));
        assertEquals(List.of("dout = self.lastLayer.backward(dout)"), code(refusal.backwardCallSite()));
    }

    @Test
    void clickingALineGoesToTheStageThatRunsIt() {
        int affineForward = lineOf("out = np.dot(x, self.W) + self.b");
        assertEquals(List.of(0, 2), map.stagesOf(affineForward));
        assertEquals(0, map.stageFor(affineForward, 0).getAsInt());
        assertEquals(2, map.stageFor(affineForward, 1).getAsInt(), "after Affine1 ran, Affine2 is next");
        assertEquals(0, map.stageFor(affineForward, 5).getAsInt(), "past both: back to the first");
        assertEquals(List.of(8), map.stagesOf(lineOf("params[key] -= self.lr * grads[key]")));
        assertTrue(map.stageFor(lineOf("self.params = {}"), 0).isEmpty(), "__init__ runs in no stage");
        int theLoop = lineOf("x = layer.forward(x)");
        assertEquals(List.of(0, 1, 2), map.stagesOf(theLoop));
    }

    @Test
    void variablesNameTheSameTensorsAsTheGraph() {
        int line = lineOf("self.dW = np.dot(self.x.T, dout)");
        List<Token> tokens = listing.line(line).tokens();
        assertEquals(List.of("self.dW", "self.x", "dout"), tokens.stream().map(Token::text).toList());
        // in the backward stage of Affine1 (stage 7)
        assertEquals(List.of(ValueRef.producedBy(7, "dW")), map.resolve(7, line, tokens.get(0)));
        assertEquals(List.of(ValueRef.producedBy(0, "x")), map.resolve(7, line, tokens.get(1)),
                "self.x is what Affine1's forward cached");
        assertEquals(List.of(ValueRef.producedBy(6, "dx")), map.resolve(7, line, tokens.get(2)),
                "dout is the gradient Relu1 sent back");
        // the same line in Affine2's backward (stage 5) names Affine2's tensors
        assertEquals(List.of(ValueRef.producedBy(2, "x")), map.resolve(5, line, tokens.get(1)));
        int w = lineOf("out = np.dot(x, self.W) + self.b");
        Token selfW = listing.line(w).tokens().stream().filter(t -> t.text().equals("self.W")).findFirst().orElseThrow();
        assertEquals(List.of(ValueRef.given(0, "W1")), map.resolve(0, w, selfW));
        assertEquals(List.of(ValueRef.given(2, "W2")), map.resolve(2, w, selfW));
        int mask = lineOf("dx = np.where(self.mask, 0, dout)");
        Token selfMask = listing.line(mask).tokens().get(1);
        assertEquals(List.of(ValueRef.producedBy(1, "mask")), map.resolve(6, mask, selfMask));
        assertTrue(map.resolve(0, mask, selfMask).isEmpty(), "stage 0 does not run that line");
        Trace trace = tiny.trace();
        assertEquals(trace.stage(0).get("x"), ValueRef.producedBy(0, "x").in(trace));
        // and back: hovering Affine1's cached x finds self.x and x in its forward
        List<CodeMap.Located> found = map.tokensFor(0, ValueRef.given(0, "x"));
        assertTrue(found.stream().anyMatch(l -> l.token().text().equals("x")), found.toString());
        int update = lineOf("params[key] -= self.lr * grads[key]");
        Token lr = listing.line(update).tokens().stream().filter(t -> t.text().equals("self.lr")).findFirst()
                .orElseThrow();
        assertEquals(List.of(ValueRef.given(8, "lr")), map.resolve(8, update, lr));
    }
}
