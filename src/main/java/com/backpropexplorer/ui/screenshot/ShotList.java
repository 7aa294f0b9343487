package com.backpropexplorer.ui.screenshot;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which pictures the screenshot command makes. */
public final class ShotList {
    private ShotList() {
    }

    /** The pictures for the README: each lesson, a few stages, both languages, light and dark. */
    public static List<Shot> readme() {
        Locale en = Locale.ENGLISH;
        Locale ja = Locale.JAPANESE;
        return List.of(
                new Shot(en, Theme.LIGHT, Example.TINY, 2, "Relu1", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 6, "Affine2", false),
                new Shot(ja, Theme.LIGHT, Example.TINY, 2, "Relu1", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 9, "SGD", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 8, "Affine1", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 0, "SoftmaxWithLoss", true),
                new Shot(en, Theme.LIGHT, Example.SIMPLE, 4, "MatMul", false),
                new Shot(en, Theme.LIGHT, Example.MNIST, 6, "Affine2", false),
                new Shot(ja, Theme.LIGHT, Example.TINY, 5, "SoftmaxWithLoss", false),
                new Shot(ja, Theme.LIGHT, Example.TINY, 0, "SoftmaxWithLoss", true),
                new Shot(en, Theme.DARK, Example.TINY, 6, "Affine2", false),
                new Shot(ja, Theme.DARK, Example.MNIST, 8, "Affine1", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 8, "Affine1", false, Shot.Extra.WEIGHTS),
                new Shot(ja, Theme.LIGHT, Example.TINY, 8, "Affine2", false, Shot.Extra.WEIGHTS),
                new Shot(en, Theme.LIGHT, Example.SIMPLE, 4, "MatMul", false, Shot.Extra.WEIGHTS),
                new Shot(en, Theme.DARK, Example.MNIST, 8, "Affine1", false, Shot.Extra.WEIGHTS),
                new Shot(en, Theme.LIGHT, Example.TINY, 0, null, false, Shot.Extra.GRADCHECK),
                new Shot(en, Theme.LIGHT, Example.MNIST, 0, null, false, Shot.Extra.GRADCHECK),
                new Shot(ja, Theme.LIGHT, Example.MNIST, 0, null, false, Shot.Extra.GRADCHECK),
                new Shot(en, Theme.LIGHT, Example.BUY_APPLE_ORANGE, 8, "mul_apple_layer", false),
                new Shot(ja, Theme.LIGHT, Example.BUY_APPLE, 4, "mul_apple_layer", false),
                new Shot(en, Theme.LIGHT, Example.SIGMOID, 8, "exp", false),
                new Shot(en, Theme.LIGHT, Example.CH4, 0, null, false, Shot.Extra.NUMGRAD),
                new Shot(en, Theme.LIGHT, Example.MNIST, 0, null, false, Shot.Extra.BUGLAB),
                new Shot(ja, Theme.LIGHT, Example.MNIST, 0, null, false, Shot.Extra.BUGLAB));
    }

    /** The digit canvas for the README: English light, Japanese dark. */
    public static List<DrawShot> draw() {
        return List.of(new DrawShot(Locale.ENGLISH, Theme.LIGHT), new DrawShot(Locale.JAPANESE, Theme.DARK));
    }

    /** Every stage of every lesson, English and Japanese, plus the refusal (for review). */
    public static List<Shot> everyStage() {
        List<Shot> shots = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            for (Example lesson : Example.values()) {
                int stages = switch (lesson) {
                    case BUY_APPLE -> 4;
                    case SIMPLE -> 5; // forward, backward, the update
                    case TINY, MNIST, CH4 -> 9;
                    default -> 8;
                };
                for (int p = 0; p <= stages; p++) {
                    shots.add(new Shot(locale, Theme.LIGHT, lesson, p, null, false));
                }
                shots.add(new Shot(locale, Theme.LIGHT, lesson, 0, null, true));
            }
        }
        return shots;
    }
}
