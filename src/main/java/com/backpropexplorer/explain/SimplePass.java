package com.backpropexplorer.explain;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.SimpleNet;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.explain.code.Listing;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** simpleNet (§4.4.2) on its one sample: W, x and t, and which preset W came from. */
final class SimplePass implements LessonPass {
    /** What the book prints in §4.4.2 (p. 111) for its W, x = [0.6, 0.9] and t = [0, 0, 1]. */
    static final String SOURCE = "§4.4.2, p. 111";
    static final double[] BOOK_PREDICT = {1.05414809, 0.63071653, 1.1328074};
    /** The book's loss, computed without the 1e−7 its cross_entropy_error adds inside the log. */
    static final double BOOK_LOSS = 0.92806853663411326;
    /** The book's dW: a numerical gradient (h = 1e−4), of the loss without the 1e−7. */
    static final double[][] BOOK_DW = {
        {0.21924763, 0.14356247, -0.36281009},
        {0.32887144, 0.2153437, -0.54421514},
    };
    /**
     * Not from the book: the W of one reader's own random run, kept as a second preset because
     * README figures and screenshots of earlier versions showed it (loss 0.8165).
     */
    static final double[][] READER_W = {
        {-0.78425015, 1.35311457, 0.17493891},
        {-0.44785118, -0.55581795, 0.26695799},
    };
    static final List<Preset> PRESETS = List.of(new Preset("book", "preset.simple.book", true),
            new Preset("reader", "preset.simple.reader", false));

    private final DMatrixRMaj weight;
    private final DMatrixRMaj x;
    private final DMatrixRMaj t;
    private final String preset;

    SimplePass(DMatrixRMaj weight, DMatrixRMaj x, DMatrixRMaj t, String preset) {
        this.weight = weight.copy();
        this.x = x.copy();
        this.t = t.copy();
        this.preset = preset;
    }

    /** The book's W, x and t. */
    static SimplePass book() {
        return new SimplePass(new DMatrixRMaj(SimpleNet.BOOK_W), Matrices.row(SimpleNet.BOOK_X),
                Matrices.row(SimpleNet.BOOK_T), "book");
    }

    @Override
    public Trace run(Example example, double lr) {
        Trace pass = Tracer.simple(new SimpleNet(weight.copy()), x, t);
        return SgdStage.append(pass, lr, params -> {
            SimpleNet next = new SimpleNet(params.get("W"));
            DMatrixRMaj y = SoftmaxWithLoss.softmax(next.predict(x));
            return new SgdStage.Evaluation(next.loss(x, t), new double[] {y.get(0, label())});
        });
    }

    private int label() {
        for (int c = 0; c < t.numCols; c++) {
            if (t.get(0, c) == 1.0) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public EmptyCacheException backwardBeforeForward() {
        return Tracer.backwardBeforeForward(new SimpleNet(weight.copy()));
    }

    @Override
    public String description() {
        return "2×3, N = 1";
    }

    @Override
    public Listing listing() {
        return Listing.of("simpleNet", List.of(Listing.Part.of("simple_net.py"),
                Listing.Part.of("layers.py").keeping("MatMul", "SoftmaxWithLoss"), Listing.Part.of("optimizer.py")));
    }

    @Override
    public LessonPass withParams(Map<String, Tensor> params) {
        return new SimplePass(params.get("W").toMatrix(), x, t, "");
    }

    @Override
    public List<Preset> presets() {
        return PRESETS;
    }

    @Override
    public String preset() {
        return preset;
    }

    @Override
    public LessonPass withPreset(String id) {
        return switch (id) {
            case "book" -> book();
            case "reader" -> new SimplePass(new DMatrixRMaj(READER_W), x, t, "reader");
            default -> LessonPass.super.withPreset(id);
        };
    }

    /** The book's numbers apply while W, x and t are the ones it prints. */
    @Override
    public BookValues book(Trace trace) {
        if (!Arrays.equals(weight.data, new DMatrixRMaj(SimpleNet.BOOK_W).data)
                || !Arrays.equals(x.data, SimpleNet.BOOK_X) || !Arrays.equals(t.data, SimpleNet.BOOK_T)) {
            return null;
        }
        Stage matMul = trace.stage(0);
        Stage loss = trace.stage(1);
        Tensor y = loss.get("y");
        double withoutGuard = -Math.log(y.get(0, label()));
        return new BookValues(SOURCE, List.of(
                new BookValues.Value("net.predict(x)", "[1.05414809, 0.63071653, 1.1328074]", Tensor.of("predict", Matrices.row(BOOK_PREDICT)),
                        matMul.output(), ValueRef.producedBy(0, "out"), null),
                new BookValues.Value("loss", "0.92806853663411326", Tensor.scalar("loss", BOOK_LOSS), loss.output(),
                        ValueRef.producedBy(1, "L"), "book.simple.loss"),
                new BookValues.Value("loss without 1e-7", "0.92806853663411326", Tensor.scalar("loss", BOOK_LOSS),
                        Tensor.scalar("loss", withoutGuard), null, "book.simple.loss.noguard"),
                new BookValues.Value("dW",
                        "[[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]]", Tensor.of("dW", new DMatrixRMaj(BOOK_DW)), trace.stage(3).get("dW"),
                        ValueRef.producedBy(3, "dW"), "book.simple.dW")));
    }
}
