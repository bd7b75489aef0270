package io.labrunner.core;

/**
 * One named judgement of the lab's result.
 *
 * @param name  what is checked, as a sentence: "Parquet is smaller than CSV"
 * @param judge the code that looks at the target and decides
 */
public record Check(String name, Judge judge) {

    @FunctionalInterface
    public interface Judge {
        CheckResult judge(LabContext ctx) throws Exception;
    }

    public static Check of(String name, Judge judge) {
        return new Check(name, judge);
    }
}
