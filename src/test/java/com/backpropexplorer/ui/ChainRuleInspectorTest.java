package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector's chain rule, downstream = upstream × local, with the tiny lesson's numbers. */
class ChainRuleInspectorTest extends TinyLessonWindow {
    private void showBackwardOf(FxRobot robot, String layer) {
        int stage = tiny().trace().backwardStageOf(layer).orElseThrow().index();
        robot.clickOn("#timeline-" + stage);
        robot.clickOn("#node-" + layer);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void affineSendsDoutTimesWTransposedAndXTransposedTimesDout(FxRobot robot) {
        showBackwardOf(robot, "Affine2");
        Trace trace = tiny().trace();
        var backward = trace.backwardStageOf("Affine2").orElseThrow();
        Tensor w2 = trace.params().get("W2");
        double[] up = ExplorerFixture.shown(robot, "#inspector-chain-dx-upstream");
        double[] local = ExplorerFixture.shown(robot, "#inspector-chain-dx-local");
        double[] dx = ExplorerFixture.shown(robot, "#inspector-chain-dx-result");
        assertEquals(backward.get("dout").rows() * backward.get("dout").cols(), up.length);
        for (int i = 0; i < up.length; i++) {
            assertEquals(backward.get("dout").at(i), up[i], 0.0, "upstream is the dout that came in");
        }
        int n = backward.get("dout").rows();
        int k = w2.cols();
        int m = w2.rows();
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < k; c++) {
                assertEquals(w2.get(r, c), local[c * m + r], 0.0, "local derivative W2ᵀ");
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += up[r * k + j] * local[j * m + c];
                }
                assertEquals(sum, dx[r * m + c], 1e-12, "dx = dout · W2ᵀ at [" + r + "][" + c + "]");
                assertEquals(backward.get("dx").get(r, c), dx[r * m + c], 0.0);
            }
        }
        double[] dW = ExplorerFixture.shown(robot, "#inspector-chain-dW-result");
        double[] xT = ExplorerFixture.shown(robot, "#inspector-chain-dW-local");
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < k; c++) {
                double sum = 0;
                for (int s = 0; s < n; s++) {
                    sum += xT[r * n + s] * up[s * k + c];
                }
                assertEquals(sum, dW[r * k + c], 1e-12, "dW = xᵀ · dout");
            }
        }
        assertTrue(robot.lookup("#inspector-chain").queryAs(Label.class).getText().contains("upstream"));
    }

    @Test
    void reluPassesDoutWhereXWasPositiveAndSoftmaxSendsYMinusTOverN(FxRobot robot) {
        showBackwardOf(robot, "Relu1");
        Trace trace = tiny().trace();
        Tensor x = trace.forwardStageOf("Relu1").orElseThrow().get("x");
        double[] up = ExplorerFixture.shown(robot, "#inspector-chain-dx-upstream");
        double[] local = ExplorerFixture.shown(robot, "#inspector-chain-dx-local");
        double[] dx = ExplorerFixture.shown(robot, "#inspector-chain-dx-result");
        for (int i = 0; i < dx.length; i++) {
            assertEquals(x.at(i) > 0 ? 1.0 : 0.0, local[i], 0.0, "the local derivative of ReLU at x = " + x.at(i));
            assertEquals(up[i] * local[i], dx[i], 0.0);
        }
        showBackwardOf(robot, "SoftmaxWithLoss");
        var forward = trace.forwardStageOf("SoftmaxWithLoss").orElseThrow();
        double[] yMinusTOverN = ExplorerFixture.shown(robot, "#inspector-chain-dx-local");
        double[] result = ExplorerFixture.shown(robot, "#inspector-chain-dx-result");
        int n = trace.batchSize();
        for (int i = 0; i < result.length; i++) {
            double expected = (forward.get("y").at(i) - forward.get("t").at(i)) / n;
            assertEquals(expected, yMinusTOverN[i], 1e-15, "(y − t)/N");
            assertEquals(expected, result[i], 1e-15, "dx with dout = 1");
        }
    }
}
