package com.backpropexplorer.ui.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The layout of any DAG, without a toolkit: the book's chains stay on one level line, the
 * shopping graph is laid out as the book draws it (branches meeting at the AddLayer), and for
 * random DAGs nothing overlaps, every edge runs left to right, and the ordering removes the
 * crossings it can.
 */
class GraphLayoutTest {
    private static final GraphLayout LAYOUT = new GraphLayout(Spacing.standard());
    private static final Size TERMINAL = new Size(38, 38);
    private static final Size LABEL = new Size(90, 40);

    private static LayoutEdge labelled(String from, String to) {
        return new LayoutEdge(from, to, LABEL, LABEL, new Size(30, 14));
    }

    /** The tiny lesson as GraphView sends it: terminals, layers with their parameter and cache cards. */
    private static Graph twoLayerChain() {
        return new Graph(List.of(
                LayoutNode.of("x", TERMINAL),
                new LayoutNode("Affine1", new Size(70, 36), new Size(190, 80), new Size(100, 60)),
                new LayoutNode("Relu1", new Size(60, 36), Size.NONE, new Size(100, 60)),
                new LayoutNode("Affine2", new Size(70, 36), new Size(190, 80), new Size(100, 60)),
                new LayoutNode("SoftmaxWithLoss", new Size(130, 36), new Size(70, 50), new Size(100, 100)),
                LayoutNode.of("L", TERMINAL)),
                List.of(labelled("x", "Affine1"), labelled("Affine1", "Relu1"), labelled("Relu1", "Affine2"),
                        labelled("Affine2", "SoftmaxWithLoss"), labelled("SoftmaxWithLoss", "L")));
    }

    /**
     * §5.4's apples and oranges (figure 5-17): two products meet at the AddLayer, then the tax;
     * the nodes in the order the lesson lists them (each operation after what feeds it).
     */
    private static Graph shopping() {
        List<LayoutNode> nodes = new ArrayList<>();
        for (String id : List.of("apple", "apple_num", "mul_apple_layer", "orange", "orange_num", "mul_orange_layer",
                "add_apple_orange_layer", "tax", "mul_tax_layer", "price")) {
            nodes.add(LayoutNode.of(id, id.endsWith("_layer") ? new Size(44, 44) : new Size(70, 30)));
        }
        List<LayoutEdge> edges = List.of(
                labelled("apple", "mul_apple_layer"), labelled("apple_num", "mul_apple_layer"),
                labelled("orange", "mul_orange_layer"), labelled("orange_num", "mul_orange_layer"),
                labelled("mul_apple_layer", "add_apple_orange_layer"),
                labelled("mul_orange_layer", "add_apple_orange_layer"),
                labelled("add_apple_orange_layer", "mul_tax_layer"), labelled("tax", "mul_tax_layer"),
                labelled("mul_tax_layer", "price"));
        return new Graph(nodes, edges);
    }

    @Test
    void aChainOfLayersLiesOnOneLevelLineWithEveryLabelBetweenItsNodes() {
        Layout layout = LAYOUT.layout(twoLayerChain());
        List<String> order = List.of("x", "Affine1", "Relu1", "Affine2", "SoftmaxWithLoss", "L");
        double level = layout.node("x").box().centreY();
        for (int i = 0; i < order.size(); i++) {
            Rect box = layout.node(order.get(i)).box();
            assertEquals(level, box.centreY(), 1e-9, order.get(i) + " on the level line");
            if (i > 0) {
                assertTrue(layout.node(order.get(i - 1)).box().right() < box.left(), order.get(i) + " comes after");
            }
        }
        for (Route route : layout.edges()) {
            assertEquals(2, route.path().size(), route.from() + " → " + route.to() + " is one straight line");
            assertEquals(level, route.path().get(0).y(), 1e-9);
            Rect from = layout.node(route.from()).box();
            Rect to = layout.node(route.to()).box();
            assertTrue(route.above().bottom() < from.top() && route.below().top() > from.bottom(),
                    "the value above the edge, the gradient below it");
            assertEquals((from.right() + to.left()) / 2, route.above().centreX(), 1e-9, "centred between the nodes");
            assertEquals(route.path().get(0).y() - Spacing.standard().arrowGap(), route.forward().get(0).y(), 1e-9);
            assertEquals(route.path().get(0).y() + Spacing.standard().arrowGap(), route.backward().get(0).y(), 1e-9);
            assertTrue(route.backward().get(0).x() > route.backward().get(1).x(), "the gradient runs back");
        }
        // the parameter cards sit above their node, bottoms aligned; the caches below, tops aligned
        Placed a1 = layout.node("Affine1");
        Placed a2 = layout.node("Affine2");
        assertEquals(a1.above().bottom(), a2.above().bottom(), 1e-9);
        assertEquals(a1.box().centreX(), a1.above().centreX(), 1e-9);
        assertEquals(a1.below().top(), layout.node("Relu1").below().top(), 1e-9);
        assertNothingOverlaps(layout);
    }

    /**
     * Today's look, kept: neighbouring centres are as far apart as the largest of: the two node
     * boxes plus 54 px, the edge's label plus 14 px each side, the cards above side by side plus
     * 16 px, the caches below side by side plus 16 px.
     */
    @Test
    void aChainIsAsCompactAsItsBoxesAllow() {
        Layout layout = LAYOUT.layout(twoLayerChain());
        double relu = layout.node("Relu1").box().centreX();
        double affine2 = layout.node("Affine2").box().centreX();
        // Relu1 → Affine2: the boxes decide, 30 + 35 + 54 (label 90 + 28, cards 95 + 16 and 100 + 16)
        assertEquals(30 + 35 + 54, affine2 - relu, 1e-9);
        double affine2Right = layout.node("SoftmaxWithLoss").box().centreX();
        // Affine2 → SoftmaxWithLoss: the cards above, 95 + 35 + 16 (boxes 35 + 65 + 54 = 154)
        assertEquals(Math.max(95 + 35 + 16, 35 + 65 + 54), affine2Right - affine2, 1e-9);
        double x = layout.node("x").box().centreX();
        double affine1 = layout.node("Affine1").box().centreX();
        // x → Affine1: the 90 px label plus 14 px either side (boxes 19 + 35 + 54, cards 95 + 16)
        assertEquals(90 + 28, affine1 - x, 1e-9);
    }

    @Test
    void theShoppingGraphIsDrawnAsTheBookDrawsIt() {
        Layout layout = LAYOUT.layout(shopping());
        double inputs = layout.node("apple").box().centreX();
        for (String in : List.of("apple_num", "orange", "orange_num")) {
            assertEquals(inputs, layout.node(in).box().centreX(), 1e-9, in + " in the first column");
        }
        double products = layout.node("mul_apple_layer").box().centreX();
        assertEquals(products, layout.node("mul_orange_layer").box().centreX(), 1e-9);
        double add = layout.node("add_apple_orange_layer").box().centreX();
        assertEquals(add, layout.node("tax").box().centreX(), 1e-9, "tax right beside the × it feeds");
        assertTrue(inputs < products && products < add && add < layout.node("mul_tax_layer").box().centreX()
                && layout.node("mul_tax_layer").box().centreX() < layout.node("price").box().centreX());
        // the apples above the oranges, each product between its two factors, the sum between the
        // products, the tax below the sum and the last product between those two
        assertBetween(layout, "apple", "mul_apple_layer", "apple_num");
        assertBetween(layout, "orange", "mul_orange_layer", "orange_num");
        assertBetween(layout, "apple_num", "add_apple_orange_layer", "orange");
        assertBetween(layout, "mul_apple_layer", "add_apple_orange_layer", "mul_orange_layer");
        assertBetween(layout, "add_apple_orange_layer", "mul_tax_layer", "tax");
        assertEquals(0, GraphLayout.crossings(layout));
        assertNothingOverlaps(layout);
        assertEdgesRunLeftToRight(layout);
    }

    @Test
    void sigmoidTakenApartIsAChainOfFourNodes() {
        List<LayoutNode> nodes = new ArrayList<>(List.of(LayoutNode.of("x", TERMINAL)));
        for (String op : List.of("neg", "exp", "plus1", "div")) {
            nodes.add(LayoutNode.of(op, new Size(44, 44)));
        }
        nodes.add(LayoutNode.of("y", TERMINAL));
        List<LayoutEdge> edges = List.of(labelled("x", "neg"), labelled("neg", "exp"), labelled("exp", "plus1"),
                labelled("plus1", "div"), labelled("div", "y"));
        Layout layout = LAYOUT.layout(new Graph(nodes, edges));
        for (LayoutNode n : nodes) {
            assertEquals(layout.node("x").box().centreY(), layout.node(n.id()).box().centreY(), 1e-9);
        }
        assertNothingOverlaps(layout);
    }

    @Test
    void theOrderWithinAColumnRemovesACrossing() {
        // given in the order that crosses: a → d above b → c
        Graph crossed = new Graph(List.of(LayoutNode.of("a", TERMINAL), LayoutNode.of("b", TERMINAL),
                LayoutNode.of("c", TERMINAL), LayoutNode.of("d", TERMINAL), LayoutNode.of("e", TERMINAL)),
                List.of(labelled("a", "d"), labelled("b", "c"), labelled("c", "e"), labelled("d", "e")));
        Layout layout = LAYOUT.layout(crossed);
        assertEquals(0, GraphLayout.crossings(layout));
        assertNothingOverlaps(layout);
    }

    @Test
    void aLongEdgeGoesRoundTheNodesOfTheColumnsItCrosses() {
        Graph skip = new Graph(List.of(LayoutNode.of("a", TERMINAL), LayoutNode.of("b", new Size(80, 60)),
                LayoutNode.of("c", new Size(80, 60)), LayoutNode.of("d", TERMINAL)),
                List.of(labelled("a", "b"), labelled("b", "c"), labelled("c", "d"), labelled("a", "d")));
        Layout layout = LAYOUT.layout(skip);
        Route longEdge = layout.edges().get(3);
        for (String node : List.of("b", "c")) {
            Rect box = layout.node(node).box();
            for (int i = 0; i + 1 < longEdge.path().size(); i++) {
                assertFalse(segmentHits(longEdge.path().get(i), longEdge.path().get(i + 1), box),
                        "a → d passes " + node);
            }
        }
        assertNothingOverlaps(layout);
        assertEdgesRunLeftToRight(layout);
    }

    @Test
    void aNodeFeedingTwoKeepsTheirLabelsApart() {
        Graph fork = new Graph(List.of(LayoutNode.of("x", TERMINAL), LayoutNode.of("p", new Size(50, 40)),
                LayoutNode.of("q", new Size(50, 40)), LayoutNode.of("r", new Size(50, 40))),
                List.of(labelled("x", "p"), labelled("p", "q"), labelled("p", "r")));
        Layout layout = LAYOUT.layout(fork);
        assertNothingOverlaps(layout);
        assertEdgesRunLeftToRight(layout);
    }

    @Test
    void aCycleIsRefused() {
        Graph cycle = new Graph(List.of(LayoutNode.of("a", TERMINAL), LayoutNode.of("b", TERMINAL)),
                List.of(LayoutEdge.of("a", "b"), LayoutEdge.of("b", "a")));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.layout(cycle));
    }

    @Property(tries = 200)
    void anyDagIsLaidOutWithNothingOverlappingAndEveryEdgeRunningForward(
            @ForAll @IntRange(min = 1, max = 12) int n, @ForAll long seed) {
        Random random = new Random(seed);
        List<LayoutNode> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Size above = random.nextInt(4) == 0 ? new Size(20 + random.nextInt(160), 20 + random.nextInt(80)) : Size.NONE;
            Size below = random.nextInt(4) == 0 ? new Size(20 + random.nextInt(120), 20 + random.nextInt(80)) : Size.NONE;
            nodes.add(new LayoutNode("n" + i, new Size(20 + random.nextInt(120), 20 + random.nextInt(40)), above, below));
        }
        List<LayoutEdge> edges = new ArrayList<>();
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (random.nextDouble() < 2.0 / n) {
                    Size above = new Size(10 + random.nextInt(140), 10 + random.nextInt(60));
                    Size below = new Size(10 + random.nextInt(140), 10 + random.nextInt(60));
                    edges.add(new LayoutEdge("n" + i, "n" + j, above, below, Size.NONE));
                }
            }
        }
        java.util.Collections.shuffle(nodes, random);
        Graph graph = new Graph(nodes, edges);
        Layout layout = LAYOUT.layout(graph);
        assertEquals(n, layout.nodes().size());
        assertEquals(edges.size(), layout.edges().size());
        assertNothingOverlaps(layout);
        assertEdgesRunLeftToRight(layout);
        assertEquals(layout, LAYOUT.layout(graph), "the same graph, the same layout");
    }

    // ------------------------------------------------------------ checks

    private static void assertBetween(Layout layout, String upper, String middle, String lower) {
        double a = layout.node(upper).box().centreY();
        double b = layout.node(middle).box().centreY();
        double c = layout.node(lower).box().centreY();
        assertTrue(a < b && b < c, middle + " between " + upper + " and " + lower + ": " + a + ", " + b + ", " + c);
    }

    private static void assertNothingOverlaps(Layout layout) {
        List<Rect> solid = new ArrayList<>();
        for (Map.Entry<String, Placed> e : layout.nodes().entrySet()) {
            solid.addAll(e.getValue().rects());
        }
        for (int i = 0; i < solid.size(); i++) {
            for (int j = i + 1; j < solid.size(); j++) {
                assertFalse(solid.get(i).overlaps(solid.get(j)), solid.get(i) + " overlaps " + solid.get(j));
            }
        }
        List<Rect> labels = new ArrayList<>();
        for (Route route : layout.edges()) {
            for (Rect label : route.labels()) {
                for (Rect node : solid) {
                    assertFalse(label.overlaps(node), route.from() + " → " + route.to() + "'s label " + label
                            + " overlaps " + node);
                }
                for (Rect other : labels) {
                    assertFalse(label.overlaps(other), route.from() + " → " + route.to() + "'s label overlaps another");
                }
            }
            labels.addAll(route.labels());
        }
        for (Rect r : solid) {
            assertTrue(r.left() >= 0 && r.top() >= 0 && r.right() <= layout.width() && r.bottom() <= layout.height(),
                    r + " inside " + layout.width() + " × " + layout.height());
        }
        for (Rect r : labels) {
            assertTrue(r.left() >= 0 && r.top() >= 0 && r.right() <= layout.width() && r.bottom() <= layout.height(),
                    r + " inside " + layout.width() + " × " + layout.height());
        }
    }

    private static void assertEdgesRunLeftToRight(Layout layout) {
        for (Route route : layout.edges()) {
            List<Point> path = route.path();
            Rect from = layout.node(route.from()).box();
            Rect to = layout.node(route.to()).box();
            assertTrue(path.get(0).x() >= from.right(), "starts right of its source");
            assertTrue(path.get(0).y() >= from.top() && path.get(0).y() <= from.bottom(), "starts on its source's side");
            Point end = path.get(path.size() - 1);
            assertTrue(end.x() <= to.left(), "ends left of its target");
            assertTrue(end.y() >= to.top() && end.y() <= to.bottom(), "ends on its target's side");
            for (int i = 0; i + 1 < path.size(); i++) {
                assertTrue(path.get(i + 1).x() >= path.get(i).x() - 1e-9, route.from() + " → " + route.to()
                        + " runs forward: " + path);
            }
        }
    }

    private static boolean segmentHits(Point a, Point b, Rect r) {
        for (int k = 0; k <= 100; k++) {
            double x = a.x() + (b.x() - a.x()) * k / 100;
            double y = a.y() + (b.y() - a.y()) * k / 100;
            if (x > r.left() && x < r.right() && y > r.top() && y < r.bottom()) {
                return true;
            }
        }
        return false;
    }
}
