package com.backpropexplorer.ui.inspector;

import com.backpropexplorer.explain.Provenance;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a number comes from, as text: its formula in symbols, then the same sum with every
 * term's numbers (the largest terms and the rest for big sums), then its value.
 * {@code dW[0][1] = Σ_n x[n][0] · dout[n][1]  =  0.3 · 0.12 + (−0.6) · 0.05  =  0.006}.
 */
public final class ProvenanceText {
    private ProvenanceText() {
    }

    public static String of(Provenance.Origin o, I18n i18n) {
        List<String> terms = new ArrayList<>();
        for (Provenance.Term t : o.terms()) {
            List<String> factors = new ArrayList<>();
            for (Provenance.Factor f : t.factors()) {
                factors.add(number(f.value()));
            }
            terms.add(String.join(" · ", factors));
        }
        StringBuilder s = new StringBuilder(o.formula());
        if (!terms.isEmpty()) {
            s.append("\n= ").append(String.join(" + ", terms));
            if (!o.complete()) {
                s.append(" + ").append(i18n.text("provenance.rest", o.termCount() - o.terms().size(),
                        Numbers.precise(o.rest())));
            }
        }
        s.append("\n= ").append(Numbers.precise(o.value()));
        return s.toString();
    }

    private static String number(double v) {
        String text = Numbers.precise(v);
        return v < 0 ? "(" + text + ")" : text;
    }
}
