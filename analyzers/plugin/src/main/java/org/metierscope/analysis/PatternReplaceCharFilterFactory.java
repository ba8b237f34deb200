package org.metierscope.analysis;

import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

import java.io.Reader;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code pattern_replace} char filter: Lucene {@link PatternReplaceCharFilter}. Parameters: {@code pattern}
 * (Java regex, required), {@code replacement} (default empty, may use {@code $1}), {@code flags} (Java flag
 * names separated by {@code |}, e.g. {@code CASE_INSENSITIVE|COMMENTS}). Usable in normalizers.
 */
final class PatternReplaceCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    private final Pattern pattern;
    private final String replacement;

    PatternReplaceCharFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        String regex = settings.get("pattern");
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("[pattern] is missing for [" + name + "] char filter of type 'pattern_replace'");
        }
        int flags;
        try {
            flags = Regex.flagsFromString(settings.get("flags"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[flags] " + e.getMessage(), e);
        }
        try {
            this.pattern = Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("[pattern] is not a valid regular expression: " + e.getMessage(), e);
        }
        this.replacement = settings.get("replacement", "");
    }

    @Override
    public Reader create(Reader reader) {
        return new PatternReplaceCharFilter(pattern, replacement, reader);
    }
}
