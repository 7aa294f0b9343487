package com.backpropexplorer.ui.app;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.PngExport;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.shell.Page;
import com.backpropexplorer.ui.shell.StatusLine;
import com.backpropexplorer.ui.train.ModelActions;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Controller of main.fxml: menus, the sidebar of pages, the status line. */
final class MainController {
    private final MainWindow window;
    private final I18n i18n;
    private final StatusLine status;
    private final ObservableValue<Theme> theme;
    private final ModelActions modelActions;
    private final Executor background;
    private final List<PageSpec> specs;
    private final Map<String, ToggleButton> navButtons = new LinkedHashMap<>();
    private final ToggleGroup navGroup = new ToggleGroup();
    private Page current;

    @FXML private VBox navigation;
    @FXML private StackPane pageHost;
    @FXML private Label statusText;
    @FXML private Label statusRight;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private RadioMenuItem englishItem;
    @FXML private RadioMenuItem japaneseItem;

    MainController(MainWindow window, I18n i18n, StatusLine status, ObservableValue<Theme> theme,
                   ModelActions modelActions, Executor background, List<PageSpec> specs) {
        this.window = window;
        this.i18n = i18n;
        this.status = status;
        this.theme = theme;
        this.modelActions = modelActions;
        this.background = background;
        this.specs = specs;
    }

    @FXML
    private void initialize() {
        PageSpec.Section section = null;
        for (PageSpec spec : specs) {
            if (spec.section() != section) {
                section = spec.section();
                Label header = new Label(i18n.text(section.titleKey()));
                header.getStyleClass().add("nav-section");
                navigation.getChildren().add(header);
            }
            ToggleButton button = new ToggleButton(spec.title().apply(i18n));
            button.setId("nav-" + spec.id());
            button.getStyleClass().add("nav-item");
            button.setToggleGroup(navGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setWrapText(true); // "小さな TwoLayerNet" on two lines rather than cut
            button.setMinHeight(Region.USE_PREF_SIZE);
            button.setFocusTraversable(false);
            button.setOnAction(e -> showPage(spec.id()));
            navButtons.put(spec.id(), button);
            navigation.getChildren().add(button);
        }
        statusText.textProperty().bind(status.textProperty());
        statusRight.textProperty().bind(status.rightProperty());
        lightItem.setSelected(!theme.getValue().isDark());
        darkItem.setSelected(theme.getValue().isDark());
        englishItem.setSelected(!i18n.isJapanese());
        japaneseItem.setSelected(i18n.isJapanese());
    }

    Page currentPage() {
        return current;
    }

    /** Marks the page's sidebar entry as the current one without building the page yet. */
    void selectPage(String id) {
        ToggleButton button = navButtons.get(id);
        if (button != null) {
            button.setSelected(true);
        }
    }

    void showPage(String id) {
        PageSpec spec = specs.stream().filter(s -> s.id().equals(id)).findFirst().orElse(specs.get(0));
        if (current != null) {
            current.hidden();
        }
        current = spec.factory().get();
        pageHost.getChildren().setAll(current.view());
        ToggleButton button = navButtons.get(spec.id());
        if (button != null) {
            button.setSelected(true);
        }
        window.pageChanged(spec.id());
        // a page that says nothing must not leave the last page's sentence (in the language
        // before a switch: the gradient check's status line stayed English)
        String hint = "status.page." + spec.id();
        status.show(i18n.has(hint) ? i18n.text(hint) : "");
        current.shown();
    }

    void dispose() {
        if (current != null) {
            current.hidden();
        }
        statusText.textProperty().unbind();
        statusRight.textProperty().unbind();
    }

    // ------------------------------------------------------------ menu actions

    @FXML
    private void openModel() {
        modelActions.openWithChooser();
    }

    @FXML
    private void saveModel() {
        modelActions.saveWithChooser();
    }

    @FXML
    private void exportPng() {
        Node view = current == null ? null : current.exportable();
        if (view == null) {
            status.show(i18n.text("export.nothing"));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        chooser.setInitialFileName("backprop-graph-" + window.currentPageId() + ".png");
        File file = chooser.showSaveDialog(window.stage());
        if (file == null) {
            return;
        }
        Path target = file.toPath();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            target = target.resolveSibling(target.getFileName() + ".png");
        }
        Path written = target;
        PngExport.write(view, target, background,
                () -> status.show(i18n.text("export.done", written)),
                error -> status.show(i18n.text("export.failed", written,
                        i18n.describe(error))));
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    @FXML
    private void lightTheme() {
        window.setTheme(Theme.LIGHT);
    }

    @FXML
    private void darkTheme() {
        window.setTheme(Theme.DARK);
    }

    @FXML
    private void zoomIn() {
        if (current != null) {
            current.zoomBy(1.2);
        }
    }

    @FXML
    private void zoomOut() {
        if (current != null) {
            current.zoomBy(1 / 1.2);
        }
    }

    @FXML
    private void zoomReset() {
        if (current != null) {
            current.resetZoom();
        }
    }

    @FXML
    private void english() {
        window.setLocale(Locale.ENGLISH);
    }

    @FXML
    private void japanese() {
        window.setLocale(Locale.JAPANESE);
    }

    @FXML
    private void why() {
        Alert alert = dialog(i18n.text("why.title"), i18n.text("why.header"), i18n.text("why.text"));
        alert.getDialogPane().setId("why-dialog");
        alert.show();
    }

    @FXML
    private void about() {
        Alert alert = dialog(i18n.text("about.title"), i18n.text("app.title"), i18n.text("about.text"));
        alert.getDialogPane().setId("about-dialog");
        alert.show();
    }

    private Alert dialog(String title, String header, String text) {
        return window.dialogs().alert(Alert.AlertType.INFORMATION, title, header, text);
    }
}
