package org.metierscope.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/**
 * {@code whitespace} tokenizer: Lucene {@link WhitespaceTokenizer}. Parameter: {@code max_token_length}
 * (default 255; longer runs are split at that length).
 */
final class WhitespaceTokenizerFactory extends AbstractTokenizerFactory {

    private final int maxTokenLength;

    WhitespaceTokenizerFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.maxTokenLength = Params.integer(settings, "max_token_length", StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH, 1);
    }

    @Override
    public Tokenizer create() {
        return new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength);
    }
}
