package com.backpropexplorer.ui.app;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * Picks a font family that has Japanese glyphs when one is installed (Noto Sans CJK, IPA,
 * Yu Gothic, Hiragino…), so 日本語 does not fall back glyph by glyph to whatever the system
 * finds. Without one the theme's default font is kept: the app never depends on a CJK font.
 */
final class Fonts {
    private static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic",
            "IPAGothic", "Yu Gothic UI", "Yu Gothic", "Meiryo", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
            "Source Han Sans JP", "TakaoPGothic", "VL PGothic");
    private static volatile String cjkFamily;
    private static volatile boolean searched;

    private Fonts() {
    }

    /** The first installed CJK-capable family, or null. */
    static String cjkFamily() {
        if (!searched) {
            List<String> installed = Font.getFamilies();
            cjkFamily = CJK_FAMILIES.stream().filter(installed::contains).findFirst().orElse(null);
            searched = true;
        }
        return cjkFamily;
    }

    /** Sets the root's font family (inherited by every control) in Japanese. */
    static void apply(Parent root, boolean japanese) {
        String family = japanese ? cjkFamily() : null;
        root.setStyle(family == null ? "" : "-fx-font-family: \"" + family + "\";");
    }
}
