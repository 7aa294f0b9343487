package com.backpropexplorer.ui.app;

import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window: one Scene whose root is (re)built from main.fxml. Switching language or
 * theme rebuilds the root with the new bundle; what the learner did survives because it lives
 * in the view-models the {@link Explorer} holds, not in the nodes.
 */
public final class MainWindow {
    /** The default size where the screen allows it. */
    public static final double DEFAULT_WIDTH = 1440;
    public static final double DEFAULT_HEIGHT = 900;
    /** The smallest window every page is laid out for (a 1024×768 laptop less its panel). */
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 650;
    /** Room for a window manager's title bar and borders. */
    private static final double DECORATION = 40;
    private static final String STYLESHEET = "/com/backpropexplorer/ui/app.css";

    private final Stage stage;
    private final Explorer explorer;
    private final Dialogs dialogs;
    private final List<PageSpec> pages;
    private final Scene scene;
    private MainController controller;
    private String currentPageId = Explorer.FIRST_PAGE;
    /** The first page waits for {@link #showFirstPage()} (the app: after the first frame). */
    private boolean firstPageLater;

    /** The window at its default size: 1440×900, or as much of the screen as there is. */
    public MainWindow(Stage stage, Explorer explorer) {
        this(stage, explorer, null);
    }

    /** @param size the scene's size, or null for the default */
    public MainWindow(Stage stage, Explorer explorer, Dimension2D size) {
        this(stage, explorer, size, false);
    }

    /**
     * @param size the scene's size, or null for the default
     * @param firstPageLater true to build the window without its first page, which then waits
     *     for {@link #showFirstPage()}: the app shows the window's frame (menus, sidebar) first
     *     and builds the lesson after that frame is on screen (README, Start-up)
     */
    MainWindow(Stage stage, Explorer explorer, Dimension2D size, boolean firstPageLater) {
        this.firstPageLater = firstPageLater;
        this.stage = stage;
        this.explorer = explorer;
        this.dialogs = new Dialogs(stage);
        this.pages = explorer.pages(dialogs, this::showPage);
        explorer.themeProperty().get().apply();
        LaunchTiming.mark("theme applied");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = size != null ? size.getWidth() : defaultSize(DEFAULT_WIDTH, screen.getWidth());
        double height = size != null ? size.getHeight() : defaultSize(DEFAULT_HEIGHT, screen.getHeight());
        scene = new Scene(buildRoot(), width, height);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        LaunchTiming.mark("scene made");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        // JavaFX 21 on Linux under some window managers (openbox) opens a window at its minimum
        // size whatever its scene asks for (JDK-8316423, fixed in 22): ask again once shown
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
            // placed at the small size, the window may now stick out of the screen: once the
            // window system reports the new size, move it in
            keepOnScreen(stage.widthProperty(), () -> stage.setX(inside(stage.getX(), stage.getWidth(),
                    screen.getMinX(), screen.getMaxX())), width);
            keepOnScreen(stage.heightProperty(), () -> stage.setY(inside(stage.getY(), stage.getHeight(),
                    screen.getMinY(), screen.getMaxY())), height);
            stage.sizeToScene();
        }));
        updateTitle();
        explorer.i18n().localeProperty().addListener((obs, o, n) -> rebuild());
        explorer.themeProperty().addListener((obs, o, n) -> {
            n.apply();
            applyThemeClass(scene.getRoot());
        });
    }

    /**
     * The default size on a screen of that many pixels: never larger than the screen (a window
     * wider than a laptop's screen opened half off it), less room for decorations when there is
     * room to spare.
     */
    static double defaultSize(double wanted, double screen) {
        return Math.min(wanted, screen - DECORATION >= 600 ? screen - DECORATION : screen);
    }

    /** Runs {@code move} once the size has grown to {@code wanted} (at once if it has). */
    private static void keepOnScreen(ReadOnlyDoubleProperty size, Runnable move, double wanted) {
        if (size.get() >= wanted) {
            move.run();
            return;
        }
        size.addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (size.get() >= wanted) {
                    size.removeListener(this);
                    move.run();
                }
            }
        });
    }

    /** The start of a span of that length moved inside [min, max] (to min if it is longer). */
    private static double inside(double start, double length, double min, double max) {
        return Math.max(min, Math.min(start, max - length));
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    /** The owner of this window's dialogs and choosers. */
    public Dialogs dialogs() {
        return dialogs;
    }

    /** The page now in the centre. */
    public Page currentPage() {
        return controller.currentPage();
    }

    public String currentPageId() {
        return currentPageId;
    }

    /** Shows the page with that id (as a click on its sidebar entry does). */
    public void showPage(String id) {
        controller.showPage(id);
    }

    /** Builds and shows the page the window was made without (see the constructor). */
    void showFirstPage() {
        if (firstPageLater) {
            firstPageLater = false;
            controller.showPage(currentPageId);
            LaunchTiming.mark("first page built");
        }
    }

    void pageChanged(String id) {
        currentPageId = id;
    }

    public void setLocale(Locale locale) {
        explorer.i18n().setLocale(locale);
    }

    public void setTheme(Theme theme) {
        explorer.themeProperty().set(theme);
    }

    private Parent buildRoot() {
        MainController next = new MainController(this, explorer.i18n(), explorer.status(), explorer.themeProperty(),
                explorer.modelActions(dialogs), explorer.background(), pages);
        Parent root = Fxml.load(MainWindow.class, "main.fxml", explorer.i18n(), next);
        LaunchTiming.mark("main.fxml loaded");
        if (controller != null) {
            controller.dispose();
        }
        controller = next;
        if (firstPageLater) {
            controller.selectPage(currentPageId);
        } else {
            controller.showPage(currentPageId);
            LaunchTiming.mark("first page built");
        }
        applyThemeClass(root);
        return root;
    }

    private void rebuild() {
        firstPageLater = false;
        scene.setRoot(buildRoot());
        updateTitle();
    }

    private void applyThemeClass(Parent root) {
        root.getStyleClass().remove("dark");
        if (explorer.themeProperty().get().isDark()) {
            root.getStyleClass().add("dark");
        }
        boolean japanese = explorer.i18n().isJapanese();
        if (japanese) {
            if (!root.getStyleClass().contains("ja")) {
                root.getStyleClass().add("ja");
            }
        } else {
            root.getStyleClass().remove("ja");
        }
        Fonts.apply(root, japanese);
    }

    private void updateTitle() {
        stage.setTitle(explorer.i18n().text("app.windowTitle"));
    }

    /** Arrows, Space and Home step the lesson unless the learner is typing. */
    private void shortcut(KeyEvent event) {
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        if (scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        switch (event.getCode()) {
            case RIGHT, LEFT, SPACE, HOME -> {
                if (controller.currentPage() != null && controller.currentPage().handleKey(event)) {
                    event.consume();
                }
            }
            default -> {
            }
        }
    }
}
