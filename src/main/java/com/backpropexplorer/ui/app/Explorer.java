package com.backpropexplorer.ui.app;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.buglab.BugLabModel;
import com.backpropexplorer.ui.buglab.BugLabPage;
import com.backpropexplorer.ui.code.CodeVisibility;
import com.backpropexplorer.ui.compare.ComparisonQueue;
import com.backpropexplorer.ui.draw.DrawModel;
import com.backpropexplorer.ui.draw.DrawPage;
import com.backpropexplorer.ui.explainer.ExplainerPage;
import com.backpropexplorer.ui.gradcheck.GradcheckModel;
import com.backpropexplorer.ui.gradcheck.GradcheckPage;
import com.backpropexplorer.ui.lesson.BookLessons;
import com.backpropexplorer.ui.lesson.Ch4Lesson;
import com.backpropexplorer.ui.lesson.DrawnDigitLesson;
import com.backpropexplorer.ui.lesson.EditableLesson;
import com.backpropexplorer.ui.lesson.LessonInputs;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.MnistDigits;
import com.backpropexplorer.ui.lesson.MnistLesson;
import com.backpropexplorer.ui.numgrad.NumericalGradientModel;
import com.backpropexplorer.ui.numgrad.NumericalGradientPanel;
import com.backpropexplorer.ui.shared.MnistFolder;
import com.backpropexplorer.ui.shared.TrainedNet;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Navigator;
import com.backpropexplorer.ui.shell.StatusLine;
import com.backpropexplorer.ui.train.DatasetModel;
import com.backpropexplorer.ui.train.ModelActions;
import com.backpropexplorer.ui.train.NetFiles;
import com.backpropexplorer.ui.train.TrainingModel;
import com.backpropexplorer.ui.train.TrainingPage;
import com.backpropexplorer.ui.weights.WeightsModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The app wired together, in one place: every view-model, made once here and held here for the
 * app's life, and how each page is built from the ones it uses. A language or theme switch
 * rebuilds the window's pages, never these, so what the learner did survives it.
 *
 * <p>Making these costs next to nothing (no file is read, no thread started): the window's first
 * frame does not wait for them. Lessons compute when their page is first shown; the digit
 * canvas's model, which starts a thread and reads the shipped net, is made when it is first shown.
 */
public final class Explorer {
    /** The id of the page shown at start. */
    static final String FIRST_PAGE = "tiny";

    private final I18n i18n;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final StatusLine status = new StatusLine();
    private final ExecutorService background;
    private final TrainedNet trainedNet = new TrainedNet();
    private final MnistFolder mnist;
    private final Map<Example, LessonModel> lessons = new EnumMap<>(Example.class);
    /** The inputs the learner may change, of the lessons that need no data. */
    private final Map<Example, LessonInputs> inputs = new EnumMap<>(Example.class);
    private final Map<Example, WeightsModel> weights = new EnumMap<>(Example.class);
    private final MnistDigits mnistDigits;
    private final Ch4Lesson ch4;
    private final NumericalGradientModel numericalGradient;
    private final DatasetModel dataset;
    private final TrainingModel training;
    /** The Train page's comparison runs: they outlive the page, as the page's own run does. */
    private final ComparisonQueue comparison;
    private final NetFiles netFiles;
    /** Made when the digit canvas is first shown: it starts a thread and reads the shipped model. */
    private DrawModel draw;
    private final GradcheckModel gradcheck;
    private final BugLabModel bugLab;
    private boolean animated = true;
    /** Whether the lessons show their code beside the graph (one switch for all, kept across a language switch). */
    private final CodeVisibility codeShown = new CodeVisibility();

    public Explorer(I18n i18n) {
        this.i18n = i18n;
        AtomicInteger count = new AtomicInteger();
        // daemon threads: closing the window must end the process even while a lesson computes
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "explorer-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        mnist = new MnistFolder(background);
        MnistLesson testDigits = new MnistLesson(mnist::chosen, trainedNet::copy, mnist.cache());
        for (Example example : Example.values()) {
            if (!example.needsMnist()) {
                EditableLesson source = BookLessons.of(example);
                LessonModel model = new LessonModel(source, background);
                lessons.put(example, model);
                inputs.put(example, new LessonInputs(model, source));
            }
        }
        lessons.put(Example.MNIST, new LessonModel(testDigits, background));
        ch4 = new Ch4Lesson(mnist::chosen, mnist.cache());
        lessons.put(Example.CH4, new LessonModel(ch4, background));
        numericalGradient = new NumericalGradientModel(ch4::lesson, background);
        // a new pass (MNIST found, another folder): the walk starts over on its net and digits
        lessons.get(Example.CH4).loadedProperty().addListener((obs, o, n) -> numericalGradient.restart());
        lessons.forEach((example, lesson) -> {
            if (example.hasWeights() && example != Example.CH4) { // ch4's panel is the numerical gradient
                weights.put(example, new WeightsModel(lesson));
            }
        });
        mnistDigits = new MnistDigits(lessons.get(Example.MNIST), testDigits, trainedNet.property());
        dataset = new DatasetModel(background, mnist);
        training = new TrainingModel(dataset, trainedNet);
        comparison = new ComparisonQueue(() -> dataset.data() == null ? null : dataset.data().data(),
                training.kernels());
        netFiles = new NetFiles(background, training, dataset, trainedNet);
        gradcheck = new GradcheckModel(background, example -> lessons.get(example).trace(), trainedNet::copy,
                mnist::chosen, mnist.cache());
        bugLab = new BugLabModel(background, mnist::chosen, mnist.cache());
    }

    /**
     * The pages of the sidebar, in order: the three lessons, then the training view, the digit
     * canvas and the gradient check. Each is built when shown.
     *
     * @param dialogs the window's dialogs
     * @param navigator how a page shows another one
     */
    List<PageSpec> pages(Dialogs dialogs, Navigator navigator) {
        List<PageSpec> pages = new ArrayList<>();
        for (Example example : lessons.keySet()) {
            pages.add(lessonPage(example, dialogs));
        }
        pages.addAll(List.of(
                new PageSpec("train", "nav.train", PageSpec.Section.TOOLS, () -> {
                    TrainingPage page = new TrainingPage(i18n, training, dataset, mnist, modelActions(dialogs), status,
                            dialogs);
                    page.addTeachingTabs(comparison, (pixels, label, net) -> {
                        mnistDigits.showDrawn(new DrawnDigitLesson(pixels, label, net));
                        navigator.show(Example.MNIST.id());
                    }, background);
                    return page;
                }),
                new PageSpec("draw", "nav.draw", PageSpec.Section.TOOLS, () -> new DrawPage(i18n, draw(), status, dialogs,
                        background, theme, (pixels, label, net) -> {
                            mnistDigits.showDrawn(new DrawnDigitLesson(pixels, label, net));
                            navigator.show(Example.MNIST.id());
                        })),
                new PageSpec("gradcheck", "nav.gradcheck", PageSpec.Section.TOOLS,
                        () -> new GradcheckPage(i18n, gradcheck)),
                new PageSpec("buglab", "nav.buglab", PageSpec.Section.TOOLS, () -> new BugLabPage(i18n, bugLab))));
        return pages;
    }

    private PageSpec lessonPage(Example example, Dialogs dialogs) {
        String key = "nav." + example.id();
        return new PageSpec(example.id(), i18n -> i18n.has(key) ? i18n.text(key) : example.navLabel(i18n.locale()),
                PageSpec.Section.LESSONS, () -> {
            ExplainerPage page = new ExplainerPage(i18n, lessons.get(example), weights.get(example), status, dialogs);
            page.setAnimated(animated);
            page.dockCode(codeShown);
            if (inputs.containsKey(example)) {
                page.addInputs(inputs.get(example));
            }
            if (example == Example.CH4) {
                page.addMnistMissing(mnist, dialogs);
                page.addNumericalGradient(new NumericalGradientPanel(i18n, numericalGradient, ch4::lesson));
            }
            if (example == Example.MNIST) {
                page.addMnistParts(mnist, mnistDigits, trainedNet, dialogs);
            }
            return page;
        });
    }

    /** Open, save and export, with choosers and dialogs owned by the window. */
    ModelActions modelActions(Dialogs dialogs) {
        return new ModelActions(i18n, netFiles, training, trainedNet, dialogs, background);
    }

    /** The window is closing: stop training and downloads, end the background work. */
    public void shutdown() {
        training.shutdown();
        comparison.shutdown();
        mnist.cancelDownload();
        weights.values().forEach(WeightsModel::shutdown);
        numericalGradient.shutdown();
        background.shutdownNow();
    }

    /** Whether single steps animate; off for screenshots, where each picture shows a settled state. */
    public void setAnimated(boolean animated) {
        this.animated = animated;
    }

    // ------------------------------------------------------------ the parts (the window, tests, screenshots)

    public I18n i18n() {
        return i18n;
    }

    /** Whether the lessons show the code pane. */
    public CodeVisibility codeShown() {
        return codeShown;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StatusLine status() {
        return status;
    }

    public ExecutorService background() {
        return background;
    }

    public TrainedNet trainedNet() {
        return trainedNet;
    }

    public MnistFolder mnist() {
        return mnist;
    }

    public LessonModel lesson(Example example) {
        return lessons.get(example);
    }

    public WeightsModel weights(Example example) {
        return weights.get(example);
    }

    public MnistDigits mnistDigits() {
        return mnistDigits;
    }

    public ComparisonQueue comparison() {
        return comparison;
    }

    public TrainingModel training() {
        return training;
    }

    public DatasetModel dataset() {
        return dataset;
    }

    public NetFiles netFiles() {
        return netFiles;
    }

    public DrawModel draw() {
        if (draw == null) {
            draw = new DrawModel(trainedNet.property());
        }
        return draw;
    }

    public GradcheckModel gradcheck() {
        return gradcheck;
    }

    public NumericalGradientModel numericalGradient() {
        return numericalGradient;
    }

    public BugLabModel bugLab() {
        return bugLab;
    }
}
