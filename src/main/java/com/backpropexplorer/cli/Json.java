package com.backpropexplorer.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** JSON lines for {@code --json}: one compact object per line, NaN written as null. */
final class Json {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    static String line(JsonObject object) {
        return GSON.toJson(object);
    }

    /** A number, or null for NaN and ±Inf, which JSON cannot express. */
    static JsonElement number(double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }

    /** A row-major matrix as nested arrays. */
    static JsonArray matrix(int rows, int cols, java.util.function.IntToDoubleFunction valueAt) {
        JsonArray out = new JsonArray(rows);
        for (int r = 0; r < rows; r++) {
            JsonArray row = new JsonArray(cols);
            for (int c = 0; c < cols; c++) {
                row.add(number(valueAt.applyAsDouble(r * cols + c)));
            }
            out.add(row);
        }
        return out;
    }

    /** A table of counts as nested arrays of integers. */
    static JsonArray table(int[][] counts) {
        JsonArray out = new JsonArray(counts.length);
        for (int[] row : counts) {
            JsonArray line = new JsonArray(row.length);
            for (int v : row) {
                line.add(v);
            }
            out.add(line);
        }
        return out;
    }
}
