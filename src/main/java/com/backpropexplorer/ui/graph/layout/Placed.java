package com.backpropexplorer.ui.graph.layout;

import java.util.ArrayList;
import java.util.List;

/** Where a node went: its box, and its cards above and below (null where it has none). */
public record Placed(Rect box, Rect above, Rect below) {

    /** The box and the cards there are. */
    public List<Rect> rects() {
        List<Rect> all = new ArrayList<>(List.of(box));
        if (above != null) {
            all.add(above);
        }
        if (below != null) {
            all.add(below);
        }
        return all;
    }

    Placed moved(double dx, double dy) {
        return new Placed(box.moved(dx, dy), above == null ? null : above.moved(dx, dy),
                below == null ? null : below.moved(dx, dy));
    }
}
