package org.metierscope.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** {@code truncate}: Lucene {@link TruncateTokenFilter}. Parameter: {@code length} (default 10, at least 1). */
final class TruncateFilterFactory extends AbstractTokenFilterFactory {

    private final int length;

    TruncateFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.length = Params.integer(settings, "length", 10, 1);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new TruncateTokenFilter(tokenStream, length);
    }
}
