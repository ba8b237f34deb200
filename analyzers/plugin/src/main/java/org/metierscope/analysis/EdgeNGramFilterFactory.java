package org.metierscope.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

import java.util.List;

/**
 * {@code edge_ngram} token filter: Lucene {@link EdgeNGramTokenFilter}. Parameters: {@code min_gram} (default 1),
 * {@code max_gram} (default 2), {@code preserve_original} (default false), {@code side} (only {@code front}).
 * Like analysis-common, it cannot be used to parse synonym rules.
 */
final class EdgeNGramFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    EdgeNGramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.minGram = Params.integer(settings, "min_gram", 1, 1);
        this.maxGram = Params.integer(settings, "max_gram", 2, 1);
        if (minGram > maxGram) {
            throw new IllegalArgumentException("[min_gram] (" + minGram + ") must not exceed [max_gram] (" + maxGram + ")");
        }
        this.preserveOriginal = Params.bool(settings, "preserve_original", false);
        Params.choice(settings, "side", "front", List.of("front"));
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
