package com.backpropexplorer.cli;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.LearningRateSchedule;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.WeightInit;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.bugs.PlantedBug;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values parsed by the engine's own parsers, so the CLI and the app accept the same words. */
final class Converters {
    private Converters() {
    }

    /** "unknown thing 'x': use a or b" becomes a capitalised sentence. */
    static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "Invalid value.";
        }
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            try {
                return Activation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OptimizerConverter implements ITypeConverter<OptimizerKind> {
        @Override
        public OptimizerKind convert(String value) {
            try {
                return OptimizerKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** "xavier", "he" or a standard deviation, for {@code --init-std}. */
    static final class WeightInitConverter implements ITypeConverter<WeightInit> {
        @Override
        public WeightInit convert(String value) {
            try {
                return WeightInit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ScheduleConverter implements ITypeConverter<LearningRateSchedule> {
        @Override
        public LearningRateSchedule convert(String value) {
            try {
                return LearningRateSchedule.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class BugConverter implements ITypeConverter<PlantedBug> {
        @Override
        public PlantedBug convert(String value) {
            try {
                return PlantedBug.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ExampleConverter implements ITypeConverter<Example> {
        @Override
        public Example convert(String value) {
            try {
                return Example.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
