package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Numbers;
import com.backpropexplorer.ui.lesson.LessonModel;

/**
 * The line under a lesson's buttons: which stage was run last and which way it went, and at
 * the turning points what came out (the loss, or the price of a shopping graph), why Step
 * forward is greyed out, and how the update changed the loss; the iteration after the first.
 */
final class StageCaption {
    private StageCaption() {
    }

    static String of(LessonModel model, I18n i18n) {
        if (model.trace() == null) {
            return model.status() == LessonModel.Status.LOADING ? i18n.text("status.loading") : "";
        }
        Stage current = model.currentStage();
        String text = current == null ? i18n.text("status.start", model.stageCount()) : stage(model, current, i18n);
        int iteration = model.iterations().iteration();
        return iteration == 0 ? text : i18n.text("status.iteration", iteration + 1) + "  ·  " + text;
    }

    private static String stage(LessonModel model, Stage current, I18n i18n) {
        String direction = i18n.text(current.isForward() ? "timeline.forward"
                : current.isUpdate() ? "timeline.update" : "timeline.backward");
        String text = i18n.text("status.stage", model.position(), model.stageCount(), direction, current.layer());
        if (model.position() == model.forwardCount()) {
            if (model.example().hasWeights()) {
                text += "  ·  " + i18n.text("status.loss", Numbers.precise(model.trace().loss()));
            } else {
                var out = model.trace().stage(model.forwardCount() - 1).output(); // price, y: a plain number
                String plain = Numbers.plain(out.value());
                text += "  ·  " + out.name() + " = " + (plain != null ? plain : Numbers.precise(out.value()));
            }
            text += "  ·  " + i18n.text("status.forwardDone"); // why Step forward greyed out
        } else if (model.position() == model.stageCount()) {
            text += "  ·  " + i18n.text("status.backwardDone");
        }
        if (current.isUpdate() && model.trace().update().isPresent()) {
            var update = model.trace().update().get();
            text += "  ·  " + i18n.text("status.lossChange", Numbers.precise(update.lossBefore()),
                    Numbers.precise(update.lossAfter()));
        }
        return text;
    }
}
