package io.labrunner.emulator.bedrock;

import java.util.List;

/**
 * The emulator's stand-in for AWS's managed PROFANITY word list: a small, mild, fixed list, enough
 * for labs to show the managed list blocking a message. AWS's own list is larger and unpublished.
 */
final class ProfanityList {
    static final List<String> WORDS = List.of(
            "damn", "damned", "dammit", "goddamn", "hell", "crap", "crappy", "shit", "shitty", "bullshit",
            "fuck", "fucking", "fucked", "bastard", "bitch", "asshole", "arse", "bollocks", "bugger",
            "piss", "pissed", "prick", "wanker", "douchebag", "motherfucker", "dickhead", "screw you");

    private ProfanityList() {
    }
}
