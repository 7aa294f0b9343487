package com.backpropexplorer.ui.code;

import com.backpropexplorer.explain.CodeMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which lines of a listing the code pane marks after {@code position} stages, and how: the
 * call sites along the running stage's call path, the body lines of the innermost method, or,
 * when backward was just refused, the backward line that would read the empty cache and the
 * {@code self.loss(x, t)} line whose forward pass fills it. Pure logic, no JavaFX.
 *
 * @param callSites lines that call the next method down the path (gradient() › loss() › …)
 * @param body the lines of the innermost method that run at this stage
 * @param refusedReads the backward lines that would read an empty cache
 * @param refusedFills the lines whose forward pass fills the caches
 * @param focus the line to scroll to, or −1
 * @param breadcrumbs the call path, {@code gradient() › loss() › predict() › Affine.forward()}, or ""
 */
public record CodeMarks(Set<Integer> callSites, Set<Integer> body, Set<Integer> refusedReads,
                        Set<Integer> refusedFills, int focus, String breadcrumbs) {

    /** Nothing marked (before the first stage, or a pass without code). */
    public static final CodeMarks NONE = new CodeMarks(Set.of(), Set.of(), Set.of(), Set.of(), -1, "");

    public CodeMarks {
        callSites = Set.copyOf(callSites);
        body = Set.copyOf(body);
        refusedReads = Set.copyOf(refusedReads);
        refusedFills = Set.copyOf(refusedFills);
    }

    /**
     * The marks after {@code position} stages (stage {@code position − 1} just ran).
     *
     * @param refused whether a backward step was just refused
     */
    public static CodeMarks of(CodeMap code, int position, boolean refused) {
        if (code == null) {
            return NONE;
        }
        if (refused) {
            CodeMap.RefusalCode r = code.refusal();
            Set<Integer> calls = new TreeSet<>(r.backwardCallSite());
            int focus = r.readsCache().isEmpty() ? -1 : r.readsCache().get(0);
            String crumbs = code.stages().stream().filter(s -> s.body().containsAll(r.readsCache())
                    && !r.readsCache().isEmpty()).map(CodeMap.StageCode::breadcrumbs).findFirst().orElse("");
            return new CodeMarks(calls, Set.of(), Set.copyOf(r.readsCache()), Set.copyOf(r.fillsCache()), focus, crumbs);
        }
        if (position <= 0 || position > code.stages().size()) {
            return NONE;
        }
        CodeMap.StageCode stage = code.at(position - 1);
        return new CodeMarks(Set.copyOf(stage.callSites()), Set.copyOf(stage.body()), Set.of(), Set.of(),
                stage.focus(), stage.breadcrumbs());
    }

    /** Every marked line, in listing order. */
    public List<Integer> lines() {
        Set<Integer> all = new TreeSet<>(callSites);
        all.addAll(body);
        all.addAll(refusedReads);
        all.addAll(refusedFills);
        return List.copyOf(all);
    }
}
