package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.ui.weights.LossCurveChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The colours Java paints with come from the CSS: the helper reads what a scene's stylesheet
 * says (and again when it says something else), and every looked-up colour the code names is
 * defined in app.css for both themes, with the values the pictures were made with.
 */
@ExtendWith(ApplicationExtension.class)
class LookedUpColorsTest {
    private static final String APP_CSS = LookedUpColorsTest.class.getResource("app.css").toExternalForm();

    @Start
    void start(Stage stage) {
        // no window needed: the scenes below are never shown
    }

    private static String sheet(Path dir, String name, String css) throws IOException {
        return Files.writeString(dir.resolve(name), css).toUri().toString();
    }

    @Test
    void theHelperReadsTheScenesStylesheetAndFollowsItsChanges(FxRobot robot, @TempDir Path dir) throws Exception {
        String first = sheet(dir, "first.css", ".root { -test-a: #123456; -test-b: rgba(10, 20, 30, 0.5); }"
                + " .root.dark { -test-a: #abcdef; }");
        String second = sheet(dir, "second.css", ".root { -test-a: #fedcba; -test-b: #000000; }");
        robot.interact(() -> {
            LookedUpColors colours = new LookedUpColors("-test-a", "-test-b");
            AtomicInteger changes = new AtomicInteger();
            colours.onChange(changes::incrementAndGet);
            assertEquals(Color.TRANSPARENT, colours.get("-test-a"), "nothing before CSS has reached the probe");
            StackPane root = new StackPane(colours.probe());
            Scene scene = new Scene(root);
            scene.getStylesheets().add(first);
            root.applyCss();
            assertEquals(Color.web("#123456"), colours.get("-test-a"));
            assertEquals(Color.rgb(10, 20, 30, 0.5), colours.get("-test-b"));
            int before = changes.get();
            assertTrue(before >= 1, "the owner is told to draw with them");

            root.getStyleClass().add("dark");
            root.applyCss();
            assertEquals(Color.web("#abcdef"), colours.get("-test-a"), "the dark theme's value");
            assertEquals(before + 1, changes.get());

            scene.getStylesheets().setAll(second);
            root.applyCss();
            assertEquals(Color.web("#fedcba"), colours.get("-test-a"), "a new stylesheet's value");
            assertEquals(Color.BLACK, colours.get("-test-b"));
            assertEquals(before + 2, changes.get());
        });
    }

    @Test
    void aChartDrawsAgainWhenTheThemeChangesItsColours(FxRobot robot) {
        robot.interact(() -> {
            LossCurveChart chart = new LossCurveChart();
            StackPane root = new StackPane(chart);
            Scene scene = new Scene(root, 300, 200);
            scene.getStylesheets().add(APP_CSS);
            root.applyCss();
            root.layout();
            int drawn = chart.redraws();
            assertTrue(drawn >= 1, "drawn once it has a size: " + drawn);
            root.applyCss();
            root.layout();
            assertEquals(drawn, chart.redraws(), "CSS that changes nothing draws nothing");
            root.getStyleClass().add("dark");
            root.applyCss();
            assertTrue(chart.redraws() > drawn, "the dark theme's colours are drawn");
        });
    }

    /** Every "-bpe-…" string literal of the production code: the looked-up colours it asks for. */
    private static List<String> namesTheCodeAsksFor() throws IOException {
        Pattern literal = Pattern.compile("\"(-bpe-[a-z0-9-]+)\"");
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return new ArrayList<>(names);
    }

    @Test
    void everyColourTheCodeAsksForIsDefinedInBothThemesAsThePicturesWereMade(FxRobot robot) throws IOException {
        List<String> names = namesTheCodeAsksFor();
        assertTrue(names.size() > 30 && names.contains("-bpe-forward") && names.contains("-bpe-series-7"),
                names.toString());
        // what the colours were when Java held them (README pictures): light, dark, and the
        // weights panel's charts, which have their own greys
        Map<String, String[]> before = Map.ofEntries(
                Map.entry("-bpe-forward", new String[] {"#1f6feb", "#4493f8"}),
                Map.entry("-bpe-backward", new String[] {"#e8590c", "#f0883e"}),
                Map.entry("-bpe-heat-forward", new String[] {"#1f6feb", "#1f6feb"}),
                Map.entry("-bpe-chart-text", new String[] {"#424a53", "#c9d1d9"}),
                Map.entry("-bpe-chart-grid", new String[] {"#d8dee4", "#30363d"}),
                Map.entry("-bpe-chart-second", new String[] {"#8250df", "#a371f7"}),
                Map.entry("-bpe-chart-point-ring", new String[] {"#ffffff", "#0d1117"}),
                Map.entry("-bpe-series-0", new String[] {"#1f77b4", "#1f77b4"}),
                Map.entry("-bpe-error-middle", new String[] {"#d4a72c", "#d4a72c"}),
                Map.entry("-bpe-paper", new String[] {"#ffffff", "#0d1117"}),
                Map.entry("-bpe-ink", new String[] {"#1f2328", "#e6edf3"}));
        Map<String, String[]> weightsChart = Map.of(
                "-bpe-chart-text", new String[] {"#6e7781", "#8b949e"},
                "-bpe-chart-grid", new String[] {"#d0d7de", "#30363d"});
        String previous = Application.getUserAgentStylesheet();
        try {
            for (Theme theme : Theme.values()) {
                int which = theme.isDark() ? 1 : 0;
                List<String> undefined = new ArrayList<>();
                robot.interact(() -> {
                    theme.apply();
                    StackPane weights = new StackPane();
                    weights.getStyleClass().add("weights-chart");
                    StackPane root = new StackPane(weights);
                    if (theme.isDark()) {
                        root.getStyleClass().add("dark");
                    }
                    List<LookedUpColors> probes = new ArrayList<>();
                    for (String name : names) {
                        LookedUpColors one = new LookedUpColors(name);
                        probes.add(one);
                        root.getChildren().add(one.probe());
                    }
                    LookedUpColors inWeights = new LookedUpColors("-bpe-chart-text", "-bpe-chart-grid");
                    weights.getChildren().add(inWeights.probe());
                    Scene scene = new Scene(root);
                    scene.getStylesheets().add(APP_CSS);
                    root.applyCss();
                    for (int i = 0; i < names.size(); i++) {
                        if (probes.get(i).probe().getBackground() == null) {
                            undefined.add(names.get(i));
                        }
                        String[] was = before.get(names.get(i));
                        if (was != null) {
                            assertEquals(Color.web(was[which]), probes.get(i).get(names.get(i)),
                                    names.get(i) + " in " + theme);
                        }
                    }
                    weightsChart.forEach((name, was) -> assertEquals(Color.web(was[which]), inWeights.get(name),
                            name + " of the weights panel's charts in " + theme));
                    assertEquals(Color.web("#6e7781"), LookedUpColors.app("-bpe-heat-negative"));
                    assertEquals(Color.web(before.get("-bpe-paper")[which]), LookedUpColors.app("-bpe-paper",
                            theme.isDark()), "the paper, as a picture painted outside any scene sees it");
                });
                assertEquals(List.of(), undefined, "looked-up colours missing from app.css in " + theme);
            }
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(previous));
        }
    }
}
