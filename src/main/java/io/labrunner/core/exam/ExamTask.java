package io.labrunner.core.exam;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tasks of the AWS Certified Machine Learning Engineer – Associate (MLA-C01) exam guide,
 * by domain, with the domain's weight in the scored content.
 */
public enum ExamTask {
    T1_1("1.1", "Ingest and store data"),
    T1_2("1.2", "Transform data and perform feature engineering"),
    T1_3("1.3", "Ensure data integrity and prepare data for modeling"),
    T2_1("2.1", "Choose a modeling approach"),
    T2_2("2.2", "Train and refine models"),
    T2_3("2.3", "Analyze model performance"),
    T3_1("3.1", "Select deployment infrastructure based on existing architecture and requirements"),
    T3_2("3.2", "Create and script infrastructure based on existing architecture and requirements"),
    T3_3("3.3", "Use automated orchestration tools to set up CI/CD pipelines"),
    T4_1("4.1", "Monitor model inference"),
    T4_2("4.2", "Monitor and optimize infrastructure and costs"),
    T4_3("4.3", "Secure AWS resources");

    /** The exam guide's four domains and their weights. */
    public enum Domain {
        D1(1, "Data Preparation for Machine Learning", 28),
        D2(2, "ML Model Development", 26),
        D3(3, "Deployment and Orchestration of ML Workflows", 22),
        D4(4, "ML Solution Monitoring, Maintenance, and Security", 24);

        public final int number;
        public final String title;
        public final int percent;

        Domain(int number, String title, int percent) {
            this.number = number;
            this.title = title;
            this.percent = percent;
        }

        public List<ExamTask> tasks() {
            return Arrays.stream(ExamTask.values()).filter(t -> t.domain() == this).toList();
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\b([1-4]\\.[1-3])\\b");

    public final String number;
    public final String title;

    ExamTask(String number, String title) {
        this.number = number;
        this.title = title;
    }

    public Domain domain() {
        return Domain.values()[number.charAt(0) - '1'];
    }

    public static Optional<ExamTask> byNumber(String number) {
        return Arrays.stream(values()).filter(t -> t.number.equals(number.trim())).findFirst();
    }

    /** The tasks a lab's exam-task line names, e.g. {@code "1.2 Transform data, 1.3 Ensure data integrity"}. */
    public static List<ExamTask> named(String text) {
        Matcher m = NUMBER.matcher(text);
        List<ExamTask> tasks = new java.util.ArrayList<>();
        while (m.find()) {
            byNumber(m.group(1)).filter(t -> !tasks.contains(t)).ifPresent(tasks::add);
        }
        return tasks;
    }

    @Override
    public String toString() {
        return number + " " + title;
    }
}
