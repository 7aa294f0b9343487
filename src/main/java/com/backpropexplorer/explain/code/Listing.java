package com.backpropexplorer.explain.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's code, Python structured as the book structures it and written for this app: one
 * or more files (the net, the layer classes, the training loop), lines numbered over all of
 * them. Immutable.
 *
 * <p>The files are resources next to this class, in a small markup of our own: after the code,
 * {@code #@ a b} lists a line's anchors and {@code #: key} names its comment (a key of the
 * explain bundle, so comments follow the UI language); a line {@code #: key} alone is a comment
 * line. {@code ${Name}} is replaced by the part's substitutions (the activation's class, the
 * sizes), so one file serves the ReLU and the Sigmoid net.
 */
public final class Listing {
    private static final Pattern SECTION = Pattern.compile("^(\\s*)(class|def)\\s+(\\w+)");
    /** self.params['W1'], grads['b2'], self.x, dout, apple_price … */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.'])((?:self\\.)?[A-Za-z_]\\w*(?:\\['\\w+'\\])?)");
    private static final Set<String> NOT_VARIABLES = Set.of("def", "class", "return", "as", "for", "in", "if", "else",
            "not", "and", "or", "import", "from", "lambda", "None", "True", "False", "pass", "self", "np", "range",
            "list", "reversed", "float", "int", "print", "axis", "OrderedDict", "softmax", "cross_entropy_error");

    /** One file of a listing: a resource, what to keep of it, and its substitutions. */
    public record Part(String file, String resource, List<String> keep, Map<String, String> substitutions) {
        public Part {
            keep = List.copyOf(keep);
            substitutions = Map.copyOf(substitutions);
        }

        /** The whole resource {@code name} (next to this class), shown as {@code name}. */
        public static Part of(String name) {
            return new Part(name, name, List.of(), Map.of());
        }

        /** Only these top-level classes and functions of the file (and nothing at module level). */
        public Part keeping(String... topLevel) {
            return new Part(file, resource, List.of(topLevel), substitutions);
        }

        public Part with(Map<String, String> more) {
            Map<String, String> all = new java.util.HashMap<>(substitutions);
            all.putAll(more);
            return new Part(file, resource, keep, all);
        }
    }

    private final String title;
    private final List<Line> lines;

    private Listing(String title, List<Line> lines) {
        this.title = title;
        this.lines = List.copyOf(lines);
    }

    /** Reads the parts' resources and numbers their lines one after the other. */
    public static Listing of(String title, List<Part> parts) {
        List<Line> lines = new ArrayList<>();
        for (Part part : parts) {
            if (!lines.isEmpty()) {
                lines.add(parse(lines.size() + 1, part.file(), "")); // a blank line between files
            }
            for (String raw : select(read(part.resource()), part.keep())) {
                lines.add(parse(lines.size() + 1, part.file(), substitute(raw, part.substitutions())));
            }
            fillSections(lines, part.file());
        }
        return new Listing(title, lines);
    }

    /** A name for the whole listing, e.g. "TwoLayerNet". */
    public String title() {
        return title;
    }

    /** Every line, in order; {@code lines().get(n - 1)} is line n. */
    public List<Line> lines() {
        return lines;
    }

    public Line line(int number) {
        return lines.get(number - 1);
    }

    public int size() {
        return lines.size();
    }

    /** The files in the order they appear. */
    public List<String> files() {
        return lines.stream().map(Line::file).distinct().toList();
    }

    /** The line numbers that carry an anchor, in order. */
    public List<Integer> withAnchor(String anchor) {
        return lines.stream().filter(l -> l.has(anchor)).map(Line::number).toList();
    }

    /** The lines of a method or function ({@code Affine.forward}), the def line first. */
    public List<Integer> section(String name) {
        return lines.stream().filter(l -> l.section().equals(name)).map(Line::number).toList();
    }

    /** The lines of a section that do something: not the def line, not blank, not comment-only. */
    public List<Integer> body(String name) {
        return lines.stream().filter(l -> l.section().equals(name) && l.hasCode() && !isDefinition(l))
                .map(Line::number).toList();
    }

    /** The whole listing as text in that language (what a "copy" would give). */
    public String render(Locale locale) {
        StringBuilder s = new StringBuilder();
        String file = null;
        for (Line l : lines) {
            if (!l.file().equals(file)) {
                file = l.file();
                s.append("# ---- ").append(file).append('\n');
            }
            s.append(l.render(locale)).append('\n');
        }
        return s.toString();
    }

    static boolean isDefinition(Line l) {
        return SECTION.matcher(l.code()).find();
    }

    private static List<String> read(String resource) {
        try (InputStream in = Listing.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no listing " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + resource + " could not be read", e);
        }
    }

    /** Keeps the named top-level blocks, each with the blank lines after it (all when none are named). */
    private static List<String> select(List<String> raw, List<String> keep) {
        if (keep.isEmpty()) {
            return raw;
        }
        List<String> out = new ArrayList<>();
        boolean keeping = false;
        for (String line : raw) {
            Matcher m = SECTION.matcher(line);
            if (m.find() && m.group(1).isEmpty()) {
                keeping = keep.contains(m.group(3));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                keeping = false; // module-level code ends a block
            }
            if (keeping) {
                out.add(line);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String substitute(String line, Map<String, String> substitutions) {
        String out = line;
        for (Map.Entry<String, String> e : substitutions.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        if (out.contains("${")) {
            throw new IllegalArgumentException("no value for a substitution in: " + line.trim());
        }
        return out;
    }

    private static Line parse(int number, String file, String raw) {
        String code = raw;
        String comment = null;
        Set<String> anchors = new LinkedHashSet<>();
        int commentAt = code.indexOf("#:");
        if (commentAt >= 0) {
            comment = code.substring(commentAt + 2).trim();
            code = code.substring(0, commentAt);
        }
        int anchorAt = code.indexOf("#@");
        if (anchorAt >= 0) {
            for (String a : code.substring(anchorAt + 2).trim().split("\\s+")) {
                if (!a.isEmpty()) {
                    anchors.add(a);
                }
            }
            code = code.substring(0, anchorAt);
        }
        code = code.stripTrailing();
        if (code.isBlank() && comment != null) {
            code = raw.substring(0, raw.indexOf('#'));
        }
        return new Line(number, file, code, comment, anchors, "", tokens(code));
    }

    private static List<Token> tokens(String code) {
        List<Token> out = new ArrayList<>();
        String trimmed = code.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("import ") || trimmed.startsWith("from ")) {
            return out;
        }
        String scan = code;
        Matcher m = NAME.matcher(scan);
        while (m.find()) {
            String text = code.substring(m.start(1), m.end(1));
            int after = m.end(1);
            boolean call = after < scan.length() && scan.charAt(after) == '(';
            boolean keyword = NOT_VARIABLES.contains(text);
            boolean attribute = m.start(1) > 0 && scan.charAt(m.start(1) - 1) == '.';
            if (!call && !keyword && !attribute && !isDefinitionName(scan, m.start(1))) {
                out.add(new Token(m.start(1), m.end(1), text));
            }
        }
        return out;
    }

    private static boolean isDefinitionName(String scan, int at) {
        String before = scan.substring(0, at).stripTrailing();
        return before.endsWith("def") || before.endsWith("class");
    }

    /** Gives every line of one file the method or function it lies in. */
    private static void fillSections(List<Line> lines, String file) {
        String currentClass = null;
        int classIndent = -1;
        String current = "";
        int sectionIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!l.file().equals(file)) {
                continue;
            }
            if (l.hasCode()) {
                int indent = l.indent();
                if (indent <= sectionIndent) {
                    current = indent <= classIndent || currentClass == null ? "" : currentClass;
                    sectionIndent = -1;
                }
                if (indent <= classIndent) {
                    currentClass = null;
                    classIndent = -1;
                    current = "";
                }
                Matcher m = SECTION.matcher(l.code());
                if (m.find()) {
                    if (m.group(2).equals("class")) {
                        currentClass = m.group(3);
                        classIndent = indent;
                        current = currentClass;
                    } else {
                        current = currentClass == null ? m.group(3) : currentClass + "." + m.group(3);
                        sectionIndent = indent;
                    }
                }
            }
            lines.set(i, new Line(l.number(), l.file(), l.code(), l.commentKey(), l.anchors(), current, l.tokens()));
        }
    }

    /** For tests and debugging: the section of every line. */
    List<String> sections() {
        return Collections.unmodifiableList(lines.stream().map(Line::section).toList());
    }
}
