package com.backpropexplorer.ui;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.ui.pages.AppContext;
import com.backpropexplorer.ui.pages.Page;
import com.backpropexplorer.ui.pages.PageSpec;
import com.backpropexplorer.ui.train.ModelActions;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Controller of main.fxml: menus, the sidebar of pages, the status line. */
final class MainController {
    private final MainWindow window;
    private final AppContext ctx;
    private final I18n i18n;
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

    MainController(MainWindow window, AppContext ctx, List<PageSpec> specs) {
        this.window = window;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
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
            ToggleButton button = new ToggleButton(i18n.text(spec.titleKey()));
            button.setId("nav-" + spec.id());
            button.getStyleClass().add("nav-item");
            button.setToggleGroup(navGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setFocusTraversable(false);
            button.setOnAction(e -> showPage(spec.id()));
            navButtons.put(spec.id(), button);
            navigation.getChildren().add(button);
        }
        ctx.setNavigator(this::showPage);
        statusText.textProperty().bind(ctx.statusProperty());
        statusRight.textProperty().bind(ctx.statusRightProperty());
        lightItem.setSelected(!ctx.themeProperty().get().isDark());
        darkItem.setSelected(ctx.themeProperty().get().isDark());
        englishItem.setSelected(!i18n.isJapanese());
        japaneseItem.setSelected(i18n.isJapanese());
    }

    Page currentPage() {
        return current;
    }

    void showPage(String id) {
        PageSpec spec = specs.stream().filter(s -> s.id().equals(id)).findFirst().orElse(specs.get(0));
        if (current != null) {
            current.hidden();
        }
        current = spec.factory().apply(ctx);
        pageHost.getChildren().setAll(current.view());
        ToggleButton button = navButtons.get(spec.id());
        if (button != null) {
            button.setSelected(true);
        }
        window.pageChanged(spec.id());
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
        ModelActions.openWithChooser(ctx);
    }

    @FXML
    private void saveModel() {
        ModelActions.saveWithChooser(ctx);
    }

    @FXML
    private void exportPng() {
        Node view = current == null ? null : current.exportable();
        if (view == null) {
            ctx.statusProperty().set(i18n.text("export.nothing"));
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
        PngExport.write(view, target, ctx.background(),
                () -> ctx.statusProperty().set(i18n.text("export.done", written)),
                error -> ctx.statusProperty().set(i18n.text("export.failed", written,
                        DataException.describe(error, i18n.locale()))));
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
        Alert alert = dialog(i18n.text("about.title"), i18n.text("app.title"),
                i18n.text("about.text", LaunchTiming.shownMillis()));
        alert.show();
    }

    private Alert dialog(String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(window.stage());
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(520);
        body.getStyleClass().add("dialog-text");
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().getStylesheets().addAll(window.scene().getStylesheets());
        return alert;
    }
}
