package com.backpropexplorer.ui.pages;

import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.lesson.BookLessons;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.LessonSource;
import com.backpropexplorer.ui.lesson.MnistLesson;
import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.ui.train.TrainingModel;
import java.nio.file.Path;
import com.backpropexplorer.ui.gradcheck.GradcheckModel;
import com.backpropexplorer.ui.weights.WeightsModel;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

/**
 * What pages share and what outlives a rebuild of the scene (language or theme switch): the
 * strings, the theme, the lessons' view-models, the background executor, where MNIST is, and
 * the status line.
 */
public final class AppContext {
    private final I18n i18n;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ExecutorService background;
    private final Map<Example, LessonModel> lessons = new EnumMap<>(Example.class);
    /** The weights panel's view-model of each lesson, made when its page is first built. */
    private final Map<LessonModel, WeightsModel> weights = new IdentityHashMap<>();
    /** A folder the learner chose or downloaded MNIST into; null means "look it up". */
    private final ObjectProperty<Path> mnistFolder = new SimpleObjectProperty<>(this, "mnistFolder");
    /** The MNIST splits once loaded: the lessons, the gradient check and training share them. */
    private final MnistCache mnistCache = new MnistCache();
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    /**
     * The net the learner trained (training view) or opened from a file; null until then. The
     * explainer's mnist lesson and the digit canvas use it in place of their defaults. Whoever
     * sets it hands over a net no other thread touches (a copy), so readers may use it freely
     * on any one thread, again through a copy.
     */
    private final ObjectProperty<TwoLayerNet> trainedNet = new SimpleObjectProperty<>(this, "trainedNet");
    private final StringProperty statusRight = new SimpleStringProperty(this, "statusRight", "");
    private GradcheckModel gradcheck;
    private boolean animated = true;
    private Window window;
    private Consumer<String> navigator = pageId -> { };
    private TrainingModel training;
    private final MnistLesson mnistLesson;
    /** The first of the test digits the mnist lesson puts through the net. */
    private final ObjectProperty<Integer> mnistFirstDigit = new SimpleObjectProperty<>(this, "mnistFirstDigit", 0);

    public AppContext(I18n i18n) {
        this.i18n = i18n;
        AtomicInteger count = new AtomicInteger();
        // daemon threads: closing the window must end the process even while a lesson computes
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "explorer-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        lessons.put(Example.SIMPLE, new LessonModel(BookLessons.simple(), background));
        lessons.put(Example.TINY, new LessonModel(BookLessons.tiny(Tracer.TINY_SEED), background));
        mnistLesson = new MnistLesson(mnistFolder::get, this::netForMnistLesson, mnistCache);
        lessons.put(Example.MNIST, new LessonModel(mnistLesson, background));
        mnistFirstDigit.addListener((obs, old, now) -> {
            mnistLesson.setFirstDigit(now == null ? 0 : now);
            if (lessons.get(Example.MNIST).source() != mnistLesson) {
                // a drawn digit was shown: choosing a test digit brings the test digits back
                lessons.put(Example.MNIST, new LessonModel(mnistLesson, background));
                navigate(Example.MNIST.id());
            } else {
                lessons.get(Example.MNIST).reload();
            }
        });
        // the mnist lesson shows the newest trained (or opened) net once it has been computed
        trainedNet.addListener((obs, old, now) -> {
            LessonModel mnist = lessons.get(Example.MNIST);
            if (mnist.status() != LessonModel.Status.IDLE) {
                mnist.reload();
            }
        });
    }

    /** How pages switch pages: the window installs its own page switch here. */
    public void setNavigator(Consumer<String> navigator) {
        this.navigator = navigator;
    }

    /** Shows the page with that id (e.g. "mnist"), as its sidebar button would. */
    public void navigate(String pageId) {
        navigator.accept(pageId);
    }

    /** Replaces a lesson's source (tests, or a later page handing in a trained net). */
    public void setLesson(Example example, LessonSource source) {
        lessons.put(example, new LessonModel(source, background));
    }

    public I18n i18n() {
        return i18n;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ExecutorService background() {
        return background;
    }

    public LessonModel lesson(Example example) {
        return lessons.get(example);
    }

    /** The gradient-check page's view-model (made on first use). */
    public GradcheckModel gradcheck() {
        if (gradcheck == null) {
            gradcheck = new GradcheckModel(this);
        }
        return gradcheck;
    }

    /** The weights panel's view-model for a lesson (one engine thread each, made on first use). */
    public WeightsModel weights(LessonModel lesson) {
        return weights.computeIfAbsent(lesson, WeightsModel::new);
    }

    /** The program's one copy of the MNIST splits, loaded on first use. */
    public MnistCache mnistCache() {
        return mnistCache;
    }

    public ObjectProperty<Path> mnistFolderProperty() {
        return mnistFolder;
    }

    /** The trained (or opened) net, null until there is one. */
    public ObjectProperty<TwoLayerNet> trainedNetProperty() {
        return trainedNet;
    }

    private TwoLayerNet netForMnistLesson() {
        TwoLayerNet trained = trainedNet.get();
        return trained != null ? trained.copy() : MnistLesson.untrainedNet();
    }

    /** Which test digits the mnist lesson shows: this one and the next two. */
    public ObjectProperty<Integer> mnistFirstDigitProperty() {
        return mnistFirstDigit;
    }

    /** The training view's view-model (made on first use; it outlives page rebuilds). */
    public TrainingModel training() {
        if (training == null) {
            training = new TrainingModel(this);
        }
        return training;
    }

    /** The window is closing: stop training and downloads, end the background work. */
    public void shutdown() {
        if (training != null) {
            training.shutdown();
        }
        background.shutdownNow();
    }

    /** The status line at the bottom of the window. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The right end of the status line (e.g. the launch time). */
    public StringProperty statusRightProperty() {
        return statusRight;
    }

    /** Whether single steps animate; off for screenshots, where each picture shows a settled state. */
    public boolean isAnimated() {
        return animated;
    }

    public void setAnimated(boolean animated) {
        this.animated = animated;
    }

    /** The main window, owner of dialogs and file choosers. */
    public Window window() {
        return window;
    }

    public void setWindow(Window window) {
        this.window = window;
    }
}
