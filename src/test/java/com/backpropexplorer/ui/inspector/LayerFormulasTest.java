package com.backpropexplorer.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.backpropexplorer.explain.GraphNode;
import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.ui.I18n;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The inspector's formulas in symbols: the book's, with each node's own parameter names. */
class LayerFormulasTest {
    private final I18n english = new I18n(Locale.ENGLISH);

    @Test
    void affineNamesItsOwnWeightAndBias() {
        GraphNode affine2 = new GraphNode("Affine2", LayerKind.AFFINE, List.of("W2", "b2"));
        assertEquals(List.of("out = x · W2 + b2"), LayerFormulas.forward(affine2));
        assertEquals(List.of("dx = dout · W2ᵀ", "dW2 = xᵀ · dout",
                "db2 = Σ dout  " + english.text("inspector.overBatch")), LayerFormulas.backward(affine2, english));
    }

    @Test
    void simpleNetsProductHasNoBiasAndAnUnnamedWeightIsW() {
        GraphNode matmul = new GraphNode("MatMul", LayerKind.MATMUL, List.of());
        assertEquals(List.of("out = x · W"), LayerFormulas.forward(matmul));
        assertEquals(List.of("dx = dout · Wᵀ", "dW = xᵀ · dout"), LayerFormulas.backward(matmul, english));
    }

    @Test
    void reluAndTheLossSayTheirBackwardInTheLearnersLanguage() {
        I18n japanese = new I18n(Locale.JAPANESE);
        GraphNode relu = new GraphNode("Relu1", LayerKind.RELU, List.of());
        assertEquals(List.of("out = max(0, x)", "mask = (x ≤ 0)"), LayerFormulas.forward(relu));
        assertEquals(List.of(japanese.text("formula.relu.backward")), LayerFormulas.backward(relu, japanese));
        GraphNode loss = new GraphNode("SoftmaxWithLoss", LayerKind.SOFTMAX_WITH_LOSS, List.of("t"));
        assertEquals(List.of("y = softmax(x)", "L = −Σ t · log y / N"), LayerFormulas.forward(loss));
        assertEquals(List.of("dx = (y − t) / N  " + english.text("inspector.doutIsOne")),
                LayerFormulas.backward(loss, english));
    }

    @Test
    void theShoppingNodesHaveNoneHere() {
        GraphNode mul = new GraphNode("mul_apple_layer", LayerKind.MUL, List.of());
        assertEquals(List.of(), LayerFormulas.forward(mul));
        assertEquals(List.of(), LayerFormulas.backward(mul, english));
    }
}
