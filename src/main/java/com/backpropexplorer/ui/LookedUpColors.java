package com.backpropexplorer.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Colours that Java code paints with (canvases, pictures drawn pixel by pixel), read by name
 * from the CSS, where every other colour of the app lives: looked-up colours such as
 * {@code -bpe-forward}, defined in app.css for the light theme and again under {@code .dark}.
 *
 * <p>JavaFX has no public call that resolves a looked-up colour, so a probe does it: a hidden,
 * unmanaged Region whose inline style is {@code -fx-background-color: -a, -b, …}. Put
 * {@link #probe()} among the children of the node whose look decides: CSS resolves the names
 * there in its ordinary pass before layout (no work of its own, nothing before the first frame),
 * and again when the theme or a stylesheet changes, when {@link #onChange} tells the owner to
 * draw again. Until CSS has reached the probe, or where a name is not defined, a colour is
 * transparent. {@link #app} resolves names for pictures painted before their node is in a scene.
 */
public final class LookedUpColors {
    /** The app's stylesheet (JavaFX reads its binary twin, app.bss, where there is one). */
    private static final URL APP_STYLESHEET = LookedUpColors.class.getResource("app.css");
    /** The colours {@link #app} resolved, light and dark, and for which theme stylesheet. */
    private static final Map<Boolean, Map<String, Color>> APP_COLOURS = new HashMap<>();
    private static String appColoursFor;

    private final List<String> names;
    private final Region probe = new Region();
    private final Map<String, Color> resolved = new HashMap<>();
    private final List<Runnable> redraws = new ArrayList<>();
    private Background last;

    /** @param names looked-up colours, e.g. "-bpe-forward" */
    public LookedUpColors(String... names) {
        this.names = List.of(names);
        probe.setManaged(false);
        probe.setVisible(false);
        probe.getStyleClass().add("looked-up-colors");
        probe.setStyle("-fx-background-color: " + String.join(", ", names) + ";");
        // CSS that restyles the probe may reset the background before it sets it again: only
        // another set of colours counts
        probe.backgroundProperty().addListener((obs, o, n) -> {
            if (n != null && !n.equals(last)) {
                last = n;
                read(n);
                redraws.forEach(Runnable::run);
            }
        });
    }

    /** The hidden node that resolves the names: a child of the node whose look decides. */
    public Region probe() {
        return probe;
    }

    /** Runs {@code redraw} whenever CSS resolves the names to other colours (a new theme, a new stylesheet). */
    public void onChange(Runnable redraw) {
        redraws.add(redraw);
    }

    /** The colour the CSS gives {@code name} where the probe is; transparent until CSS has reached it. */
    public Color get(String name) {
        Color c = resolved.get(name);
        if (c == null && !names.contains(name)) {
            throw new IllegalArgumentException(name + " is not one of " + names);
        }
        return c == null ? Color.TRANSPARENT : c;
    }

    private void read(Background background) {
        resolved.clear();
        List<BackgroundFill> fills = background.getFills();
        if (fills.size() != names.size()) {
            return;
        }
        for (int i = 0; i < fills.size(); i++) {
            Paint paint = fills.get(i).getFill();
            if (paint instanceof Color c) {
                resolved.put(names.get(i), c);
            }
        }
    }

    /**
     * The colour app.css gives {@code name} at its root in the light theme, for pictures whose
     * colours are the same in both themes and which are painted before their node is in a scene
     * (the heatmaps).
     */
    public static Color app(String name) {
        return app(name, false);
    }

    /**
     * The colour app.css gives {@code name} at its root in the light or the dark theme, for
     * pictures painted before their node is in a scene. All the names asked for so far are
     * resolved together, in a small scene of their own, when a new one is asked for or the
     * theme's stylesheet has changed; not before (nothing of this runs before the first frame
     * unless a picture needs it). FX thread.
     */
    public static Color app(String name, boolean dark) {
        String theme = Application.getUserAgentStylesheet();
        if (!Objects.equals(theme, appColoursFor)) {
            APP_COLOURS.clear();
            appColoursFor = theme;
        }
        Map<String, Color> known = APP_COLOURS.getOrDefault(dark, Map.of());
        if (!known.containsKey(name)) {
            Map<String, Color> wanted = new HashMap<>(known);
            wanted.put(name, Color.TRANSPARENT);
            LookedUpColors colours = new LookedUpColors(wanted.keySet().toArray(String[]::new));
            StackPane root = new StackPane(colours.probe());
            if (dark) {
                root.getStyleClass().add("dark");
            }
            Scene scene = new Scene(root);
            scene.getStylesheets().add(APP_STYLESHEET.toExternalForm());
            root.applyCss();
            wanted.replaceAll((each, none) -> colours.get(each));
            known = Map.copyOf(wanted);
            APP_COLOURS.put(dark, known);
        }
        return known.get(name);
    }
}
