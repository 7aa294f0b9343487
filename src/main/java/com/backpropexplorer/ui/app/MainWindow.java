package com.backpropexplorer.ui.app;

import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Dimension2D;
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
 * in the view-models the {@link Explorer} holds, not in the nodes.
 */
public final class MainWindow {
    public static final double MIN_WIDTH = 1280;
    public static final double MIN_HEIGHT = 800;
    private static final String STYLESHEET = "/com/backpropexplorer/ui/app.css";

    private final Stage stage;
    private final Explorer explorer;
    private final Dialogs dialogs;
    private final List<PageSpec> pages;
    private final Scene scene;
    private MainController controller;
    private String currentPageId = Explorer.FIRST_PAGE;

    /** The window at its default size: 1280×800, or more where the screen allows it. */
    public MainWindow(Stage stage, Explorer explorer) {
        this(stage, explorer, null);
    }

    /** @param size the scene's size, or null for the default */
    public MainWindow(Stage stage, Explorer explorer, Dimension2D size) {
        this.stage = stage;
        this.explorer = explorer;
        this.dialogs = new Dialogs(stage);
        this.pages = explorer.pages(dialogs, this::showPage);
        explorer.themeProperty().get().apply();
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
        explorer.i18n().localeProperty().addListener((obs, o, n) -> rebuild());
        explorer.themeProperty().addListener((obs, o, n) -> {
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
