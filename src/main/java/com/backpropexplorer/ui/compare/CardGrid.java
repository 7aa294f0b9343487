package com.backpropexplorer.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The comparison's cards: two a row where the tab is wide enough for two charts side by side
 * ({@value #TWO_COLUMNS_FROM} px), else one a row, so a laptop's narrow tab never scrolls
 * sideways; a wide card (the histograms, a panel per configuration) always has a row of its own.
 * The cards of a row share its height; each card is as high as it asks for at its width.
 */
public final class CardGrid extends Pane {
    static final double TWO_COLUMNS_FROM = 640;
    private static final String WIDE = "card-grid-wide";
    private final double gap;

    public CardGrid(double gap) {
        this.gap = gap;
    }

    /** Gives {@code card} a row of its own. */
    public static void setWide(Node card) {
        card.getProperties().put(WIDE, Boolean.TRUE);
    }

    private static boolean wide(Node card) {
        return Boolean.TRUE.equals(card.getProperties().get(WIDE));
    }

    /** One or two, for a grid {@code width} wide (insets included). */
    int columns(double width) {
        return width - snappedLeftInset() - snappedRightInset() >= TWO_COLUMNS_FROM ? 2 : 1;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node child : getManagedChildren()) {
            widest = Math.max(widest, child.minWidth(-1));
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double widest = 0;
        for (Node child : getManagedChildren()) {
            widest = Math.max(widest, child.prefWidth(-1));
        }
        return snappedLeftInset() + Math.max(TWO_COLUMNS_FROM, 2 * widest + gap) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return arrange(width > 0 ? width : prefWidth(-1), false);
    }

    @Override
    protected void layoutChildren() {
        arrange(getWidth(), true);
    }

    /** Lays the cards out in rows (or only measures them); returns the height they take. */
    private double arrange(double width, boolean place) {
        double inner = Math.max(0, width - snappedLeftInset() - snappedRightInset());
        int columns = columns(width);
        double column = columns == 1 ? inner : (inner - gap) / 2;
        List<List<Node>> rows = new ArrayList<>();
        List<Node> row = new ArrayList<>();
        for (Node child : getManagedChildren()) {
            if (columns == 1 || wide(child)) {
                if (!row.isEmpty()) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
                rows.add(List.of(child));
                continue;
            }
            row.add(child);
            if (row.size() == columns) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        double y = snappedTopInset();
        for (List<Node> cards : rows) {
            double w = cards.size() == 1 && (columns == 1 || wide(cards.get(0))) ? inner : column;
            double h = 0;
            for (Node card : cards) {
                h = Math.max(h, Math.max(card.minHeight(w), card.prefHeight(w)));
            }
            if (place) {
                double x = snappedLeftInset();
                for (Node card : cards) {
                    card.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(w), snapSizeY(h));
                    x += w + gap;
                }
            }
            y += h + gap;
        }
        return (rows.isEmpty() ? y : y - gap) + snappedBottomInset();
    }
}
