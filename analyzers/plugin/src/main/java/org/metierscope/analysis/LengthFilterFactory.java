package org.metierscope.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * {@code length}: Lucene {@link LengthFilter}, keeps tokens whose length in chars is within bounds.
 * Parameters: {@code min} (default 0), {@code max} (default Integer.MAX_VALUE).
 */
final class LengthFilterFactory extends AbstractTokenFilterFactory {

    private final int min;
    private final int max;

    LengthFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.min = Params.integer(settings, "min", 0, 0);
        this.max = Params.integer(settings, "max", Integer.MAX_VALUE, 0);
        if (min > max) {
            throw new IllegalArgumentException("[min] (" + min + ") must not exceed [max] (" + max + ")");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LengthFilter(tokenStream, min, max);
    }
}
