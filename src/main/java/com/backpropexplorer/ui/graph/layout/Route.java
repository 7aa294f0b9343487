package com.backpropexplorer.ui.graph.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an edge went: its centre line from the source's side to the target's (level runs and
 * short turns), the boxes above, below and on it (null where it has none), and the two arrows
 * drawn either side of the centre line.
 */
public record Route(String from, String to, List<Point> path, Rect above, Rect below, Rect middle,
                    double arrowGap) {

    public Route {
        path = List.copyOf(path);
    }

    /** The forward arrow: the centre line moved up by the arrow gap, from source to target. */
    public List<Point> forward() {
        return offset(path, -arrowGap);
    }

    /** The backward arrow: the centre line moved down by the arrow gap, from target to source. */
    public List<Point> backward() {
        List<Point> reversed = new ArrayList<>(offset(path, arrowGap));
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The labels there are (above and below). */
    public List<Rect> labels() {
        List<Rect> labels = new ArrayList<>();
        if (above != null) {
            labels.add(above);
        }
        if (below != null) {
            labels.add(below);
        }
        return labels;
    }

    /** Every box the edge carries. */
    public List<Rect> rects() {
        List<Rect> all = labels();
        if (middle != null) {
            all.add(middle);
        }
        return all;
    }

    /** Whether the two centre lines cross (touching at a shared end does not count). */
    public boolean crosses(Route other) {
        for (int i = 0; i + 1 < path.size(); i++) {
            for (int j = 0; j + 1 < other.path.size(); j++) {
                if (properlyCross(path.get(i), path.get(i + 1), other.path.get(j), other.path.get(j + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    Route moved(double dx, double dy) {
        return new Route(from, to, path.stream().map(p -> p.moved(dx, dy)).toList(),
                above == null ? null : above.moved(dx, dy), below == null ? null : below.moved(dx, dy),
                middle == null ? null : middle.moved(dx, dy), arrowGap);
    }

    /** A polyline moved sideways by {@code d} (up for a rightward line when d < 0), keeping its corners. */
    static List<Point> offset(List<Point> line, double d) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            double[] before = i > 0 ? normal(line.get(i - 1), line.get(i)) : null;
            double[] after = i + 1 < line.size() ? normal(line.get(i), line.get(i + 1)) : null;
            double nx;
            double ny;
            if (before == null || after == null) {
                double[] n = before == null ? after : before;
                nx = n[0];
                ny = n[1];
            } else {
                // the mitre: along the mean normal, long enough to keep both segments d away
                double mx = before[0] + after[0];
                double my = before[1] + after[1];
                double len = Math.hypot(mx, my);
                double cos = len / 2;
                nx = mx / len / Math.max(cos, 0.2);
                ny = my / len / Math.max(cos, 0.2);
            }
            out.add(new Point(line.get(i).x() + nx * d, line.get(i).y() + ny * d));
        }
        return out;
    }

    /** The unit normal of a segment, pointing down for a segment going right (screen y grows down). */
    private static double[] normal(Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len = Math.hypot(dx, dy);
        return len == 0 ? new double[] {0, 1} : new double[] {-dy / len, dx / len};
    }

    private static boolean properlyCross(Point a, Point b, Point c, Point d) {
        double d1 = cross(c, d, a);
        double d2 = cross(c, d, b);
        double d3 = cross(a, b, c);
        double d4 = cross(a, b, d);
        return ((d1 > 1e-9 && d2 < -1e-9) || (d1 < -1e-9 && d2 > 1e-9))
                && ((d3 > 1e-9 && d4 < -1e-9) || (d3 < -1e-9 && d4 > 1e-9));
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }
}
