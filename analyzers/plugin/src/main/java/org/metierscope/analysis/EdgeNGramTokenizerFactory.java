package org.metierscope.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * {@code edge_ngram} tokenizer: Lucene {@link EdgeNGramTokenizer}. Parameters: {@code min_gram} (default 1),
 * {@code max_gram} (default 2), {@code token_chars} (list of letter, digit, whitespace, punctuation, symbol,
 * custom; default empty = every character belongs to a token) and {@code custom_token_chars} (characters kept
 * when {@code custom} is listed).
 */
final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {

    private static final List<String> CLASSES = List.of("letter", "digit", "whitespace", "punctuation", "symbol", "custom");

    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChar; // null = keep all characters

    EdgeNGramTokenizerFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.minGram = Params.integer(settings, "min_gram", 1, 1);
        this.maxGram = Params.integer(settings, "max_gram", 2, 1);
        if (minGram > maxGram) {
            throw new IllegalArgumentException("[min_gram] (" + minGram + ") must not exceed [max_gram] (" + maxGram + ")");
        }
        IntPredicate predicate = null;
        for (String raw : settings.getAsList("token_chars")) {
            String cls = raw.toLowerCase(Locale.ROOT);
            IntPredicate p = switch (cls) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> EdgeNGramTokenizerFactory::isPunctuation;
                case "symbol" -> EdgeNGramTokenizerFactory::isSymbol;
                case "custom" -> customChars(settings);
                default -> throw new IllegalArgumentException(
                    "[token_chars] values must be among " + CLASSES + ", got [" + raw + "]"
                );
            };
            predicate = predicate == null ? p : predicate.or(p);
        }
        this.tokenChar = predicate;
    }

    private static IntPredicate customChars(Settings settings) {
        String chars = settings.get("custom_token_chars");
        if (chars == null || chars.isEmpty()) {
            throw new IllegalArgumentException("[custom_token_chars] must be set when [token_chars] contains [custom]");
        }
        Set<Integer> set = new HashSet<>();
        chars.codePoints().forEach(set::add);
        return set::contains;
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isSymbol(int c) {
        return switch (Character.getType(c)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    @Override
    public Tokenizer create() {
        if (tokenChar == null) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        IntPredicate keep = tokenChar;
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return keep.test(chr);
            }
        };
    }
}
