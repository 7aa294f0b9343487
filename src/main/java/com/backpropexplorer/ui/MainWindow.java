package com.backpropexplorer.ui;

import com.backpropexplorer.ui.pages.AppContext;
import com.backpropexplorer.ui.pages.Page;
import com.backpropexplorer.ui.pages.PageCatalog;
import com.backpropexplorer.ui.pages.PageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window: one Scene whose root is (re)built from main.fxml. Switching language or
 * theme rebuilds the root with the new bundle; what the learner did survives because it lives
 * in the {@link AppContext} (lesson view-models), not in the nodes.
 */
public final class MainWindow {
    public static final double MIN_WIDTH = 1280;
    public static final double MIN_HEIGHT = 800;
    private static final String STYLESHEET = "/com/backpropexplorer/ui/app.css";

    private final Stage stage;
    private final AppContext ctx;
    private final List<PageSpec> pages;
    private final Scene scene;
    private MainController controller;
    private String currentPageId = PageCatalog.FIRST_PAGE;

    public MainWindow(Stage stage, AppContext ctx) {
        this(stage, ctx, PageCatalog.standard());
    }

    public MainWindow(Stage stage, AppContext ctx, List<PageSpec> pages) {
        this(stage, ctx, pages, null);
    }

    /**
     * @param size the scene's size, or null for the default (1280×800 or more where the screen
     *     allows it)
     */
    public MainWindow(Stage stage, AppContext ctx, List<PageSpec> pages, javafx.geometry.Dimension2D size) {
        this.stage = stage;
        this.ctx = ctx;
        this.pages = List.copyOf(pages);
        ctx.setWindow(stage);
        ctx.themeProperty().get().apply();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // the minimum legible size, or more where the screen allows it
        double width = size != null ? size.getWidth() : Math.max(MIN_WIDTH, Math.min(1440, screen.getWidth() - 40));
        double height = size != null ? size.getHeight()
                : Math.max(MIN_HEIGHT, Math.min(900, screen.getHeight() - 40));
        scene = new Scene(buildRoot(), width, height);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        updateTitle();
        ctx.i18n().localeProperty().addListener((obs, o, n) -> rebuild());
        ctx.themeProperty().addListener((obs, o, n) -> {
            n.apply();
            applyThemeClass(scene.getRoot());
        });
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public AppContext context() {
        return ctx;
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

    void pageChanged(String id) {
        currentPageId = id;
    }

    public void setLocale(Locale locale) {
        ctx.i18n().setLocale(locale);
    }

    public void setTheme(Theme theme) {
        ctx.themeProperty().set(theme);
    }

    private Parent buildRoot() {
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("/com/backpropexplorer/ui/main.fxml"),
                ctx.i18n().bundle());
        MainController next = new MainController(this, ctx, pages);
        loader.setController(next);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("main.fxml could not be loaded", e);
        }
        if (controller != null) {
            controller.dispose();
        }
        controller = next;
        controller.showPage(currentPageId);
        applyThemeClass(root);
        return root;
    }

    private void rebuild() {
        scene.setRoot(buildRoot());
        updateTitle();
    }

    private void applyThemeClass(Parent root) {
        root.getStyleClass().remove("dark");
        if (ctx.themeProperty().get().isDark()) {
            root.getStyleClass().add("dark");
        }
        if (ctx.i18n().isJapanese()) {
            if (!root.getStyleClass().contains("ja")) {
                root.getStyleClass().add("ja");
            }
        } else {
            root.getStyleClass().remove("ja");
        }
        Fonts.apply(root, ctx.i18n().isJapanese());
    }

    private void updateTitle() {
        stage.setTitle(ctx.i18n().text("app.windowTitle"));
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
