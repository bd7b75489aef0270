package io.labrunner.labs.iamleastprivilege;

import java.util.Locale;

/** The files a training job must not read: invented people, always the same. */
final class SampleFiles {
    private static final String[] FIRST = {"Ana", "Ben", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jia"};
    private static final String[] LAST = {"Silva", "Okafor", "Novak", "Haddad", "Berg", "Tanaka", "Moreau", "Kowal"};

    private SampleFiles() {
    }

    /** The CRM export the features were derived from: names, e-mail addresses, phone numbers. */
    static String customerContacts() {
        StringBuilder csv = new StringBuilder("customer_id,name,email,phone\n");
        for (int i = 1; i <= 40; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i * 3) % LAST.length];
            csv.append(String.format(Locale.ROOT, "C%05d,%s %s,%s.%s@example.com,+1-555-01%02d%n", i, first, last,
                    first.toLowerCase(Locale.ROOT), last.toLowerCase(Locale.ROOT), i % 100));
        }
        return csv.toString();
    }

    /** Another team's data in the same account. */
    static String salaries() {
        StringBuilder csv = new StringBuilder("employee_id,name,annual_salary_usd\n");
        for (int i = 1; i <= 12; i++) {
            csv.append(String.format(Locale.ROOT, "E%04d,%s %s,%d%n", i, FIRST[i % FIRST.length],
                    LAST[(i * 5) % LAST.length], 58_000 + i * 4_250));
        }
        return csv.toString();
    }
}
