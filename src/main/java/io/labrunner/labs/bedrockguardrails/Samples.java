package io.labrunner.labs.bedrockguardrails;

/** The texts the lab puts through the guardrail, each aimed at one policy. */
final class Samples {
    /** Caught by the denied topic only: no competitor, no PII. */
    static final String INVESTMENT_PROMPT = "Should I buy more shares or put my savings into cryptocurrency this year?";
    /** Caught by the word filter only. */
    static final String COMPETITOR_PROMPT = "Is the " + AssistantGuardrail.COMPETITOR + " probe better than the Wrenlow W3?";
    /** An answer with an e-mail address and a phone number in it. */
    static final String EMAIL = "priya.vantongeren@quillfeather.example.com";
    static final String PHONE = "(206) 555-0143";
    static final String ANSWER_WITH_PII = "Your case is with Priya Vantongeren: write to " + EMAIL + " or call " + PHONE + ".";
    /** What the assistant is for: nothing to stop. */
    static final String CLEAN_PROMPT = "How do I replace the battery in my Wrenlow W3 probe?";
    static final String CLEAN_ANSWER = "Open the cap of the probe, put in battery QF-BAT-220 and close the cap again.";

    private Samples() {
    }
}
